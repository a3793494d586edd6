/**
 * The JSON writers: `--json` in bounded pieces that join to one document, and `--ndjson` one
 * line per document; both read back, through fromJsonReport, to the report they were made from.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanDocuments } from '../../src/core/index.js';
import { fromJsonReport, type JsonReport } from '../../src/core/report-json.js';
import type { Report } from '../../src/core/types.js';
import { renderJsonChunks, renderNdjsonLines, renderReportJson } from '../../src/render/json.js';
import { seeds } from '../helpers/fixtures.js';

async function seedReport(): Promise<Report> {
  const docs = readdirSync(seeds)
    .sort()
    .map((name) => ({ id: `fixtures/seeds/${name}`, text: readFileSync(path.join(seeds, name), 'utf8') }));
  return scanDocuments(docs, { maxMatches: 5 });
}

describe('renderJsonChunks', () => {
  it('joins to one JSON document whatever the piece size, and reads back to the same report', async () => {
    const report = await seedReport();
    const whole = renderReportJson(report);
    expect(whole.endsWith('}\n')).toBe(true);
    const small = [...renderJsonChunks(report, {}, 100)];
    expect(small.length).toBeGreaterThan(report.documents.length);
    expect(small.join('')).toBe(whole);
    expect(fromJsonReport(JSON.parse(whole) as JsonReport)).toEqual(report);
  });

  it('keeps pieces near the requested size: a slice of documents, or one document when larger', async () => {
    const seedsReport = await seedReport();
    // 400 documents without paragraphs: many documents per piece.
    const documents = Array.from({ length: 400 }, (_, i) => ({ ...seedsReport.documents[i % seedsReport.documents.length]!, path: `doc-${i}.txt`, segments: [] }));
    const report: Report = { ...seedsReport, documents, groups: [] };
    const chunkChars = 8192;
    const chunks = [...renderJsonChunks(report, {}, chunkChars)];
    const whole = chunks.join('');
    expect(chunks.length).toBeGreaterThan(whole.length / (2 * chunkChars));
    for (const chunk of chunks) expect(chunk.length).toBeLessThan(2 * chunkChars);
    expect((JSON.parse(whole) as JsonReport).documents).toHaveLength(400);
  });

  it('writes extra fields last, after the report', async () => {
    const report = await seedReport();
    const parsed = JSON.parse(renderReportJson(report, { check: { failOn: null } })) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['schemaVersion', 'options', 'summary', 'files', 'documents', 'groups', 'storyPairs', 'warnings', 'check']);
    expect(parsed.check).toEqual({ failOn: null });
  });
});

describe('renderNdjsonLines', () => {
  it('writes a report line, one line per document and per group, and a summary line, each an object with a type', async () => {
    const report = await seedReport();
    const lines = [...renderNdjsonLines(report)];
    for (const line of lines) expect(line.endsWith('\n') && !line.slice(0, -1).includes('\n')).toBe(true);
    const parsed = lines.map((line) => JSON.parse(line) as { type: string } & Record<string, unknown>);
    expect(parsed.map((p) => p.type)).toEqual([
      'report',
      ...report.documents.map(() => 'document'),
      ...report.groups.map(() => 'group'),
      ...report.storyPairs.map(() => 'storyPair'),
      'summary',
    ]);
  });

  it('holds the same report as --json: documents, groups and story pairs line for line', async () => {
    const report = await seedReport();
    const json = JSON.parse(renderReportJson(report)) as JsonReport;
    const parsed = [...renderNdjsonLines(report)].map((line) => JSON.parse(line) as Record<string, unknown>);
    const strip = ({ type: _type, ...rest }: Record<string, unknown>): Record<string, unknown> => rest;
    const head = parsed[0]!;
    const tail = parsed[parsed.length - 1]!;
    const rebuilt = {
      schemaVersion: head.schemaVersion,
      options: head.options,
      summary: tail.summary,
      files: head.files,
      documents: parsed.filter((p) => p.type === 'document').map(strip),
      groups: parsed.filter((p) => p.type === 'group').map(strip),
      storyPairs: parsed.filter((p) => p.type === 'storyPair').map(strip),
      warnings: tail.warnings,
    };
    expect(rebuilt).toEqual(json);
  });
});

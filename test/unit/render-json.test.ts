/** renderJsonChunks writes exactly renderJson's text, in bounded pieces (for reports of any size). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanDocuments } from '../../src/core/index.js';
import type { Report } from '../../src/core/types.js';
import { renderJson, renderJsonChunks } from '../../src/render/json.js';
import { seeds } from '../helpers/fixtures.js';

async function seedReport(): Promise<Report> {
  const docs = readdirSync(seeds)
    .sort()
    .map((name) => ({ id: `fixtures/seeds/${name}`, text: readFileSync(path.join(seeds, name), 'utf8') }));
  return scanDocuments(docs);
}

describe('renderJsonChunks', () => {
  it('joins to renderJson byte for byte on the seeds report, in one chunk or in many', async () => {
    const report = await seedReport();
    const expected = renderJson(report);
    expect([...renderJsonChunks(report)].join('')).toBe(expected);
    const small = [...renderJsonChunks(report, 100)];
    expect(small.length).toBeGreaterThan(report.documents.length);
    expect(small.join('')).toBe(expected);
  });

  it('keeps chunks near the requested size: a slice of documents, or one document when larger', async () => {
    const seeds = await seedReport();
    // 400 documents of a few hundred characters each: many documents per chunk.
    const documents = Array.from({ length: 400 }, (_, i) => ({ ...seeds.documents[i % seeds.documents.length]!, segments: [] }));
    const report: Report = { ...seeds, documents };
    const chunkChars = 8192;
    const chunks = [...renderJsonChunks(report, chunkChars)];
    expect(chunks.join('')).toBe(renderJson(report));
    expect(chunks.length).toBeGreaterThan(renderJson(report).length / (2 * chunkChars));
    for (const chunk of chunks) expect(chunk.length).toBeLessThan(2 * chunkChars);
  });

  it('matches JSON.stringify on empty arrays and objects, omitted fields and nested values', () => {
    const odd = {
      schemaVersion: 1,
      options: {},
      summary: { documents: 0, note: undefined },
      documents: [],
      groups: [{ id: 1, documents: ['a "quoted"\nname', 'b'], clusters: 0, extra: { nested: [1, [2, {}]] } }],
      warnings: [undefined, null, 'x\u2028y'],
    } as unknown as Report;
    expect([...renderJsonChunks(odd, 1)].join('')).toBe(renderJson(odd));
  });
});

/**
 * The JSON form of the report (core/report-json.ts) says what the in-memory Report says:
 * written and read back it is the same report, on every fixture folder, with every match
 * listed and word operations on; and its shortcuts only ever point backwards.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createScanner, resolveOptions } from '../../src/core/index.js';
import { fromJsonReport, toJsonReport, type JsonReport } from '../../src/core/report-json.js';
import type { Report } from '../../src/core/types.js';
import { repoRoot } from '../helpers/cli.js';

const fixtures = path.join(repoRoot, 'fixtures');

async function reportOf(folder: string): Promise<Report> {
  const dir = path.join(fixtures, folder);
  const scanner = await createScanner(resolveOptions({ maxMatches: 0 }));
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (statSync(file).isFile()) scanner.add({ id: `${folder}/${name}`, text: readFileSync(file, 'utf8') });
  }
  return (await scanner.finish()).report;
}

const folders = readdirSync(fixtures).filter((name) => statSync(path.join(fixtures, name)).isDirectory());

describe('the JSON report', () => {
  it.each(folders)('reads back to the same report: %s', async (folder) => {
    const report = await reportOf(folder);
    const json = JSON.parse(JSON.stringify(toJsonReport(report))) as JsonReport;
    expect(fromJsonReport(json)).toEqual(report);
  });

  it('refers to a text only where it was written before, and to a file by its place in files', async () => {
    const json = toJsonReport(await reportOf('seeds'));
    expect(json.files.slice(0, json.documents.length)).toEqual(json.documents.map((d) => d.path));
    let references = 0;
    json.documents.forEach((doc, file) =>
      doc.segments.forEach((s, index) => {
        if (!s.sameText) return;
        references++;
        const [from, segment] = s.sameText;
        expect(from < file || (from === file && segment < index)).toBe(true);
        expect(json.documents[from]!.segments[segment]!.text).toBeDefined();
      }),
    );
    expect(references).toBeGreaterThan(0);
  });

  it('writes word operations as counts that the two texts turn back into words, Chinese characters one each', async () => {
    const scanner = await createScanner(resolveOptions({ maxMatches: 0, minWords: 3 }));
    const original = '北京市政府周二宣布，地铁票价将从明年一月起上涨两元，以弥补运营成本的增加。';
    scanner.add({ id: 'a.txt', text: `The city council met on Tuesday and voted to raise bus fares by ten cents from January.\n\n${original}\n` });
    scanner.add({ id: 'b.txt', text: `The city council met on Monday and voted to raise the bus fares by ten cents from March.\n\n${original.replace('两元', '三元')}\n` });
    const report = (await scanner.finish()).report;
    const json = toJsonReport(report);
    const ops = json.documents.flatMap((d) => d.segments.flatMap((s) => (s.matches ?? []).flatMap((m) => (m.ops ? [m.ops] : []))));
    // 两 → 三: 23 characters unchanged before it, 13 after.
    expect(ops).toEqual(['=23 -1 +1 =13', '=23 -1 +1 =13']);
    const read = fromJsonReport(JSON.parse(JSON.stringify(json)) as JsonReport);
    expect(read).toEqual(report);
    expect(read.documents[1]!.segments[1]!.matches[0]!.ops!.filter((op) => op.op !== 'equal')).toEqual([
      { op: 'delete', text: '两' },
      { op: 'insert', text: '三' },
    ]);
    // Operations that are not counts are refused, named.
    json.documents[1]!.segments[1]!.matches![0]!.ops = '=23 x1';
    expect(() => fromJsonReport(json)).toThrow('"x1" is not a word operation');
    for (const bad of ['=', '=-3', '=1e1', '=0x2', '+0']) {
      json.documents[1]!.segments[1]!.matches![0]!.ops = bad;
      expect(() => fromJsonReport(json)).toThrow(`"${bad}" is not a word operation`);
    }
    json.documents[1]!.segments[1]!.matches![0]!.ops = '=999';
    expect(() => fromJsonReport(json)).toThrow("reads past the end of this paragraph's 37 words");
    // A report of another schema version is refused, named.
    expect(() => fromJsonReport({ ...json, schemaVersion: 3 } as unknown as JsonReport)).toThrow('a report of schema 3; this dedupe reads schema 4');
  });

  it('is smaller than the in-memory report written whole', async () => {
    const report = await reportOf('seeds');
    expect(JSON.stringify(toJsonReport(report)).length).toBeLessThan(JSON.stringify(report).length * 0.6);
  });
});

/**
 * A template fill through the CLI: a dividend notice, its reprint by a second outlet, and the
 * same frame filled in for another company, among 200 wire-like articles (a scan that weighs its
 * words). The other company's paragraph is edited but links no group, and the report says why.
 */
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wireArchive } from '../helpers/notices.js';
import { runCli, runRawJson } from '../helpers/in-process.js';
import { named, pageData } from '../helpers/html.js';

describe('a template fill (dedupe on a folder)', () => {
  it('says in the human report why an edited paragraph links nothing', async () => {
    const result = await runCli(['.', '--no-color'], { cwd: wireArchive() });
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    const heading = lines.findIndex((line) => line.startsWith('medco.txt'));
    expect(lines[heading]).toContain('no group');
    const row = lines.slice(heading).find((line) => line.includes(' edited '))!;
    expect(row).toContain('porex');
    expect(row).toContain('[template fill, links nothing]');
    // The reprint's paragraphs link their group, and carry no such note.
    expect(lines.filter((line) => line.includes('[template')).length).toBe(1);
  });

  it("gives the paragraph's template in --json", async () => {
    const { report, result } = await runRawJson<{ files: string[]; documents: Array<{ path: string; group: number | null; segments: Array<{ status?: string; template?: string }> }> }>(['.'], { cwd: wireArchive() });
    expect(result.code).toBe(0);
    const medco = report.documents.find((d) => d.path === 'medco.txt')!;
    expect(medco.group).toBeNull();
    expect(medco.segments[1]).toMatchObject({ status: 'edited', template: 'fill' });
    expect(report.documents.filter((d) => d.segments.some((s) => s.template !== undefined)).map((d) => d.path)).toEqual(['medco.txt']);
  });

  it('counts no template paragraph as reused: the fill is 0% reused, the reprint 100%', async () => {
    const { report } = await runRawJson<{ documents: Array<{ path: string; reusedShare: number }> }>(['.'], { cwd: wireArchive() });
    const share = (name: string): number | undefined => report.documents.find((d) => d.path === name)?.reusedShare;
    expect(share('medco.txt')).toBe(0);
    expect(share('porex-reprint.txt')).toBe(1);
  });

  it('fails no ingest gate on a fill: check passes the other company and flags the reprint', async () => {
    const cwd = wireArchive();
    mkdirSync(path.join(cwd, 'incoming'));
    for (const name of ['medco.txt', 'porex-reprint.txt']) renameSync(path.join(cwd, name), path.join(cwd, 'incoming', name));
    expect((await runCli(['index', 'add', '--exclude', 'incoming/**', '.'], { cwd })).code).toBe(0);
    for (const failOn of ['document', 'edited']) {
      expect((await runCli(['check', '-q', '--fail-on', failOn, 'incoming/medco.txt'], { cwd })).code).toBe(0);
      expect((await runCli(['check', '-q', '--fail-on', failOn, 'incoming/porex-reprint.txt'], { cwd })).code).toBe(1);
    }
  });
});

describe('a template fill in the HTML report', () => {
  it("notes the fill beside the paragraph's best match", async () => {
    const cwd = wireArchive();
    expect((await runCli(['-q', '--html', 'r.html', '.'], { cwd })).code).toBe(0);
    const data = pageData(readFileSync(path.join(cwd, 'r.html'), 'utf8'));
    const documents = named(data.documentFields, data.documents);
    const medco = documents.find((d) => d.path === 'medco.txt')!;
    const best = (data.details[medco.detail as number]![1] as unknown[])[1] as unknown[];
    expect(best.slice(3)).toEqual(['edited', 1, 0, 'fill']);
    // The reprint's paragraphs link their group: no note.
    const reprint = documents.find((d) => d.path === 'porex-reprint.txt')!;
    const reprintBest = (data.details[reprint.detail as number]![1] as unknown[]).filter((b) => Array.isArray(b)) as unknown[][];
    expect(reprintBest.length).toBeGreaterThan(0);
    expect(reprintBest.every((b) => b.length <= 6)).toBe(true);
  });
});

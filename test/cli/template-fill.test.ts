/**
 * A template fill through the CLI: a dividend notice, its reprint by a second outlet, and the
 * same frame filled in for another company, among 200 wire-like articles (a scan that weighs its
 * words). The other company's paragraph is edited but links no group, and the report says why.
 */
import { describe, expect, it } from 'vitest';
import { wireArchive } from '../helpers/notices.js';
import { runCli, runRawJson } from '../helpers/in-process.js';

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
});

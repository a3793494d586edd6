/**
 * A local story quoting the wire is `partial`, not the agency's `version`, and keeps the wire's
 * dateline where it quotes it (fixtures/local-story; a new user's run).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/types.js';
import { SEED, tempDir } from '../helpers/fixtures.js';
import { runCli, runJson } from '../helpers/in-process.js';

const LOCAL = 'fixtures/local-story/veterans.txt';

describe('a local story quoting the AP lede (fixtures/local-story)', () => {
  it('is partial, its comparison without "dateline dropped"', async () => {
    const { report } = await runJson<Report>([SEED.original, LOCAL]);
    const group = report.groups[0]!;
    expect(group.original).toBe(SEED.original);
    const local = group.members.find((m) => m.path === LOCAL)!;
    expect(local.role).toBe('partial');
    expect(local.comparison!.edits.map((e) => e.kind)).not.toContain('dateline-dropped');
    const { stdout } = await runCli(['--no-color', SEED.original, LOCAL]);
    expect(stdout).toMatch(/^ {2}partial +fixtures\/local-story\/veterans\.txt +uses \d+% of the original \(\d+ same, \d+ changed\), with \d+ paragraphs of its own/m);
  });

  it('describes what it uses, not a reprint\'s edits: no "trimmed from the bottom", "new lede" or "quote added" (a local story quoting two wire paragraphs read so; a new user)', async () => {
    const { report } = await runJson<Report>([SEED.original, LOCAL]);
    const local = report.groups[0]!.members.find((m) => m.path === LOCAL)!;
    const kinds = local.comparison!.edits.map((e) => e.kind);
    for (const kind of ['trimmed-from-bottom', 'new-lede', 'quote-added', 'dateline-dropped', 'dateline-replaced', 'credit-dropped'] as const) expect(kinds).not.toContain(kind);
    const { stdout } = await runCli(['--no-color', SEED.original, LOCAL]);
    const line = stdout.split('\n').find((l) => l.startsWith('  partial '))!;
    expect(line).not.toMatch(/dropped|trimmed|new lede|quote added/);
  });

  it('stays partial with a copy of itself beside it, and when dated a day after the AP story (review)', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'copy.txt'), readFileSync(LOCAL));
    const { report } = await runJson<Report>([SEED.original, LOCAL, dir]);
    expect(report.groups[0]!.members.filter((m) => m.path === LOCAL || m.path.endsWith('copy.txt')).map((m) => m.role)).toEqual(['partial', 'partial']);
    const feed = path.join(dir, 'feed.jsonl');
    const record = (id: string, published: string, file: string) => JSON.stringify({ id, published, text: readFileSync(file, 'utf8') });
    writeFileSync(feed, `${record('ap', '2024-10-23', SEED.original)}\n${record('local', '2024-10-24', LOCAL)}\n`);
    const { report: dated } = await runJson<Report>([feed]);
    expect(Object.fromEntries(dated.groups[0]!.members.map((m) => [m.path, m.role]))).toEqual({ ap: 'original', local: 'partial' });
  });

  it("beside the seeds: 003 stays the agency's version, the reprints reprints", async () => {
    const { report } = await runJson<Report>(['fixtures/seeds', LOCAL]);
    const roles = Object.fromEntries(report.groups[0]!.members.map((m) => [m.path, m.role]));
    expect(roles).toMatchObject({ [SEED.original]: 'original', [SEED.update]: 'version', [SEED.reprintA]: 'reprint', [LOCAL]: 'partial' });
  });
});

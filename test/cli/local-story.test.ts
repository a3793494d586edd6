/**
 * A local story quoting the wire is `partial`, not the agency's `version`, and keeps the wire's
 * dateline where it quotes it (fixtures/local-story; a new user's run).
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/types.js';
import { SEED } from '../helpers/fixtures.js';
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
    expect(stdout).toMatch(/^ {2}partial +fixtures\/local-story\/veterans\.txt +keeps \d+% of the original/m);
  });

  it("beside the seeds: 003 stays the agency's version, the reprints reprints", async () => {
    const { report } = await runJson<Report>(['fixtures/seeds', LOCAL]);
    const roles = Object.fromEntries(report.groups[0]!.members.map((m) => [m.path, m.role]));
    expect(roles).toMatchObject({ [SEED.original]: 'original', [SEED.update]: 'version', [SEED.reprintA]: 'reprint', [LOCAL]: 'partial' });
  });
});

/** Issue 11, defect 3: the oldest file time is evidence from the CLI, handed to the core as data. */
import { copyFileSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/types.js';
import { fixtures, tempDir, withFileTimes } from '../helpers/fixtures.js';
import { runCli, runJson } from '../helpers/in-process.js';

const HOUR = 3600;

/** The fixture copied to a temporary folder, the reprint's file two hours newer than the story's. */
function withTimes(): string {
  return withFileTimes('file-time', [['harbour-board.txt', 3 * HOUR], ['harbour-board-reprint.txt', HOUR]]);
}

describe('file time (fixtures/file-time)', () => {
  it('the older file is the original when nothing in the texts decides', async () => {
    const dir = withTimes();
    const { report } = await runJson<Report>(['.'], { cwd: dir, env: { DEDUPE_FILE_TIMES: '1' } });
    const group = report.groups[0]!;
    expect(group.original).toBe('harbour-board.txt');
    expect(group.originalReasons).toEqual([{ kind: 'file-time', detail: 'oldest file', weight: 0.25 }]);
    expect(group.confidence).toBeLessThan(0.6);
    expect(group.members.find((m) => m.path === 'harbour-board-reprint.txt')!.role).toBe('reprint');
    const { stdout } = await runCli(['--no-color', '.'], { cwd: dir, env: { DEDUPE_FILE_TIMES: '1' } });
    expect(stdout).toContain('original harbour-board.txt (confidence 0.56: oldest file)');
  });

  it('sign, join and report decide as the scan does: the file times go through the Parquet files (found by a new user), and not with DEDUPE_FILE_TIMES=0', async () => {
    const dir = withTimes();
    for (const times of ['1', '0']) {
      const out = path.join(tempDir(), 'signed');
      const env = { DEDUPE_FILE_TIMES: times };
      expect((await runCli(['sign', '.', '--out', out], { cwd: dir, env })).code).toBe(0);
      expect((await runCli(['join', out, '--memory-limit', '256MB', '--threads', '1'], { cwd: dir })).code).toBe(0);
      const sharded = await runJson<Report>(['report', out, '--json'], { cwd: dir, env });
      const scanned = await runJson<Report>(['--json', '.'], { cwd: dir, env });
      expect(sharded.report.groups[0]!.original, times).toBe(times === '1' ? 'harbour-board.txt' : null);
      expect(sharded.report.groups).toEqual(scanned.report.groups);
    }
  });

  it('DEDUPE_FILE_TIMES=0 leaves the times out: undecided', async () => {
    const dir = withTimes();
    const { report } = await runJson<Report>(['.'], { cwd: dir, env: { DEDUPE_FILE_TIMES: '0' } });
    expect(report.groups[0]!.original).toBeNull();
  });

  it('an index stores the times, and check weighs them against the incoming article', async () => {
    const dir = withTimes();
    const env = { DEDUPE_FILE_TIMES: '1' };
    expect((await runCli(['index', 'add', 'harbour-board.txt'], { cwd: dir, env })).code).toBe(0);
    const { report } = await runJson<Report>(['check', 'harbour-board-reprint.txt'], { cwd: dir, env });
    expect(report.groups[0]!.original).toBe('harbour-board.txt');
  });
});

describe('file times in the sharded report', () => {
  it('DEDUPE_FILE_TIMES=0 at report time leaves the times stored at signing out of the evidence (it was checked and then ignored; found by a new user)', async () => {
    const dir = tempDir();
    const folder = path.join(dir, 'ft');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(folder);
    for (const name of ['wire.txt', 'rewrite.txt']) copyFileSync(path.join(fixtures, 'reworded-reprint', name), path.join(folder, name));
    utimesSync(path.join(folder, 'wire.txt'), new Date('2024-01-01'), new Date('2024-01-01'));
    utimesSync(path.join(folder, 'rewrite.txt'), new Date('2024-03-01'), new Date('2024-03-01'));
    const out = path.join(dir, 'signed');
    const withTimes = { DEDUPE_FILE_TIMES: '1' };
    expect((await runCli(['sign', folder, '--out', out, '-q'], { env: withTimes })).code).toBe(0);
    expect((await runCli(['join', out, '-q'])).code).toBe(0);
    const timed = (await runJson<Report>(['report', out], { env: withTimes })).report;
    expect(timed.groups[0]!.originalReasons.map((r) => r.kind)).toContain('file-time');
    const untimed = (await runJson<Report>(['report', out], { env: { DEDUPE_FILE_TIMES: '0' } })).report;
    expect(untimed.groups[0]!.originalReasons.map((r) => r.kind)).not.toContain('file-time');
  });
});

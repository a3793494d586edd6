/**
 * Progress on stderr: drawn on a terminal for runs over a second, overwritten in place and
 * cleared at the end; never when stderr is not a terminal, with --quiet or --no-progress.
 * `index add` says when it waits for another process's write lock.
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { renderProgress } from '../../src/render/progress.js';
import { SEED, tempDir } from '../helpers/fixtures.js';
import { runInProcess } from '../helpers/in-process.js';

/** A clock that moves `step` milliseconds each time it is read. */
function ticking(step: number): () => number {
  let now = 0;
  return () => (now += step);
}

const CLEAR = '\r\u001b[K';

describe('the progress line', () => {
  it('is drawn on a terminal when the run lasts over a second, in place, within the width, and cleared at the end', async () => {
    const result = await runInProcess(['fixtures/seeds'], { stderrColumns: 60, now: ticking(300) });
    expect(result.code).toBe(0);
    const frames = result.stderr.split('\r').filter((frame) => frame !== '');
    expect(frames.length).toBeGreaterThan(1);
    expect(result.stderr).toMatch(/\rdedupe: reading 5\/5 files, 196 paragraphs, [\d.,]+ files\/s/);
    expect(result.stderr).toContain('\rdedupe: matching 196 paragraphs');
    for (const frame of frames) expect(frame.replace('\u001b[K', '').length).toBeLessThan(60);
    expect(result.stderr.endsWith(CLEAR)).toBe(true);
    expect(result.stderr).not.toContain('\n');
    expect(result.stdout).toMatch(/^5 files, .*\n\nGroup 1: /);
  });

  it('is not drawn for a run under a second, when stderr is not a terminal, with --quiet or with --no-progress', async () => {
    const slow = ticking(300);
    expect((await runInProcess(['fixtures/seeds'], { stderrColumns: 80, now: () => 0 })).stderr).toBe('');
    expect((await runInProcess(['fixtures/seeds'], { now: ticking(300) })).stderr).toBe('');
    expect((await runInProcess(['-q', '--no-progress', 'fixtures/seeds'], { stderrColumns: 80, now: slow })).stderr).toBe('');
    expect((await runInProcess(['--quiet', 'fixtures/seeds'], { stderrColumns: 80, now: slow })).stderr).toBe('');
    expect((await runInProcess(['--no-progress', 'fixtures/seeds'], { stderrColumns: 80, now: slow })).stderr).toBe('');
  });

  it('is cleared before a warning, so the warning stands on a line of its own', async () => {
    const result = await runInProcess(['fixtures/seeds', 'fixtures/bad-files', '--json'], { stderrColumns: 80, now: ticking(300) });
    for (const line of result.stderr.split('\n').filter((l) => l.includes('warning'))) {
      expect(line.replace(/^[\s\S]*\r\u001b\[K/, '')).toMatch(/^dedupe: warning: fixtures\/bad-files\/\w+\.txt: /);
    }
  });

  it('a terminal that reports 0 columns is taken as 80 wide, or as wide as COLUMNS says', async () => {
    const result = await runInProcess(['fixtures/seeds'], { stderrColumns: 0, now: ticking(300) });
    expect(result.stderr).toMatch(/\rdedupe: reading 5\/5 files, 196 paragraphs, /);
    const narrow = await runInProcess(['fixtures/seeds'], { stderrColumns: 0, now: ticking(300), env: { COLUMNS: '30' } });
    const frames = narrow.stderr.split('\r').filter((frame) => frame !== '');
    expect(frames.length).toBeGreaterThan(1);
    for (const frame of frames) expect(frame.replace('\u001b[K', '').length).toBeLessThan(30);
  });

  it('renders stage, counts and rates, cut to the width', () => {
    const event = { stage: 'prepare' as const, done: 1234, total: 4354, paragraphs: 18201, bytes: 3_200_000 };
    expect(renderProgress({ event, stageMs: 1000, noun: 'file' }, 120)).toBe('dedupe: reading 1,234/4,354 files, 18,201 paragraphs, 1,234 files/s, 3.2 MB/s');
    expect(renderProgress({ event, stageMs: 100, noun: 'document' }, 120)).toBe('dedupe: reading 1,234/4,354 documents, 18,201 paragraphs');
    expect(renderProgress({ event, stageMs: 1000, noun: 'file' }, 30)).toBe('dedupe: reading 1,234/4,354…');
    expect(renderProgress({ event: { stage: 'wait-lock', file: '.dedupe/index.db' }, stageMs: 2500, noun: 'file' }, 120)).toBe(
      'dedupe: waiting for .dedupe/index.db: another process is writing to it (2 s)',
    );
  });
});

describe('index add waiting for the write lock', () => {
  /** An index with one article, and a connection of "another process" holding its write lock. */
  async function lockedIndex(): Promise<{ cwd: string; holder: Database.Database }> {
    const cwd = tempDir();
    copyFileSync(SEED.original, path.join(cwd, 'a.txt'));
    copyFileSync(SEED.update, path.join(cwd, 'b.txt'));
    expect((await runInProcess(['index', 'add', 'a.txt'], { cwd })).code).toBe(0);
    const holder = new Database(path.join(cwd, '.dedupe/index.db'));
    holder.exec('BEGIN IMMEDIATE');
    return { cwd, holder };
  }

  it('says so once (not a terminal), waits, and goes on when the lock is released', async () => {
    const { cwd, holder } = await lockedIndex();
    try {
      const release = (text: string): void => {
        if (text.includes('waiting for') && holder.inTransaction) holder.exec('COMMIT');
      };
      const result = await runInProcess(['index', 'add', '-q', 'b.txt'], { cwd, onStderr: release });
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('dedupe: waiting for .dedupe/index.db: another process is writing to it (up to 30 s)\n');
      expect(result.stdout).toMatch(/1 added/);
    } finally {
      holder.close();
    }
  });

  it('on a terminal, shows the wait in the progress line at once, then clears it', async () => {
    const { cwd, holder } = await lockedIndex();
    try {
      let waits = 0;
      const release = (text: string): void => {
        if (text.includes('waiting for') && ++waits === 3) holder.exec('COMMIT');
      };
      const result = await runInProcess(['index', 'add', 'b.txt'], { cwd, onStderr: release, stderrColumns: 100, now: ticking(150) });
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/^\rdedupe: waiting for \.dedupe\/index\.db: another process is writing to it \(\d+ s\)/);
      expect(result.stderr.endsWith(CLEAR)).toBe(true);
    } finally {
      holder.close();
    }
  });
});

describe('an index of an older schema', () => {
  it('is upgraded once, and the command says so first (it can take minutes on a large index)', async () => {
    const cwd = tempDir();
    copyFileSync(path.join(process.cwd(), SEED.original), path.join(cwd, 'a.txt'));
    copyFileSync(path.join(process.cwd(), SEED.update), path.join(cwd, 'b.txt'));
    expect((await runInProcess(['index', 'add', '-q', 'a.txt'], { cwd })).code).toBe(0);
    // As schema 2 left it: no content words, no content keys, no word counts.
    const db = new Database(path.join(cwd, '.dedupe', 'index.db'));
    db.exec('DROP TABLE word_documents; DROP TABLE content_keys; ALTER TABLE variants DROP COLUMN content');
    db.pragma('user_version = 2');
    db.close();
    const first = await runInProcess(['check', '-q', 'b.txt'], { cwd });
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('dedupe: upgrading .dedupe/index.db from index schema 2 to 5 (once; it reads every stored article)\n');
    expect((await runInProcess(['check', '-q', 'b.txt'], { cwd })).stderr).toBe('');
    // index stats, often the first command after an update, says it too; on a terminal as a line of its own.
    const again = new Database(path.join(cwd, '.dedupe', 'index.db'));
    again.exec('DROP TABLE word_documents; DROP TABLE content_keys; ALTER TABLE variants DROP COLUMN content');
    again.pragma('user_version = 2');
    again.close();
    const stats = await runInProcess(['index', 'stats'], { cwd, stderrColumns: 40, now: ticking(300) });
    expect(stats.stderr).toBe('dedupe: upgrading .dedupe/index.db from index schema 2 to 5 (once; it reads every stored article)\n');
    expect(stats.stdout).toMatch(/schema +5/);
  });
});


/**
 * Crash safety (issue 4): `dedupe index add` killed with SIGKILL at random moments leaves the
 * index exactly as it was before the batch or as it is after it, never in between and never
 * corrupt. The real CLI is spawned on a batch of new and changed articles and killed; the
 * database is then opened as the next run would open it (recovering the write-ahead log).
 */
import { copyFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { IndexStore } from '../../src/store/index-store.js';
import { random, syntheticArticle, writeArticles } from '../helpers/articles.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/fixtures.js';
import { startCli } from '../helpers/spawn.js';

const KILLS = 24;

interface IndexState {
  documents: string;
  paragraphs: number;
  variants: number;
  bandKeys: number;
}

/** Everything that identifies the index's content: each document's path and content hash, and the row counts. */
function stateOf(file: string): IndexState {
  const db = new Database(file);
  try {
    expect(db.prepare('PRAGMA integrity_check').pluck().all()).toEqual(['ok']);
    const documents = (db.prepare('SELECT path, content_hash FROM documents ORDER BY path').raw().all() as string[][]).map((r) => r.join(' ')).join('\n');
    const count = (table: string): number => Number(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
    return { documents, paragraphs: count('paragraphs'), variants: count('variants'), bandKeys: count('band_keys') };
  } finally {
    db.close();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('SIGKILL during dedupe index add', () => {
  it(`leaves the index as before or after the batch, never corrupt (${KILLS} kills)`, async () => {
    const dir = tempDir();
    const feed = path.join(dir, 'feed');
    const old = writeArticles(feed, 60, { seed: 11, prefix: 'old-' });
    const baseDb = path.join(dir, 'base.db');
    expect(runCli(['index', 'add', '--db', baseDb, 'feed'], { cwd: dir }).code).toBe(0);
    const before = stateOf(baseDb);

    // The batch: 160 new articles, and 20 of the indexed ones changed (replaced on add).
    writeArticles(path.join(feed, 'new'), 160, { seed: 12 });
    const next = random(13);
    for (const file of old.slice(0, 20)) writeFileSync(file, syntheticArticle(next, 12));

    const db = path.join(dir, 'index.db');
    const add = ['index', 'add', '--db', db, '-q', 'feed'];
    copyFileSync(baseDb, db);
    const started = performance.now();
    const full = await startCli(add, { cwd: dir }).done;
    const duration = performance.now() - started;
    expect(full.code, full.stderr).toBe(0);
    const after = stateOf(db);
    expect(after.documents).not.toBe(before.documents);
    expect(after.paragraphs).toBe(before.paragraphs + 160 * 12);

    const rng = random(2024);
    let killed = 0;
    const outcomes = { before: 0, after: 0 };
    // Runs later in the loop can be faster than the one timed (a warm cache): kills that came too
    // late are made up for by more, so that enough of them hit a running process.
    for (let i = 0; (i < KILLS || killed < KILLS / 2) && i < 2 * KILLS; i++) {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
      copyFileSync(baseDb, db);
      // Half the kills anywhere in the run, half around its end, where it commits and checkpoints.
      const delay = i % 2 === 0 ? rng() * duration : duration * (0.75 + 0.35 * rng());
      const run = startCli(add, { cwd: dir });
      await sleep(delay);
      run.child.kill('SIGKILL');
      const result = await run.done;
      if (result.signal === 'SIGKILL') killed++;
      else expect(result.code, result.stderr).toBe(0);

      const state = stateOf(db);
      const which = state.documents === before.documents ? 'before' : 'after';
      expect(state, `kill ${i} after ${delay.toFixed(0)} ms`).toEqual(which === 'before' ? before : after);
      outcomes[which]++;
      const store = await IndexStore.open(db, { mode: 'read' });
      expect(store.verify(), `kill ${i}`).toEqual({ ok: true, problems: [] });
      store.close();

      // Every few kills: the next add simply completes the batch.
      if (i % 8 === 7) {
        expect(runCli(add, { cwd: dir }).code).toBe(0);
        expect(stateOf(db)).toEqual(after);
      }
    }
    expect(existsSync(db)).toBe(true);
    // The kills must have hit running processes, or this test proved nothing.
    expect(killed, JSON.stringify(outcomes)).toBeGreaterThanOrEqual(KILLS / 2);
    expect(outcomes.before).toBeGreaterThan(0);
  }, 120_000);
});

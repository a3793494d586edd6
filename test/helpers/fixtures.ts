/** Paths of the fixtures, and temporary folders for tests that must write files. */
import { copyFileSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { repoRoot } from './cli.js';

export const fixtures = path.join(repoRoot, 'fixtures');
export const seeds = path.join(fixtures, 'seeds');

export const SEED = {
  reprintA: 'fixtures/seeds/000_2c77c33462164435.txt',
  reprintB: 'fixtures/seeds/001_9df642e36ad14cf8.txt',
  original: 'fixtures/seeds/002_b644d28894aa6977.txt',
  update: 'fixtures/seeds/003_600098fa7e119347.txt',
  unrelated: 'fixtures/seeds/004_7a4f2c888cc0ca1e.txt',
} as const;

const made: string[] = [];

/** A fresh temporary folder, removed after the current test. */
export function tempDir(prefix = 'dedupe-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A fixture folder's files copied to a temporary folder, each modified `age` seconds ago: [file, age] pairs. Returns the folder. */
export function withFileTimes(folder: string, ages: ReadonlyArray<readonly [string, number]>): string {
  const dir = tempDir();
  const now = Math.floor(Date.now() / 1000);
  for (const [name, age] of ages) {
    const file = path.join(dir, name);
    copyFileSync(path.join(fixtures, folder, name), file);
    utimesSync(file, now - age, now - age);
  }
  return dir;
}

afterEach(() => {
  while (made.length > 0) rmSync(made.pop()!, { recursive: true, force: true });
});

/** The path a document is stored under in the index: one spelling per file. */
import { describe, expect, it } from 'vitest';
import type { PrepareJob } from '../../src/engine/prepare-job.js';
import { documentPath, nameAsIndexed, pathSpellings } from '../../src/engine/files.js';

describe('documentPath', () => {
  const cwd = '/work/repo';

  it('stores files inside the current folder relative to it, however they were spelt', () => {
    for (const given of ['archive/a.txt', './archive/a.txt', 'archive//a.txt', 'x/../archive/a.txt', '/work/repo/archive/a.txt']) {
      expect(documentPath(given, cwd), given).toBe('archive/a.txt');
    }
  });

  it('keeps a relative path outside the folder relative, and an absolute one absolute', () => {
    expect(documentPath('../feeds/a.txt', cwd)).toBe('../feeds/a.txt');
    expect(documentPath('/data/feeds/a.txt', cwd)).toBe('/data/feeds/a.txt');
    expect(documentPath('/work/repository/a.txt', cwd)).toBe('/work/repository/a.txt');
  });
});

describe('documentPath with a root (a config file\'s folder)', () => {
  it('stores a file read from a sub-folder relative to the root, and the spellings do not try the current folder\'s (another file in the root\'s naming)', () => {
    expect(documentPath('a.txt', '/work/repo/sub', '/work/repo')).toBe('sub/a.txt');
    expect(documentPath('../b.txt', '/work/repo/sub', '/work/repo')).toBe('b.txt');
    expect(documentPath('/data/c.txt', '/work/repo/sub', '/work/repo')).toBe('/data/c.txt');
    expect(pathSpellings('a.txt', '/work/repo/sub', '/work/repo')).toEqual(['sub/a.txt', '/work/repo/sub/a.txt']);
  });
});

describe('pathSpellings and nameAsIndexed', () => {
  const cwd = '/work/repo';

  it('spell a file as documentPath does, then by its absolute path; the current folder is the empty path and its absolute one', () => {
    expect(pathSpellings('archive/a.txt', cwd)).toEqual(['archive/a.txt', '/work/repo/archive/a.txt']);
    expect(pathSpellings('../feeds/a.txt', cwd)).toEqual(['../feeds/a.txt', '/work/feeds/a.txt']);
    expect(pathSpellings('/data/a.txt', cwd)).toEqual(['/data/a.txt']);
    expect(pathSpellings('.', cwd)).toEqual(['', '/work/repo']);
  });

  it('rename a file job to the spelling the index holds, never a JSONL article or a spelling another job has', () => {
    const stored = new Set(['/work/repo/archive/a.txt', '/work/repo/archive/b.txt', '/work/repo/feed-1']);
    const index = { contentHashOf: (p: string) => (stored.has(p) ? 'hash' : undefined) };
    const jobs: PrepareJob[] = [
      { path: 'archive/a.txt', id: 'archive/a.txt' },
      { path: 'archive/c.txt', id: 'archive/c.txt' },
      { path: 'feed.jsonl:1', id: 'feed-1', text: 'An article given as text.' },
      { path: 'archive/b.txt', id: 'archive/b.txt' },
      { path: '/work/repo/archive/b.txt', id: '/work/repo/archive/b.txt' },
    ];
    nameAsIndexed(jobs, index, cwd);
    expect(jobs.map((job) => job.id)).toEqual(['/work/repo/archive/a.txt', 'archive/c.txt', 'feed-1', 'archive/b.txt', '/work/repo/archive/b.txt']);
  });
});

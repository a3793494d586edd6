/** The path a document is stored under in the index: one spelling per file. */
import { describe, expect, it } from 'vitest';
import { documentPath } from '../../src/engine/files.js';

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

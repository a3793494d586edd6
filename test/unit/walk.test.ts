/** findFiles: each real file once, under its direct path when it has one, links and loops included. */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFiles } from '../../src/input/walk.js';
import { tempDir } from '../helpers/fixtures.js';

describe('findFiles', () => {
  it('lists plain files, follows links to files and folders once, survives a loop, and dedupes by real path', async () => {
    const root = tempDir();
    const at = (...parts: string[]): string => path.join(root, ...parts);
    mkdirSync(at('news', 'world'), { recursive: true });
    mkdirSync(at('other'));
    writeFileSync(at('news', 'a.txt'), 'a\n');
    writeFileSync(at('news', 'world', 'b.txt'), 'b\n');
    writeFileSync(at('news', 'world', 'notes.md'), 'not an article\n');
    writeFileSync(at('other', 'c.txt'), 'c\n');
    symlinkSync(at('other'), at('news', 'z-linked-folder')); // c.txt reached only through this link
    symlinkSync(at('news', 'world'), at('news', 'a-world-again')); // b.txt twice; the link's path sorts first
    symlinkSync(at('news', 'a.txt'), at('news', 'world', 'link-to-a.txt'));
    symlinkSync(at('news'), at('news', 'world', 'loop')); // back to an ancestor

    const files = await findFiles([at('news')]);
    expect(files).toEqual(
      [
        // a.txt and b.txt are also reached through links (a-world-again/, link-to-a.txt);
        // the direct paths win, whatever sorts first
        at('news', 'a.txt'),
        at('news', 'world', 'b.txt'),
        // c.txt is reached only through the linked folder
        at('news', 'z-linked-folder', 'c.txt'),
      ].map((p) => p.split(path.sep).join('/')),
    );
  });

  it('finds articles named in any case by default (WIRE.TXT, Feed.JsonL), and patterns given as written', async () => {
    const root = tempDir();
    const at = (...parts: string[]): string => path.join(root, ...parts);
    for (const name of ['WIRE.TXT', 'copy.txt', 'Copy2.Txt', 'Feed.JsonL', 'notes.md']) writeFileSync(at(name), 'x\n');
    expect(await findFiles([root])).toEqual(['Copy2.Txt', 'Feed.JsonL', 'WIRE.TXT', 'copy.txt'].map((name) => at(name)).sort());
    expect(await findFiles([root], { include: ['**/*.txt'] })).toEqual([at('copy.txt')]);
    // Exclude patterns match as written too (found in review: drafts/** left out Drafts/).
    mkdirSync(at('Drafts'));
    writeFileSync(at('Drafts', 'b.txt'), 'x\n');
    expect(await findFiles([root], { exclude: ['drafts/**'] })).toContain(at('Drafts', 'b.txt'));
    expect(await findFiles([root], { exclude: ['Drafts/**'] })).not.toContain(at('Drafts', 'b.txt'));
  });

  it('matches patterns written from the current folder, as the report prints paths, and from inside the folder walked', async () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'corpus', 'sub'), { recursive: true });
    for (const name of ['biz001.txt', 'biz002.txt', 'tech001.txt', 'sub/biz003.txt']) writeFileSync(path.join(cwd, 'corpus', name), 'x\n');
    const warnings: string[] = [];
    const walk = (options: { include?: string[]; exclude?: string[] }, folder = 'corpus'): Promise<string[]> => findFiles([folder], { cwd, onWarning: (w) => warnings.push(w.message), ...options });
    // A new user's trial: 'corpus/biz*' matched nothing, and --include 'corpus/biz*.txt' found no file.
    expect(await walk({ exclude: ['corpus/biz*'] })).toEqual(['corpus/sub/biz003.txt', 'corpus/tech001.txt']);
    expect(await walk({ include: ['corpus/biz*.txt'] })).toEqual(['corpus/biz001.txt', 'corpus/biz002.txt']);
    expect(await walk({ exclude: ['./corpus/**/biz*'] })).toEqual(['corpus/tech001.txt']);
    // Written from inside the folder, as before; and the folder given as ./corpus.
    expect(await walk({ exclude: ['biz*'] })).toEqual(['corpus/sub/biz003.txt', 'corpus/tech001.txt']);
    expect(await walk({ exclude: ['corpus/biz*'] }, './corpus')).toEqual(['corpus/sub/biz003.txt', 'corpus/tech001.txt']);
    expect(warnings).toEqual([]);
    // Another folder's prefix is no prefix here: matched as written, it matches nothing, and says so.
    expect(await walk({ exclude: ['news/biz*'] })).toHaveLength(4);
    expect(warnings).toEqual(['--exclude news/biz* matches nothing in corpus; check the pattern']);
  });

  it('takes a file path as given and merges it with the same file found in a folder', async () => {
    const root = tempDir();
    writeFileSync(path.join(root, 'a.txt'), 'a\n');
    writeFileSync(path.join(root, 'b.txt'), 'b\n');
    const files = await findFiles([path.join(root, 'a.txt'), root]);
    expect(files).toEqual([path.join(root, 'a.txt'), path.join(root, 'b.txt')].map((p) => p.split(path.sep).join('/')));
  });
});

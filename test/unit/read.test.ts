/** readArticleSync (the CLI's reader) and readArticle give the same outcome for every kind of file. */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticle, readArticleSync } from '../../src/input/read.js';
import { tempDir } from '../helpers/fixtures.js';

describe('readArticleSync', () => {
  it('reads UTF-8 (dropping a BOM) and skips binary, Latin-1, folders and vanished files with the same warnings as readArticle', async () => {
    const dir = tempDir();
    const files = {
      text: path.join(dir, 'text.txt'),
      bom: path.join(dir, 'bom.txt'),
      binary: path.join(dir, 'binary.txt'),
      latin1: path.join(dir, 'latin1.txt'),
      folder: path.join(dir, 'folder.txt'),
      missing: path.join(dir, 'missing.txt'),
    };
    writeFileSync(files.text, 'Héllo “world”\n');
    writeFileSync(files.bom, '\ufeffWith a BOM\n');
    writeFileSync(files.binary, Buffer.from([0x50, 0x4e, 0x47, 0x00, 0x01]));
    writeFileSync(files.latin1, Buffer.from('caf\xe9 au lait\n', 'latin1'));
    mkdirSync(files.folder);

    const outcomes = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, readArticleSync(f)]));
    // The file's modification time comes with its text: provenance's weakest evidence (issue 11).
    const modifiedAt = Math.round(statSync(files.text).mtimeMs);
    expect(outcomes.text).toEqual({ ok: true, text: 'Héllo “world”\n', bytes: Buffer.byteLength('Héllo “world”\n'), modifiedAt });
    expect(outcomes.bom).toMatchObject({ ok: true, text: 'With a BOM\n' });
    expect(outcomes.binary).toMatchObject({ ok: false, warning: { code: 'binary' } });
    expect(outcomes.latin1).toMatchObject({ ok: false, warning: { code: 'invalid-utf8' } });
    expect(outcomes.folder).toMatchObject({ ok: false, warning: { code: 'unreadable', message: expect.stringContaining('is a folder') } });
    expect(outcomes.missing).toMatchObject({ ok: false, warning: { code: 'vanished' } });
    for (const [kind, file] of Object.entries(files)) expect(await readArticle(file), kind).toEqual(outcomes[kind]);
  });
});

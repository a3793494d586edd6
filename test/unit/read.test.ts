/** readArticleSync (the CLI's reader) and readArticle give the same outcome for every kind of file. */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8, readArticle, readArticleSync } from '../../src/input/read.js';
import { uint32Generator } from '../helpers/random.js';
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

describe('the fix named for text that is not UTF-8', () => {
  it('names Windows-1252 for Western single-byte text (Latin-1 when a byte is one Windows-1252 leaves undefined), damaged UTF-8 for UTF-8 with stray bytes, and no encoding for double-byte or Cyrillic text', () => {
    const dir = tempDir();
    const western = path.join(dir, 'western.txt');
    const cyrillic = path.join(dir, 'cyrillic.txt');
    const shiftJis = path.join(dir, 'sjis.txt');
    // "Die Größe des Cafés", curly quotes in Windows-1252 (0x93, 0x94).
    writeFileSync(western, Buffer.concat([Buffer.from('Die Gr\xf6\xdfe des Caf\xe9s am Markt wurde am Dienstag vom Stadtrat gelobt, ', 'latin1'), Buffer.from([0x93, 0x61, 0x94, 0x0a])]));
    // "Привет мир" in Windows-1251, and "日本語" in Shift-JIS: every letter a high byte, in runs.
    writeFileSync(cyrillic, Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x20, 0xec, 0xe8, 0xf0, 0x0a]));
    writeFileSync(shiftJis, Buffer.from([0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea, 0x0a]));
    const fixOf = (file: string): string | undefined => {
      const outcome = readArticleSync(file);
      return outcome.ok ? undefined : outcome.fix;
    };
    expect(fixOf(western)).toBe(`it reads as Windows-1252 or Latin-1; convert it: iconv -f WINDOWS-1252 -t UTF-8 ${western} > ${dir}/western.utf8.txt`);
    // A byte Windows-1252 does not define (0x81): iconv -f WINDOWS-1252 would stop there, -f LATIN1 converts it all.
    const latin1 = path.join(dir, 'latin1.txt');
    writeFileSync(latin1, Buffer.from('The caf\xe9 served the \x81 crowd at the market today.\n', 'latin1'));
    expect(fixOf(latin1)).toBe(`it reads as Latin-1 (with bytes Windows-1252 does not define); convert it: iconv -f LATIN1 -t UTF-8 ${latin1} > ${dir}/latin1.utf8.txt`);
    // Windows-1252's curly quotes (0x93, 0x94) beside the stray byte: Windows-1252, the stray byte dropped (-f LATIN1 made the quotes control characters).
    const stray = path.join(dir, 'stray.txt');
    writeFileSync(stray, Buffer.from('The caf\xe9 served the \x81 crowd a \x93special\x94 menu at the market today.\n', 'latin1'));
    expect(fixOf(stray)).toBe(`it reads as Windows-1252, with bytes it does not define (0x81, 0x8D, 0x8F, 0x90, 0x9D); convert it, dropping them: iconv -c -f WINDOWS-1252 -t UTF-8 ${stray} > ${dir}/stray.utf8.txt`);
    expect(fixOf(cyrillic)).toBe(`convert it: iconv -f <encoding> -t UTF-8 ${cyrillic} > ${dir}/cyrillic.utf8.txt; file --mime-encoding ${cyrillic} may name the encoding`);
    expect(fixOf(shiftJis)).toMatch(/^convert it: iconv -f <encoding> -t UTF-8 /);
    // Shift-JIS katakana: second bytes in the ASCII range, so high bytes stand alone, but many.
    const katakana = path.join(dir, 'katakana.txt');
    writeFileSync(katakana, Buffer.from('835283938373838583408362835b', 'hex'));
    expect(fixOf(katakana)).toMatch(/^convert it: iconv -f <encoding> -t UTF-8 /);
    // UTF-8 with one stray byte (a file cut or mixed): not Windows-1252, whose conversion would garble its quotes.
    const damaged = path.join(dir, 'damaged.txt');
    writeFileSync(damaged, Buffer.concat([Buffer.from('There’s “evidence” — Ukra'), Buffer.from([0xef]), Buffer.from('ne said.\n')]));
    expect(fixOf(damaged)).toBe(`it is mostly UTF-8, with bytes that are not (cut mid-character, or two encodings mixed): mend them, or drop them with iconv -c -f UTF-8 -t UTF-8 ${damaged} > ${dir}/damaged.utf8.txt`);
  });
});

describe('a file cut inside its last character (head -c, a stopped download)', () => {
  it('is read without the cut character, with a warning; a bad byte anywhere else still skips it (review)', () => {
    const dir = tempDir();
    const text = 'Ukraine’s “I Want to Live” project — a hotline';
    const whole = Buffer.from(text);
    for (const drop of [1, 2]) {
      // The dash (3 bytes) cut after its first or second byte.
      const file = path.join(dir, `cut-${drop}.txt`);
      const dash = whole.indexOf(Buffer.from('—'));
      writeFileSync(file, whole.subarray(0, dash + 3 - drop));
      const outcome = readArticleSync(file);
      expect(outcome.ok, `cut ${drop}`).toBe(true);
      if (!outcome.ok) continue;
      expect(outcome.text).toBe('Ukraine’s “I Want to Live” project ');
      expect(outcome.warning).toMatchObject({ code: 'cut-character', path: file });
      expect(outcome.warning!.message).toContain(`ends inside a character (the first ${3 - drop} of its 3 UTF-8 bytes: cut short?)`);
    }
    const middle = path.join(dir, 'middle.txt');
    writeFileSync(middle, Buffer.concat([Buffer.from('There is '), Buffer.from([0xe2, 0x80]), Buffer.from(' more text after it.\n')]));
    expect(readArticleSync(middle)).toMatchObject({ ok: false, warning: { code: 'invalid-utf8' } });
    const stray = path.join(dir, 'stray.txt');
    writeFileSync(stray, Buffer.concat([Buffer.from('A stray continuation byte at the end '), Buffer.from([0x80])]));
    expect(readArticleSync(stray)).toMatchObject({ ok: false, warning: { code: 'invalid-utf8' } });
  });
});

describe('the command named to convert a file', () => {
  it('is whole: the file, quoted for the shell when it must be, converted into a new file beside it', () => {
    const dir = path.join(tempDir(), "it's here");
    mkdirSync(dir);
    const file = path.join(dir, 'menu.txt');
    writeFileSync(file, Buffer.from('Caf\xe9 au lait\n', 'latin1'));
    const outcome = readArticleSync(file);
    const quoted = (p: string): string => `'${p.replace(/'/g, "'\\''")}'`;
    expect(outcome.ok ? undefined : outcome.fix).toBe(`it reads as Windows-1252 or Latin-1; convert it: iconv -f WINDOWS-1252 -t UTF-8 ${quoted(file)} > ${quoted(path.join(dir, 'menu.utf8.txt'))}`);
  });
});

describe('firstInvalidUtf8', () => {
  it('is where the strict decoder stops: the bytes before it decode, and it is the end exactly when the whole decodes (surrogates and overlong forms included)', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const decodes = (bytes: Uint8Array): boolean => {
      try {
        decoder.decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    const next = uint32Generator(7);
    // Bytes that make well-formed and ill-formed sequences alike: ASCII, lead bytes at the edges of their ranges, continuations.
    const alphabet = [0x41, 0x20, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf4, 0xf5, 0xff];
    for (let n = 0; n < 20000; n++) {
      const bytes = Uint8Array.from({ length: 1 + (next() % 8) }, () => alphabet[next() % alphabet.length]!);
      const at = firstInvalidUtf8(bytes);
      expect(at === bytes.length, Buffer.from(bytes).toString('hex')).toBe(decodes(bytes));
      expect(decodes(bytes.subarray(0, at)), Buffer.from(bytes).toString('hex')).toBe(true);
    }
  });
});

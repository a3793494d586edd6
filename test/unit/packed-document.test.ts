import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeDocument, encodeDocument, packDocument, unpackDocument } from '../../src/core/codec.js';
import { createSigner, resolveOptions, type PreparedDocument } from '../../src/core/index.js';
import { seeds } from '../helpers/fixtures.js';

const plain = (d: PreparedDocument): unknown => JSON.parse(JSON.stringify(d, (_, v: unknown) => (v instanceof Uint32Array ? [...v] : v))) as unknown;

describe('the prepared-document codec', () => {
  it('unpacks and decodes to the prepared document it was packed from', async () => {
    const signer = await createSigner(resolveOptions());
    for (const name of ['000_2c77c33462164435.txt', '004_7a4f2c888cc0ca1e.txt']) {
      const doc = signer.prepare({ id: name, text: readFileSync(path.join(seeds, name), 'utf8') });
      doc.modifiedAt = 1_700_000_000_000;
      doc.metadata = { url: 'https://example.org/a', tags: ['wire', 'ap'], rank: 3, extra: { nested: true, none: null } };
      expect(plain(unpackDocument(packDocument(doc)))).toEqual(plain(doc));
      expect(plain(decodeDocument(encodeDocument(doc)))).toEqual(plain(doc));
    }
  });

  it('decodes from an unaligned buffer, and refuses a truncated one', async () => {
    const signer = await createSigner(resolveOptions());
    const doc = signer.prepare({ id: 'a', text: 'One two three four five six.\n\nSeven eight nine ten eleven twelve.\n' });
    const bytes = encodeDocument(doc);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(plain(decodeDocument(shifted.subarray(1)))).toEqual(plain(doc));
    expect(() => decodeDocument(bytes.subarray(0, 20))).toThrow(/truncated/);
  });
});

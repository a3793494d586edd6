import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packDocument, unpackDocument } from '../../src/cli/packed-document.js';
import { createSigner } from '../../src/core/scan.js';
import { seeds } from '../helpers/fixtures.js';

describe('packed documents', () => {
  it('unpack to the prepared document they were packed from', async () => {
    const signer = await createSigner({});
    for (const name of ['000_2c77c33462164435.txt', '004_7a4f2c888cc0ca1e.txt']) {
      const doc = signer.prepare({ id: name, text: readFileSync(path.join(seeds, name), 'utf8') });
      doc.modifiedAt = 1_700_000_000_000;
      const plain = (d: typeof doc) => JSON.parse(JSON.stringify(d, (_, v: unknown) => (v instanceof Uint32Array ? [...v] : v))) as unknown;
      expect(plain(unpackDocument(packDocument(doc)))).toEqual(plain(doc));
    }
  });
});

/**
 * The index's schema-5 migration prepares stored documents again from their text rebuilt from
 * their paragraphs (store/schema.ts, storedText). The rebuilt text must segment into the stored
 * paragraphs, pieces of long ones and hard-wrapped blocks included, for every fixture, or the
 * migration falls back to decoding paragraph by paragraph where they stand.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { createSigner, resolveOptions } from '../../src/core/index.js';
import { segmentsOf } from '../../src/core/document.js';
import { segment } from '../../src/core/text/segment.js';
import { storedText } from '../../src/store/schema.js';
import { repoRoot } from '../helpers/cli.js';

describe('storedText', () => {
  it('rebuilds a text that segments into the stored paragraphs, for every fixture', async () => {
    const signer = await createSigner(resolveOptions());
    const files = fg.sync('fixtures/**/*.txt', { cwd: repoRoot });
    expect(files.length).toBeGreaterThan(100);
    let withPieces = 0;
    let blocks = 0;
    for (const file of files) {
      const text = readFileSync(path.join(repoRoot, file), 'utf8');
      if (text.includes('\0')) continue;
      const doc = signer.prepare({ id: file, text });
      const rebuilt = storedText(doc, 'auto');
      expect(rebuilt, file).not.toBeNull();
      const again = segment(rebuilt!);
      expect(again.segments, file).toEqual(segmentsOf(doc));
      if (segmentsOf(doc).some((cut) => cut.continues)) withPieces++;
      if (doc.layout === 'block') blocks++;
    }
    // The fixtures hold long paragraphs cut into pieces and hard-wrapped files.
    expect(withPieces).toBeGreaterThan(0);
    expect(blocks).toBeGreaterThan(0);
  });

  it('is null when the stored paragraphs cannot come back from a text (then paragraphs are decoded where they stand)', async () => {
    const signer = await createSigner(resolveOptions());
    const doc = signer.prepare({ id: 'a.txt', text: 'One paragraph of a story.\n\nAnother paragraph of it.\n' });
    // Stored as if an earlier build had cut the two lines as one paragraph: no text segments so.
    const merged = signer.prepare({ id: 'a.txt', text: 'One paragraph of a story.\nAnother paragraph of it.\n' });
    expect(storedText(doc, 'auto')).not.toBeNull();
    expect(storedText({ ...merged, lineCount: 1 }, 'auto')).toBeNull();
  });
});

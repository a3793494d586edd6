/**
 * check's lookup by the rewording channel's content keys (store/lookup.ts): a content key
 * shared by more than CONTENT_KEY_MAX_VARIANTS stored variants is skipped as too common, and a
 * paragraph brings in at most CONTENT_MAX_PER_PARAGRAPH archived variants, the strongest.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSigner, type PreparedDocument } from '../../src/core/index.js';
import { contentHash } from '../../src/store/codec.js';
import { IndexStore } from '../../src/store/index-store.js';
import { CONTENT_KEY_MAX_VARIANTS, CONTENT_MAX_PER_PARAGRAPH, findContext } from '../../src/store/lookup.js';
import { random } from '../helpers/articles.js';
import { tempDir } from '../helpers/fixtures.js';

/** Twelve content words, in an order of the generator's: one text per order, the same content words. */
const WORDS = ['harbour', 'gates', 'barrier', 'consortium', 'silt', 'estuary', 'contract', 'flooding', 'engineers', 'council', 'steel', 'tides'];

function shuffled(next: () => number): string {
  const words = [...WORDS];
  for (let i = words.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [words[i], words[j]] = [words[j]!, words[i]!];
  }
  return `${words.join(' ')}.\n`;
}

async function indexWith(count: number): Promise<{ store: IndexStore; incoming: PreparedDocument }> {
  const store = await IndexStore.open(path.join(tempDir('content-lookup-'), 'index.db'), { mode: 'write' });
  const signer = await createSigner(store.options);
  const next = random(7);
  const texts = new Set<string>();
  while (texts.size < count + 1) texts.add(shuffled(next));
  const [incomingText, ...archived] = [...texts];
  await store.write(async (batch) => {
    archived.forEach((text, k) => batch.put(signer.prepare({ id: `archive/${String(k).padStart(4, '0')}.txt`, text }), { contentHash: contentHash(text), bytes: text.length, addedAt: 1 }));
  });
  return { store, incoming: signer.prepare({ id: 'incoming.txt', text: incomingText! }) };
}

const options = { threshold: 0.5, containment: 0.8, maxDocumentsPerParagraph: 100, exclude: new Set<string>() };

describe("check's lookup by content words", () => {
  it('brings in the strongest CONTENT_MAX_PER_PARAGRAPH archived paragraphs with the same content words in another order', async () => {
    const { store, incoming } = await indexWith(20);
    const context = findContext(store, [incoming], options);
    // The words in another order share no shingles worth a match, so only the content keys find them.
    expect(context.verified).toBe(0);
    expect(context.contentCandidates).toBe(20);
    expect(context.contentProposed).toBe(CONTENT_MAX_PER_PARAGRAPH);
    expect(context.documents).toHaveLength(CONTENT_MAX_PER_PARAGRAPH);
    store.close();
  });

  it('skips a key shared by more than CONTENT_KEY_MAX_VARIANTS stored paragraphs as too common', async () => {
    const { store, incoming } = await indexWith(CONTENT_KEY_MAX_VARIANTS + 1);
    const context = findContext(store, [incoming], options);
    expect(context.contentCandidates).toBe(0);
    expect(context.documents).toHaveLength(0);
    store.close();
  });
});

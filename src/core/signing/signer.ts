/**
 * The per-document half of the pipeline: segment, normalise, shingle and sign one article.
 * What it returns (a PreparedDocument) is all the scan needs of the article afterwards; the
 * prepare pool runs it on every core, the index stores its output, and neither ever looks at
 * the text's tokens again.
 *
 *   text ─ segment ─▶ paragraphs ─ tokenize ─▶ tokens ─ hash ─▶ text key, shingles ─ MinHash ─▶ band keys
 */
import { isChrome } from '../text/junk.js';
import { tokenize } from '../text/normalize.js';
import { segment } from '../text/segment.js';
import { bandKeys } from '../matching/lsh.js';
import { toSortedSet } from '../matching/overlap.js';
import type { Clock, PreparedDocument, PreparedParagraph, PrepareTimings } from '../model.js';
import type { InputDocument, ResolvedOptions } from '../types.js';
import { loadXXHash, TokenHasher } from './hash.js';
import { MinHasher } from './minhash.js';

/** Character shingles for unspaced scripts span 2k-1 characters: about k words of Chinese. */
export function shingleLength(shingleSize: number, unspaced: boolean): number {
  return unspaced ? 2 * shingleSize - 1 : shingleSize;
}

const noClock: Clock = () => 0;

export class Signer {
  readonly timings: PrepareTimings = { segment: 0, normalize: 0, shingle: 0, sign: 0 };
  private readonly signature: Uint32Array;
  private readonly banding: { bands: number; rows: number };

  constructor(
    readonly options: ResolvedOptions,
    private readonly hasher: TokenHasher,
    private readonly minHasher: MinHasher,
    private readonly clock: Clock = noClock,
  ) {
    this.signature = new Uint32Array(options.numHashes);
    this.banding = { bands: options.bands, rows: options.rows };
  }

  prepare(doc: InputDocument): PreparedDocument {
    let t = this.clock();
    const { layout, lineCount, segments } = segment(doc.text, this.options.segment);
    this.timings.segment += this.clock() - t;
    let words = 0;
    const paragraphs = segments.map((seg) => {
      const paragraph = this.prepareSegment(seg);
      words += paragraph.words;
      return paragraph;
    });
    const prepared: PreparedDocument = { id: doc.id, layout, lineCount, words, paragraphs };
    if (doc.modifiedAt !== undefined) prepared.modifiedAt = doc.modifiedAt;
    if (doc.metadata !== undefined) prepared.metadata = doc.metadata;
    return prepared;
  }

  /** One paragraph cut by the segmenter (or read back from an older index): normalised, hashed and signed. */
  prepareSegment(seg: PreparedParagraph['segment']): PreparedParagraph {
    const { clock, timings, hasher } = this;
    let t = clock();
    const { tokens, unspaced } = tokenize(seg.text);
    const textKey = tokens.length > 0 ? hasher.textKey(tokens) : null;
    const paragraph: PreparedParagraph = {
      segment: seg,
      words: tokens.length,
      textKey,
      tokens: hasher.tokenHashes(tokens),
      shingles: null,
      bandKeys: null,
      anchors: null,
    };
    if (isChrome(tokens)) paragraph.chrome = true;
    let now = clock();
    timings.normalize += now - t;
    const size = shingleLength(this.options.shingleSize, unspaced);
    if (tokens.length < this.options.minWords || tokens.length < size) return paragraph;
    t = now;
    const hashes = hasher.shingles(tokens, size);
    paragraph.shingles = toSortedSet(hashes.lo);
    paragraph.anchors = Uint32Array.of(hashes.lo[0]!, hashes.lo[hashes.lo.length - 1]!);
    now = clock();
    timings.shingle += now - t;
    t = now;
    paragraph.bandKeys = bandKeys(this.minHasher.sign(hashes, this.signature)!, this.banding);
    timings.sign += clock() - t;
    return paragraph;
  }
}

/** A signer for already resolved options (resolveOptions, once per run). */
export async function createSigner(options: ResolvedOptions, clock?: Clock): Promise<Signer> {
  const api = await loadXXHash();
  return new Signer(options, new TokenHasher(api, options.seed), new MinHasher(options.numHashes, options.seed), clock);
}

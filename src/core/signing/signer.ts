/**
 * The per-document half of the pipeline: segment, normalise, shingle and sign one article.
 * What it returns (a PreparedDocument) is all the scan needs of the article afterwards; the
 * prepare pool runs it on every core, the index stores its output, and neither ever looks at
 * the text's tokens again.
 *
 *   text ─ decode references ─ segment ─▶ paragraphs ─ tokenize ─▶ token ids ─ hash ─▶ text key, shingles ─ MinHash ─▶ band keys
 *
 * Hot path, measured on PAN (30 MB): tokens come from one pass over the characters
 * (text/normalize.ts, tokenizeInto) straight into the token table (hash.ts) without a string
 * per token; shingle hashes go to scratch arrays; a paragraph whose text was signed before
 * (a repeated footer, a reprint's unchanged paragraph) takes the arrays signed then.
 */
import { CMS_MAX_WORDS, CMS_PHRASE_TOKENS, FORM_FIELD_TOKENS, isFormFieldText, looksLikeChrome, shareBarButtons } from '../text/junk.js';
import { decodeCharacterReferences } from '../text/entities.js';
import { tokenize, tokenizeInto, TokenBuffer, withoutBom } from '../text/normalize.js';
import { segment } from '../text/segment.js';
import { bandKeys } from '../matching/lsh.js';
import { sortInPlace } from '../matching/overlap.js';
import { DocumentBuilder, type ParagraphInput } from '../document.js';
import type { Clock, Layout, PreparedDocument, PrepareTimings, Segment } from '../model.js';
import type { InputDocument, ResolvedOptions } from '../types.js';
import { loadXXHash, TokenHasher } from './hash.js';
import { MinHasher } from './minhash.js';
import { SignedCache, type Signed } from './signed-cache.js';

/** Character shingles for unspaced scripts span 2k-1 characters: about k words of Chinese. */
export function shingleLength(shingleSize: number, unspaced: boolean): number {
  return unspaced ? 2 * shingleSize - 1 : shingleSize;
}


const noClock: Clock = () => 0;

export class Signer {
  readonly timings: PrepareTimings = { segment: 0, normalize: 0, shingle: 0, sign: 0 };
  private readonly signature: Uint32Array;
  private readonly banding: { bands: number; rows: number };
  private readonly buffer = new TokenBuffer();
  private ids = new Uint32Array(1024);
  private shingleLo = new Uint32Array(1024);
  private shingleHi = new Uint32Array(1024);
  private tokenHashes = new Uint32Array(1024);
  private readonly anchors = new Uint32Array(2);
  private readonly bandKeys: Uint32Array;
  private readonly signed = new SignedCache();
  /** Text keys of the lines of publishing-system chrome (text/junk.ts). */
  private readonly chromeKeys: ReadonlySet<string>;
  private readonly formFieldKeys: ReadonlySet<string>;

  constructor(
    readonly options: ResolvedOptions,
    private readonly hasher: TokenHasher,
    private readonly minHasher: MinHasher,
    private readonly clock: Clock = noClock,
  ) {
    this.signature = new Uint32Array(options.numHashes);
    this.bandKeys = new Uint32Array(options.bands);
    this.banding = { bands: options.bands, rows: options.rows };
    this.chromeKeys = new Set(CMS_PHRASE_TOKENS.map((tokens) => hasher.textKey(tokens)));
    this.formFieldKeys = new Set(FORM_FIELD_TOKENS.map((tokens) => hasher.textKey(tokens)));
  }

  prepare(doc: InputDocument): PreparedDocument {
    const t = this.clock();
    // A byte order mark is no text: the CLI leaves it out of a file, and a library caller's is
    // left out here, on every path (scanDocuments, a Scanner, diffTexts; review). A scraper's
    // undecoded HTML references ("don&#8217;t") are decoded here too (text/entities.ts).
    const text = decodeCharacterReferences(withoutBom(doc.text));
    const { layout, lineCount, segments } = segment(text, this.options.segment);
    this.timings.segment += this.clock() - t;
    return this.fromSegments({ ...doc, layout, lineCount }, segments);
  }

  /**
   * A document from paragraphs already cut (prepare's, or an older index's stored ones read back:
   * store/schema.ts): each signed (addSegment), a share bar's lone buttons as chrome.
   */
  fromSegments(doc: Omit<InputDocument, 'text'> & { layout: Layout; lineCount: number }, segments: readonly Segment[]): PreparedDocument {
    const builder = new DocumentBuilder();
    const buttons = shareBarButtons(segments.map((seg) => seg.text));
    segments.forEach((seg, i) => this.addSegment(seg, builder, buttons.has(i)));
    const doneDoc = builder.finish({ id: doc.id, layout: doc.layout, lineCount: doc.lineCount });
    if (doc.modifiedAt !== undefined) doneDoc.modifiedAt = doc.modifiedAt;
    if (doc.metadata !== undefined) doneDoc.metadata = doc.metadata;
    return doneDoc;
  }

  /** The token ids of a text into `this.ids`; returns their count and whether the text is of an unspaced script. */
  private tokenIds(text: string): { count: number; unspaced: boolean } {
    const buffer = this.buffer;
    if (tokenizeInto(text, buffer)) {
      const count = buffer.count;
      if (this.ids.length < count) this.ids = new Uint32Array(Math.max(count, this.ids.length * 2));
      let start = 0;
      for (let k = 0; k < count; k++) {
        const end = buffer.ends[k]!;
        this.ids[k] = this.hasher.idOfHashedSpan(buffer.chars, start, end, buffer.hashes[k]!);
        start = end;
      }
      return { count, unspaced: false };
    }
    const { tokens, unspaced } = tokenize(text);
    this.ids = this.hasher.idsOf(tokens, this.ids);
    return { count: tokens.length, unspaced };
  }

  /**
   * One paragraph cut by the segmenter (or read back from an older index): normalised, hashed
   * and signed, then written to `builder`. `chrome`: publishing-system chrome by what surrounds
   * it (a share bar's lone buttons: text/junk.ts, shareBarButtons), whatever its own words say.
   */
  addSegment(seg: Segment, builder: DocumentBuilder, chrome = false): void {
    const { clock, timings, hasher } = this;
    let t = clock();
    const { count, unspaced } = this.tokenIds(seg.text);
    const ids = this.ids;
    const textKey = count > 0 ? hasher.textKeyOf(ids, count) : null;
    const high = hasher.keyHalves[0]!;
    const low = hasher.keyHalves[1]!;
    const paragraph: ParagraphInput = {
      startLine: seg.startLine,
      endLine: seg.endLine,
      blankLinesBefore: seg.blankLinesBefore,
      text: seg.text,
      words: count,
      key: textKey === null ? null : [high, low],
      chrome:
        chrome ||
        (count > 0 && count <= CMS_MAX_WORDS && this.chromeKeys.has(textKey!)) ||
        (count === 1 && this.formFieldKeys.has(textKey!) && isFormFieldText(seg.text)) ||
        looksLikeChrome(seg.text, count),
      continues: seg.continues === true,
      tokens: hasher.tokenHashesInto(ids, count, this.tokenScratch(count)),
      shingles: null,
      bandKeys: null,
      anchors: null,
    };
    let now = clock();
    timings.normalize += now - t;
    const size = shingleLength(this.options.shingleSize, unspaced);
    if (count < this.options.minWords || count < size) {
      builder.add(paragraph);
      return;
    }
    const known = this.signed.get(high, low);
    if (known) {
      builder.add(Object.assign(paragraph, known));
      return;
    }
    t = now;
    if (this.shingleLo.length < count) {
      this.shingleLo = new Uint32Array(Math.max(count, this.shingleLo.length * 2));
      this.shingleHi = new Uint32Array(this.shingleLo.length);
    }
    const windows = hasher.shinglesOf(ids, count, size, this.shingleLo, this.shingleHi);
    const lo = this.shingleLo.subarray(0, windows);
    this.anchors[0] = lo[0]!;
    this.anchors[1] = lo[windows - 1]!;
    now = clock();
    timings.shingle += now - t;
    t = now;
    const signature = this.minHasher.signInto(this.shingleLo, this.shingleHi, windows, this.signature, this.banding.bands * this.banding.rows)!;
    // Scratch arrays: the builder copies them into the document.
    const signed: Signed = { shingles: sortInPlace(lo), anchors: this.anchors, bandKeys: bandKeys(signature, this.banding, this.bandKeys) };
    timings.sign += clock() - t;
    this.signed.set(high, low, signed);
    builder.add(Object.assign(paragraph, signed));
  }

  private tokenScratch(count: number): Uint32Array {
    if (this.tokenHashes.length < count) this.tokenHashes = new Uint32Array(Math.max(count, this.tokenHashes.length * 2));
    return this.tokenHashes.subarray(0, count);
  }
}

/** A signer for already resolved options (resolveOptions, once per run). */
export async function createSigner(options: ResolvedOptions, clock?: Clock): Promise<Signer> {
  const api = await loadXXHash();
  return new Signer(options, new TokenHasher(api, options.seed), new MinHasher(options.numHashes, options.seed), clock);
}

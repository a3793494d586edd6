/**
 * PAN 2013 text alignment (Potthast et al., "Overview of the 5th International Competition on
 * Plagiarism Detection", CLEF 2013): pairs of a suspicious and a source document with the
 * reused passages given as character spans in both.
 *
 * Conversion writes each document once as cleaned text (see text.ts), as is otherwise: PAN's
 * irregular line breaks are exactly what dedupe meets in real extracted text, so the
 * segmenter's layout detection is part of what is measured.
 *
 * Scoring, per pair, on its two documents scanned alone (scorePanFolder) or among all the
 * pairs' documents in one scan (scorePanOneScan), always on the pair's own two documents:
 * - a paragraph of the suspicious document is gold "reused" when at least half of its
 *   characters lie inside the pair's gold passages; dedupe calls it reused when its status is
 *   shared or edited (a match in the source); precision/recall/F1 are over all paragraphs of
 *   the folder's pairs;
 * - every match (suspicious paragraph, source paragraph) is a detection for PAN's
 *   character-level measures (metrics.ts).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { DocumentReport, Report } from '../core/index.js';
import type { Engine } from './engine.js';
import { addCounts, panCharMeasures, prf, ratio, type Alignment, type Counts, type PanCharMeasures, type PRF } from './metrics.js';
import { attributes, cleanControls, coveredLength, decodeText, TextIndex, type Interval } from './text.js';
import type { Workspace } from './workspace.js';

export interface PanPair {
  folder: string;
  /** Ids (paths relative to the workspace) of the converted documents. */
  suspicious: string;
  source: string;
  /** Gold passages; empty for 01-no-plagiarism. */
  cases: Alignment[];
}

export interface PanCorpus {
  folders: Array<{ name: string; pairs: PanPair[] }>;
  /** The converted texts, to find the report's paragraphs in. */
  texts: Map<string, TextIndex>;
}

/** The folders of the training corpus, in order (01..05). */
export function panFolders(root: string): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^\d\d-/.test(e.name))
    .map((e) => e.name)
    .sort();
}

/**
 * Converts the pairs of the chosen folders (the first `limit` of each when given) into the
 * workspace. Throws with the file named when the corpus is not laid out as expected.
 */
export function convertPan(root: string, workspace: Workspace, options: { folders?: readonly string[]; limit?: number } = {}): PanCorpus {
  const folders = options.folders ?? panFolders(root);
  if (folders.length === 0) throw new Error(`${root}: no PAN folders (01-no-plagiarism ...) found`);
  const texts = new Map<string, TextIndex>();
  const codePointMaps = new Map<string, ((offset: number) => number) | null>();
  const convert = (sub: 'susp' | 'src', name: string): string => {
    const id = `${sub}/${name}`;
    if (texts.has(id)) return id;
    const original = decodeText(readFileSync(path.join(root, sub, name))).text;
    const text = cleanControls(original);
    workspace.write(id, text);
    texts.set(id, new TextIndex(text));
    codePointMaps.set(id, codePointMap(text));
    return id;
  };
  const toUtf16 = (id: string, span: Interval): Interval => {
    const map = codePointMaps.get(id);
    return map ? [map(span[0]), map(span[1])] : span;
  };

  const out: PanCorpus['folders'] = [];
  for (const folder of folders) {
    const pairsFile = path.join(root, folder, 'pairs');
    if (!existsSync(pairsFile)) throw new Error(`${pairsFile}: no pairs file; --pan takes the PAN 2013 training corpus folder (01-no-plagiarism ... with pairs files, src/, susp/)`);
    let listed = readFileSync(pairsFile, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 0);
    if (options.limit !== undefined) listed = listed.slice(0, options.limit);
    const pairs: PanPair[] = [];
    for (const line of listed) {
      const [suspName, srcName] = line.split(/\s+/);
      if (!suspName || !srcName) throw new Error(`${pairsFile}: expected "suspicious source" on each line, got "${line}"`);
      const suspicious = convert('susp', suspName);
      const source = convert('src', srcName);
      const xmlFile = path.join(root, folder, `${suspName.replace(/\.txt$/, '')}-${srcName.replace(/\.txt$/, '')}.xml`);
      const cases: Alignment[] = [];
      for (const tag of readFileSync(xmlFile, 'utf8').match(/<feature\b[^>]*>/g) ?? []) {
        const a = attributes(tag);
        if (a.get('name') !== 'plagiarism') continue;
        const num = (key: string): number => {
          const value = Number(a.get(key));
          if (!Number.isInteger(value) || value < 0) throw new Error(`${xmlFile}: ${key} is not a character offset`);
          return value;
        };
        const pair = `${suspicious} ${source}`;
        cases.push({
          pair,
          suspicious: toUtf16(suspicious, [num('this_offset'), num('this_offset') + num('this_length')]),
          source: toUtf16(source, [num('source_offset'), num('source_offset') + num('source_length')]),
        });
      }
      pairs.push({ folder, suspicious, source, cases });
    }
    out.push({ name: folder, pairs });
  }
  return { folders: out, texts };
}

/**
 * PAN offsets count Unicode characters (code points); JavaScript strings count UTF-16 units.
 * They differ only after a character outside the Basic Multilingual Plane (none in PAN 2013,
 * but a mapping costs nothing when there are none): null means identity.
 */
export function codePointMap(text: string): ((offset: number) => number) | null {
  if (!/[\ud800-\udbff][\udc00-\udfff]/.test(text)) return null;
  const units: number[] = [];
  let unit = 0;
  for (const ch of text) {
    units.push(unit);
    unit += ch.length;
  }
  units.push(unit);
  return (offset) => units[Math.min(offset, units.length - 1)]!;
}

export interface PanFolderResult {
  folder: string;
  pairs: number;
  /** Paragraphs of the suspicious documents, over all pairs (a document in two pairs counts twice). */
  paragraphs: number;
  goldReused: number;
  /** Paragraphs dedupe calls reused (shared or edited). */
  predictedReused: number;
  counts: Counts;
  reused: PRF;
  /** Of the gold reused paragraphs, the share dedupe calls shared (word for word). */
  calledShared: number | null;
  chars: PanCharMeasures;
}

/** A folder's running totals, a pair at a time (`add`), whichever scan the pairs come from. */
class FolderTally {
  private counts: Counts = { tp: 0, fp: 0, fn: 0 };
  private paragraphs = 0;
  private goldReused = 0;
  private predictedReused = 0;
  private goldShared = 0;
  private readonly cases: Alignment[] = [];
  private readonly detections: Alignment[] = [];

  constructor(
    private readonly folder: string,
    private readonly pairs: number,
    private readonly texts: ReadonlyMap<string, TextIndex>,
    private readonly engine: Engine,
  ) {}

  /**
   * Scores one pair on a report's documents (by path; the pair's two among them): a paragraph
   * of the suspicious document is called reused when it has a match in the pair's source.
   */
  add(pair: PanPair, documents: ReadonlyMap<string, DocumentReport>): void {
    const doc = documents.get(pair.suspicious);
    const sourceDoc = documents.get(pair.source);
    const suspText = this.texts.get(pair.suspicious);
    const srcText = this.texts.get(pair.source);
    if (!doc || !sourceDoc || !suspText || !srcText) throw new Error(`${pair.suspicious}: not scanned (${this.engine.skipped.join('; ')})`);
    const suspSpans = suspText.spans(doc.segments);
    const srcSpans = srcText.spans(sourceDoc.segments);
    this.cases.push(...pair.cases);
    const gold = pair.cases.map((c) => c.suspicious);
    for (const seg of doc.segments) {
      const span = suspSpans[seg.index]!;
      const size = span[1] - span[0];
      if (size === 0) continue;
      this.paragraphs++;
      const isGold = 2 * coveredLength(span, gold) >= size;
      const toSource = seg.matches.filter((m) => m.path === pair.source);
      const isPredicted = toSource.length > 0;
      if (isGold) this.goldReused++;
      if (isPredicted) this.predictedReused++;
      if (isGold && toSource.some((m) => m.status === 'shared')) this.goldShared++;
      this.counts = addCounts(this.counts, { tp: isGold && isPredicted ? 1 : 0, fp: !isGold && isPredicted ? 1 : 0, fn: isGold && !isPredicted ? 1 : 0 });
      for (const m of toSource) {
        this.detections.push({ pair: `${pair.suspicious} ${pair.source}`, suspicious: span, source: srcSpans[m.segment]! });
      }
    }
  }

  result(): PanFolderResult {
    return {
      folder: this.folder,
      pairs: this.pairs,
      paragraphs: this.paragraphs,
      goldReused: this.goldReused,
      predictedReused: this.predictedReused,
      counts: this.counts,
      reused: prf(this.counts),
      calledShared: ratio(this.goldShared, this.goldReused),
      chars: panCharMeasures(this.cases, this.detections),
    };
  }
}

/** A report's documents by path (looked up twice per pair; a one-scan report holds thousands). */
function byPath(report: Report): Map<string, DocumentReport> {
  return new Map(report.documents.map((d) => [d.path, d]));
}

/** A folder's pairs, each scanned on its own (the two documents alone). */
export async function scorePanFolder(
  folder: string,
  pairs: readonly PanPair[],
  texts: ReadonlyMap<string, TextIndex>,
  engine: Engine,
  progress: (done: number) => void = () => {},
): Promise<PanFolderResult> {
  const tally = new FolderTally(folder, pairs.length, texts, engine);
  let done = 0;
  for (const pair of pairs) {
    tally.add(pair, byPath(await engine.scan([pair.suspicious, pair.source])));
    progress(++done);
  }
  return tally.result();
}

/**
 * Every folder's pairs from one scan of all their documents together, as `dedupe src susp`
 * runs on the corpus (npm run bench:pan): a large scan weighs words by the scan's document
 * frequencies and aligns reworded passages around the rewording channel's hits (rewrite/stage.ts),
 * where a pair scanned on its own is aligned whole. Each pair is scored as above, on its
 * suspicious document's matches in its source.
 */
export async function scorePanOneScan(corpus: PanCorpus, engine: Engine): Promise<PanFolderResult[]> {
  const ids = [...new Set(corpus.folders.flatMap((f) => f.pairs.flatMap((p) => [p.suspicious, p.source])))].sort();
  const documents = byPath(await engine.scan(ids));
  return corpus.folders.map(({ name, pairs }) => {
    const tally = new FolderTally(name, pairs.length, corpus.texts, engine);
    for (const pair of pairs) tally.add(pair, documents);
    return tally.result();
  });
}

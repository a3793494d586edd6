/**
 * Whole-corpus duplicate finding on BBC News (Greene & Cunningham 2006) and Reuters-21578
 * (Lewis 1997): collections with no reuse labels, but with exact duplicates a detector must
 * find, and near-duplicates nobody listed.
 *
 * Conversion writes the text as is (cleaned of control characters): BBC as its files are
 * (title line, blank line, paragraphs separated by blank lines); Reuters as TITLE, a blank
 * line, then BODY with its hard wrapping and four-space paragraph indents, so the
 * segmenter's block layout is what is measured.
 *
 * Gold: documents whose text is identical once runs of whitespace are collapsed (Reuters: the
 * BODY) form an exact-duplicate group. A group is found when dedupe puts all its documents in
 * one syndication group.
 *
 * Beyond the gold, dedupe's own findings: pairs of documents linked by a paragraph cluster
 * (the cluster ids in the report; clusters of short or boilerplate paragraphs link nothing),
 * with the share of each document's words in those clusters. A pair where both shares reach
 * NEAR_DUPLICATE_SHARE and that is not an exact duplicate is reported as a near-duplicate.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Report } from '../core/index.js';
import type { Engine } from './engine.js';
import { ratio } from './metrics.js';
import { attributes, cleanControls, decodeEntities, decodeText, whitespaceNormalized } from './text.js';
import type { Workspace } from './workspace.js';

/** Both documents have at least this share of their words in paragraphs they share: near-duplicates. */
export const NEAR_DUPLICATE_SHARE = 0.5;

export interface DuplicateCorpus {
  name: string;
  /** Ids of the converted documents, in corpus order. */
  documents: string[];
  /** Exact-duplicate groups (each sorted, two or more ids). */
  exactGroups: string[][];
  /** Of those, groups whose files are byte-identical (the rest differ in whitespace only). */
  byteIdenticalGroups: number;
  /** Headline or first line of each document, for printing samples. */
  titles: Map<string, string>;
  /** Source files decoded as Windows-1252 because they were not valid UTF-8. */
  recoded: string[];
}

function groupsOf(keyById: ReadonlyMap<string, string>): string[][] {
  const byKey = new Map<string, string[]>();
  for (const [id, key] of keyById) {
    const list = byKey.get(key);
    if (list) list.push(id);
    else byKey.set(key, [id]);
  }
  return [...byKey.values()].filter((g) => g.length > 1).map((g) => g.sort());
}

/** BBC: topic folders of NNN.txt; the first `limit` files of each topic when given. */
export function convertBbc(root: string, workspace: Workspace, options: { limit?: number } = {}): DuplicateCorpus {
  const topics = readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  if (topics.length === 0) throw new Error(`${root}: no topic folders (business, tech, ...) found`);
  const documents: string[] = [];
  const titles = new Map<string, string>();
  const recoded: string[] = [];
  const normalized = new Map<string, string>();
  const raw = new Map<string, string>();
  for (const topic of topics) {
    const files = readdirSync(path.join(root, topic))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .slice(0, options.limit);
    for (const file of files) {
      const id = `${topic}/${file}`;
      const bytes = readFileSync(path.join(root, topic, file));
      const { text, encoding } = decodeText(bytes);
      if (encoding !== 'utf-8') recoded.push(id);
      const clean = cleanControls(text);
      documents.push(workspace.write(id, clean));
      titles.set(id, clean.split('\n', 1)[0]!.trim());
      normalized.set(id, whitespaceNormalized(clean));
      raw.set(id, bytes.toString('latin1'));
    }
  }
  const exactGroups = groupsOf(normalized);
  const byteIdenticalGroups = exactGroups.filter((g) => g.every((id) => raw.get(id) === raw.get(g[0]!))).length;
  return { name: 'bbc', documents, exactGroups, byteIdenticalGroups, titles, recoded };
}

/** Reuters-21578: stories with a BODY from the reut2-*.sgm files; the first `limit` stories when given. */
export function convertReuters(root: string, workspace: Workspace, options: { limit?: number } = {}): DuplicateCorpus {
  const files = readdirSync(root)
    .filter((f) => /^reut2-\d+\.sgm$/.test(f))
    .sort();
  if (files.length === 0) throw new Error(`${root}: no reut2-NNN.sgm files found`);
  const documents: string[] = [];
  const titles = new Map<string, string>();
  const recoded: string[] = [];
  const bodies = new Map<string, string>();
  const rawBodies = new Map<string, string>();
  outer: for (const file of files) {
    const { text, encoding } = decodeText(readFileSync(path.join(root, file)));
    if (encoding !== 'utf-8') recoded.push(file);
    const story = /<REUTERS\b([^>]*)>([\s\S]*?)<\/REUTERS>/g;
    for (let m = story.exec(text); m !== null; m = story.exec(text)) {
      if (options.limit !== undefined && documents.length >= options.limit) break outer;
      const newId = attributes(m[1]!).get('newid');
      const body = /<BODY>([\s\S]*?)<\/BODY>/.exec(m[2]!)?.[1];
      if (newId === undefined || body === undefined) continue;
      const title = cleanControls(decodeEntities(/<TITLE>([\s\S]*?)<\/TITLE>/.exec(m[2]!)?.[1] ?? '')).trim();
      const cleanBody = cleanControls(decodeEntities(body));
      const id = `${file.replace(/\.sgm$/, '')}/${newId}.txt`;
      documents.push(workspace.write(id, title.length > 0 ? `${title}\n\n${cleanBody}` : cleanBody));
      titles.set(id, title);
      bodies.set(id, whitespaceNormalized(cleanBody));
      rawBodies.set(id, body);
    }
  }
  const exactGroups = groupsOf(bodies);
  const byteIdenticalGroups = exactGroups.filter((g) => g.every((id) => rawBodies.get(id) === rawBodies.get(g[0]!))).length;
  return { name: 'reuters', documents, exactGroups, byteIdenticalGroups, titles, recoded };
}

export interface LinkedPair {
  a: string;
  b: string;
  /** Share of a's words in clusters b also has, and the reverse. */
  shareA: number;
  shareB: number;
}

export interface DuplicateResult {
  corpus: string;
  documents: number;
  exactGroups: number;
  byteIdenticalGroups: number;
  exactFound: number;
  exactRecall: number | null;
  /** Gold groups not found, for the report. */
  missed: string[][];
  /** dedupe's syndication groups and the documents in them. */
  groups: number;
  documentsInGroups: number;
  /** Documents in the largest group: templated notices chained together show here. */
  largestGroup: number;
  /** Pairs of documents sharing at least one (non-boilerplate, long enough) paragraph cluster. */
  linkedPairs: number;
  /** Linked pairs that are exact duplicates. */
  exactPairs: number;
  /** Linked pairs, not exact duplicates, where both documents share >= NEAR_DUPLICATE_SHARE of their words. */
  nearDuplicatePairs: Array<LinkedPair & { titleA: string; titleB: string }>;
  paragraphs: { shared: number; edited: number; unique: number };
}

/** Pairs of documents linked by a cluster, with both shares. */
export function linkedPairs(report: Report): LinkedPair[] {
  const minWords = report.options.minWords;
  const docWords = new Map<string, number>();
  const clusterWords = new Map<string, Map<number, number>>();
  const docsOfCluster = new Map<number, Set<string>>();
  for (const doc of report.documents) {
    let words = 0;
    const own = new Map<number, number>();
    for (const seg of doc.segments) {
      if (seg.repeatOf !== undefined) continue;
      words += seg.words;
      if (seg.cluster === null || seg.boilerplate || seg.words < minWords) continue;
      own.set(seg.cluster, (own.get(seg.cluster) ?? 0) + seg.words);
      let docs = docsOfCluster.get(seg.cluster);
      if (!docs) docsOfCluster.set(seg.cluster, (docs = new Set()));
      docs.add(doc.path);
    }
    docWords.set(doc.path, words);
    clusterWords.set(doc.path, own);
  }
  const pairs = new Set<string>();
  for (const docs of docsOfCluster.values()) {
    const list = [...docs].sort();
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) pairs.add(`${list[i]}\u0000${list[j]}`);
  }
  const shareOf = (a: string, b: string): number => {
    const mine = clusterWords.get(a)!;
    const theirs = clusterWords.get(b)!;
    let shared = 0;
    for (const [cluster, words] of mine) if (theirs.has(cluster)) shared += words;
    return ratio(shared, docWords.get(a)!) ?? 0;
  };
  return [...pairs].sort().map((key) => {
    const [a, b] = key.split('\u0000') as [string, string];
    return { a, b, shareA: shareOf(a, b), shareB: shareOf(b, a) };
  });
}

export async function scoreDuplicates(corpus: DuplicateCorpus, engine: Engine): Promise<DuplicateResult> {
  const report = await engine.scan(corpus.documents);
  const groupOf = new Map(report.documents.map((d) => [d.path, d.group]));
  const missed = corpus.exactGroups.filter((g) => {
    const first = groupOf.get(g[0]!);
    return first === null || first === undefined || g.some((id) => groupOf.get(id) !== first);
  });
  const exactPairKeys = new Set<string>();
  for (const g of corpus.exactGroups) {
    for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) exactPairKeys.add(`${g[i]}\u0000${g[j]}`);
  }
  const linked = linkedPairs(report);
  const exactPairs = linked.filter((p) => exactPairKeys.has(`${p.a}\u0000${p.b}`)).length;
  const nearDuplicatePairs = linked
    .filter((p) => !exactPairKeys.has(`${p.a}\u0000${p.b}`) && p.shareA >= NEAR_DUPLICATE_SHARE && p.shareB >= NEAR_DUPLICATE_SHARE)
    .map((p) => ({ ...p, titleA: corpus.titles.get(p.a) ?? '', titleB: corpus.titles.get(p.b) ?? '' }));
  return {
    corpus: corpus.name,
    documents: report.documents.length,
    exactGroups: corpus.exactGroups.length,
    byteIdenticalGroups: corpus.byteIdenticalGroups,
    exactFound: corpus.exactGroups.length - missed.length,
    exactRecall: ratio(corpus.exactGroups.length - missed.length, corpus.exactGroups.length),
    missed,
    groups: report.groups.length,
    documentsInGroups: report.groups.reduce((s, g) => s + g.documents.length, 0),
    largestGroup: report.groups.reduce((most, g) => Math.max(most, g.documents.length), 0),
    linkedPairs: linked.length,
    exactPairs,
    nearDuplicatePairs,
    paragraphs: { shared: report.summary.shared, edited: report.summary.edited, unique: report.summary.unique },
  };
}

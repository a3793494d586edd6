/**
 * Builds a synthetic news corpus of a chosen size from a real one (BBC News, 2,225 articles,
 * 5 MB, ../shared/corpora/bbc) for `npm run bench`. The corpus is written to a folder the
 * caller names (the bench uses os.tmpdir()); nothing of the source text ever enters the
 * repository.
 *
 * What a generated corpus looks like, and why:
 *
 * - Stories. A story is one source article. Its paragraphs are re-cut into news-sized ones of
 *   one to three sentences (the BBC set stores 3-6 long paragraphs per article; wire copy has
 *   20-40 word paragraphs, and paragraph count is what the scan's cost follows).
 * - Epochs. The source is 5 MB, so a 100 MB corpus goes through it many times. Epoch 0 is the
 *   text as it is; in epoch e every word outside the 300 most frequent is replaced through a
 *   fixed permutation of words of similar frequency (and digits through a permutation of
 *   digits). Sentence shapes, paragraph lengths, Zipf's law and the common function-word
 *   trigrams ("one of the") stay; stories of different epochs share no content words, so they
 *   are unrelated articles, not copies. The prose reads oddly; the scan does not read it.
 * - Outlets. 24 invented outlets, each with a layout (one paragraph per line, or paragraphs
 *   separated by blank lines), a typographic habit (straight or curly quotes), scraper habits
 *   (headline printed twice, a site footer such as "Leave a Reply") and an editing rate.
 * - Reprints. A story is published by one outlet and reprinted by 0-6 others (60% of stories
 *   are not reprinted; about 42% of files are reprints). A reprint gets, each with its own
 *   probability scaled by the outlet's editing rate: style substitutions (US → American,
 *   per cent → percent, Mr dropped, British → American spelling), a rewritten lede with a
 *   dateline, trimmed tail paragraphs, a dropped paragraph, a paragraph cut short by its last
 *   sentence, two paragraphs merged, and a quote from a local person added.
 *
 * Deterministic: every choice comes from a `Random` derived from (seed, what is being
 * decided), so the same seed and source give byte-identical corpora, and a smaller corpus is
 * a prefix (same files, same bytes) of a larger one with the same seed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fmix32 } from '../core/signing/hash.js';
import { Random } from './random.js';
import { isMainModule } from './script.js';

/** Bump when the output for a given seed changes, so cached corpora are regenerated. */
export const GENERATOR_VERSION = 2;

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_SOURCE = path.resolve(repoRoot, '../shared/corpora/bbc');
export const MANIFEST_NAME = 'corpus.json';

/**
 * Words kept as they are in every epoch: the commonest function words, which unrelated news
 * paragraphs really do share ("said that the"). Keeping many more (300 in a first version)
 * left paragraphs of different epochs with the same skeleton of common words, and candidate
 * pairs grew with the square of the number of epochs: 14k at 10 MB, 937k at 100 MB.
 */
const FIXED_WORDS = 20;
/** Words are permuted within groups of this many of similar frequency rank. */
const RESPELL_GROUP = 64;

export type Layout = 'line' | 'blank';

export const EDIT_KINDS = [
  'substitution',
  'lede-rewrite',
  'dateline',
  'tail-trim',
  'paragraph-drop',
  'sentence-trim',
  'merge',
  'local-quote',
  'repeated-headline',
  'footer',
  'curly-quotes',
] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

export interface SourceArticle {
  /** "business/001" */
  name: string;
  title: string;
  paragraphs: string[];
}

export interface Source {
  dir: string;
  articles: SourceArticle[];
  /** Lower-case words, most frequent first. */
  vocabulary: string[];
  /** Files left out because they are not valid UTF-8 (the BBC set has one Latin-1 file). */
  skipped: string[];
}

export interface CorpusManifest {
  generatorVersion: number;
  seed: number;
  targetBytes: number;
  targetFiles?: number;
  source: string;
  bytes: number;
  files: number;
  stories: number;
  originals: number;
  reprints: number;
  epochs: number;
  layouts: Record<Layout, number>;
  /** Files showing each kind of edit or scraper artefact. */
  edits: Record<EditKind, number>;
}

export interface GenerateOptions {
  source: Source;
  out: string;
  targetBytes: number;
  /** Stop at this many files too (the index bench counts articles, not bytes). */
  targetFiles?: number;
  seed: number;
}

// ---------------------------------------------------------------------------------------
// Reading the source corpus

const SENTENCE_BREAK = /(?<=[.!?]["'\u201d\u2019]?)\s+(?=["'\u201c\u2018(]?[A-Z0-9£$])/;

export function sentences(paragraph: string): string[] {
  return paragraph.split(SENTENCE_BREAK).filter((s) => s.length > 0);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads `<dir>/<topic>/*.txt` (the BBC layout: title line, blank line, paragraphs). */
export function loadSource(dir: string, seed = 1): Source {
  // The default is beside the repository (../shared/corpora/bbc): a clone elsewhere has none (found by a new user).
  if (!existsSync(dir)) throw new Error(`no source corpus at ${dir}: give --source <folder> (the BBC News corpus: one folder per topic of .txt articles)`);
  const articles: SourceArticle[] = [];
  const skipped: string[] = [];
  const topics = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  for (const topic of topics) {
    const names = readdirSync(path.join(dir, topic))
      .filter((n) => n.endsWith('.txt'))
      .sort();
    for (const file of names) {
      const name = `${topic}/${file.slice(0, -'.txt'.length)}`;
      let text: string;
      try {
        text = strictUtf8.decode(readFileSync(path.join(dir, topic, file)));
      } catch {
        skipped.push(name);
        continue;
      }
      const article = parseArticle(name, text, Random.derive(seed, 0x5e97, articles.length));
      if (article.paragraphs.length > 0) articles.push(article);
    }
  }
  if (articles.length === 0) throw new Error(`${dir}: no articles (expected <topic>/<NNN>.txt files)`);
  return { dir, articles, vocabulary: rankWords(articles), skipped };
}

function parseArticle(name: string, text: string, random: Random): SourceArticle {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((b) => b.replace(/\s+/g, ' ').trim())
    .filter((b) => b.length > 0);
  const title = blocks.shift() ?? '';
  const paragraphs: string[] = [];
  for (const block of blocks) {
    const parts = sentences(block);
    for (let i = 0; i < parts.length; ) {
      // Wire paragraphs: mostly one or two sentences, sometimes three.
      const r = random.next();
      const take = r < 0.45 ? 1 : r < 0.85 ? 2 : 3;
      paragraphs.push(parts.slice(i, i + take).join(' '));
      i += take;
    }
  }
  return { name, title, paragraphs };
}

const WORD = /[A-Za-z]+/g;

function rankWords(articles: readonly SourceArticle[]): string[] {
  const counts = new Map<string, number>();
  const count = (text: string): void => {
    for (const match of text.matchAll(WORD)) {
      const word = match[0].toLowerCase();
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  };
  for (const article of articles) {
    count(article.title);
    for (const p of article.paragraphs) count(p);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
}

// ---------------------------------------------------------------------------------------
// Respelling: new, unrelated stories from the same text

function matchCase(model: string, word: string): string {
  if (model.length > 1 && model === model.toUpperCase()) return word.toUpperCase();
  if (model[0] !== model[0]!.toLowerCase()) return word[0]!.toUpperCase() + word.slice(1);
  return word;
}

function stringHash(text: string, salt: number): number {
  let h = salt ^ 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return fmix32(h >>> 0);
}

export class Respeller {
  /** Respellable words (lower case) by frequency rank; the others are kept as they are. */
  private readonly vocabulary: readonly string[];
  private readonly rank = new Map<string, number>();
  private cachedEpoch = -1;
  private cached: { words: Map<string, string>; digits: string[] } = { words: new Map(), digits: [] };

  constructor(
    ranked: readonly string[],
    private readonly seed: number,
  ) {
    this.vocabulary = ranked.slice(FIXED_WORDS).filter((w) => !isEditedWord(w));
    this.vocabulary.forEach((w, i) => this.rank.set(w, i));
  }

  /** The text as it reads in `epoch` (epoch 0: unchanged). */
  respell(text: string, epoch: number): string {
    if (epoch === 0) return text;
    const { words, digits } = this.tables(epoch);
    return text.replace(WORD, (w) => {
      const to = words.get(w.toLowerCase());
      return to === undefined ? w : matchCase(w, to);
    }).replace(/[0-9]/g, (d) => digits[Number(d)]!);
  }

  /** A one-off respelling (not a bijection) under `salt`: unrelated text of the same shape. */
  scramble(text: string, salt: number): string {
    return text.replace(WORD, (w) => {
      const r = this.rank.get(w.toLowerCase());
      if (r === undefined) return w;
      const groupStart = r - (r % RESPELL_GROUP);
      const groupSize = Math.min(RESPELL_GROUP, this.vocabulary.length - groupStart);
      return matchCase(w, this.vocabulary[groupStart + (stringHash(w, salt) % groupSize)]!);
    });
  }

  private tables(epoch: number): { words: Map<string, string>; digits: string[] } {
    if (epoch === this.cachedEpoch) return this.cached;
    const words = new Map<string, string>();
    for (let start = 0, group = 0; start < this.vocabulary.length; start += RESPELL_GROUP, group++) {
      const members = this.vocabulary.slice(start, start + RESPELL_GROUP);
      const images = Random.derive(this.seed, 0xe90c, epoch, group).shuffle([...members]);
      members.forEach((w, i) => words.set(w, images[i]!));
    }
    const digits = Random.derive(this.seed, 0xd191, epoch).shuffle(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    this.cachedEpoch = epoch;
    this.cached = { words, digits };
    return this.cached;
  }
}

// ---------------------------------------------------------------------------------------
// Outlets

export interface Outlet {
  slug: string;
  name: string;
  city: string;
  layout: Layout;
  curlyQuotes: boolean;
  /** Probability that a page of this site was scraped with its headline twice. */
  repeatedHeadline: number;
  /** Site footer lines the scraper kept, or none. */
  footer: string[] | null;
  /** Multiplies every edit probability of this outlet's reprints. */
  editRate: number;
}

const PLACES = ['Riverside', 'Northgate', 'Harbour', 'Millbrook', 'Eastvale', 'Kingsbury', 'Westmere', 'Ashford'];
const MASTHEADS = ['Ledger', 'Courier', 'Gazette', 'Herald', 'Post', 'Times', 'Chronicle', 'Tribune'];
const CITIES = ['LONDON', 'NEW YORK', 'WASHINGTON', 'MANCHESTER', 'DUBLIN', 'TORONTO', 'SYDNEY', 'BRUSSELS'];
const FOOTERS: string[][] = [
  ['Leave a Reply', 'Your email address will not be published. Required fields are marked *'],
  ['Share this:', 'Click to share on Twitter (Opens in new window)', 'Click to share on Facebook (Opens in new window)'],
  ['Related Posts'],
  ['Copyright {name}. All rights reserved.', 'Subscribe to our newsletter for the latest news.'],
  ['Read more: {name} business and politics coverage'],
];

export const OUTLET_COUNT = 24;

export function makeOutlets(seed: number): Outlet[] {
  const random = Random.derive(seed, 0x071e7);
  const names = random.shuffle(PLACES.flatMap((p) => MASTHEADS.map((m) => `The ${p} ${m}`))).slice(0, OUTLET_COUNT);
  return names.map((name, i) => {
    const r = Random.derive(seed, 0x071e7, i);
    const footer = r.chance(0.6) ? r.pick(FOOTERS).map((line) => line.replace('{name}', name)) : null;
    return {
      slug: name.toLowerCase().replace(/^the /, '').replace(/ /g, '-'),
      name,
      city: r.pick(CITIES),
      layout: i % 2 === 0 ? 'line' : 'blank',
      curlyQuotes: r.chance(0.4),
      repeatedHeadline: r.chance(0.3) ? 0.8 : 0,
      footer,
      editRate: 0.3 + r.next() * 1.0,
    };
  });
}

// ---------------------------------------------------------------------------------------
// Edits

/** House-style rewrites a reprinting outlet applies (tested one by one in test/unit/bench-generate.test.ts). */
const STYLE_RULES: ReadonlyArray<[RegExp, string]> = [
  [/\bUS(?= [a-z])/g, 'American'],
  [/\bthe US\b/g, 'the United States'],
  [/\bUK(?= [a-z])/g, 'British'],
  [/\bthe UK\b/g, 'Britain'],
  [/\bper cent\b/g, 'percent'],
  [/\b(?:Mr|Mrs|Ms|Dr) (?=[A-Z])/g, ''],
  [/£(\d+(?:\.\d+)?)bn\b/g, '$1 billion pounds'],
  [/£(\d+(?:\.\d+)?)m\b/g, '$1 million pounds'],
  [/isation/g, 'ization'],
  [/\bcolour/g, 'color'],
  [/\bfavour/g, 'favor'],
  [/\bcentre/g, 'center'],
  [/\bprogramme/g, 'program'],
  [/\bdefence\b/g, 'defense'],
];

const SYNONYMS: ReadonlyArray<[RegExp, string]> = [
  [/\bsaid\b/g, 'stated'],
  [/\bsays\b/g, 'states'],
  [/\bcompany\b/g, 'firm'],
  [/\brose\b/g, 'climbed'],
  [/\bfell\b/g, 'dropped'],
  [/\bbig\b/g, 'large'],
  [/\bbought\b/g, 'acquired'],
  [/\bexpected\b/g, 'predicted'],
  [/\bplans\b/g, 'intends'],
  [/\bpeople\b/g, 'individuals'],
  [/\bgovernment\b/g, 'administration'],
  [/\bannounced\b/g, 'unveiled'],
  [/\bmore than\b/g, 'over'],
  [/\bhowever\b/g, 'though'],
  [/\bhas been\b/g, 'was'],
];

/**
 * Words the rules above rewrite are never respelled, so that reprints in every epoch get the
 * same kinds of edits as in epoch 0.
 */
const EDITED_WORDS = new Set(
  'us uk per cent mr mrs ms dr defence said says company rose fell big bought expected plans people government announced more than however has been'.split(' '),
);
function isEditedWord(word: string): boolean {
  // Words of one or two letters are function words or units ("m" in "£600m", "bn"): kept too.
  return word.length <= 2 || EDITED_WORDS.has(word) || /isation|^colour|^favour|^centre|^programme/.test(word);
}

const FIRST_NAMES = ['Maria', 'James', 'Aisha', 'Tom', 'Priya', 'Daniel', 'Sofia', 'Kwame', 'Helen', 'Luis', 'Ingrid', 'Omar', 'Grace', 'Peter', 'Mei', 'Robert'];
const LAST_NAMES = ['Okafor', 'Hughes', 'Novak', 'Patel', 'Brennan', 'Lindqvist', 'Moreau', 'Castillo', 'Adeyemi', 'Walsh', 'Kowalski', 'Tanaka', 'Fischer', 'Reid', 'Haddad', 'Byrne'];
const ROLES = ['a shop owner', 'a retired teacher', 'a local councillor', 'a student', 'a small business owner', 'a nurse', 'a union representative', 'a parent of two', 'an economist at the local university', 'a community organiser'];

export function applyStyle(text: string): string {
  let out = text;
  for (const [pattern, replacement] of STYLE_RULES) out = out.replace(pattern, replacement);
  return out;
}

export function curlQuotes(text: string): string {
  return text
    .replace(/(^|[\s(])"/g, '$1\u201c')
    .replace(/"/g, '\u201d')
    .replace(/(^|[\s(])'/g, '$1\u2018')
    .replace(/'/g, '\u2019');
}

export interface Edition {
  title: string;
  paragraphs: string[];
  edits: Set<EditKind>;
}

function titleCase(words: string): string {
  return words.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase());
}

function rewriteLede(lede: string, outlet: Outlet): string {
  const [first = lede] = sentences(lede);
  let rewritten = first;
  for (const [pattern, replacement] of SYNONYMS) rewritten = rewritten.replace(pattern, replacement);
  return `${outlet.city} (${outlet.name}) \u2014 ${rewritten}`;
}

/** A reprint of `story` by `outlet`: the edits a syndicating outlet makes. */
export function reprint(story: Edition, outlet: Outlet, random: Random, respeller: Respeller): Edition {
  const rate = outlet.editRate;
  const edits = new Set<EditKind>();
  let paragraphs = [...story.paragraphs];
  const n = (): number => paragraphs.length;

  if (random.chance(0.5 * rate)) {
    const styled = paragraphs.map(applyStyle);
    if (styled.some((p, i) => p !== paragraphs[i])) edits.add('substitution');
    paragraphs = styled;
  }
  if (n() > 3 && random.chance(0.4 * rate)) {
    paragraphs = paragraphs.slice(0, n() - random.between(1, Math.min(3, n() - 3)));
    edits.add('tail-trim');
  }
  if (n() > 4 && random.chance(0.2 * rate)) {
    paragraphs.splice(random.between(1, n() - 2), 1);
    edits.add('paragraph-drop');
  }
  if (random.chance(0.3 * rate)) {
    const multi = paragraphs.flatMap((p, i) => (i > 0 && sentences(p).length > 1 ? [i] : []));
    if (multi.length > 0) {
      const i = random.pick(multi);
      paragraphs[i] = sentences(paragraphs[i]!).slice(0, -1).join(' ');
      edits.add('sentence-trim');
    }
  }
  if (n() > 3 && random.chance(0.25 * rate)) {
    const i = random.between(1, n() - 2);
    paragraphs.splice(i, 2, `${paragraphs[i]} ${paragraphs[i + 1]}`);
    edits.add('merge');
  }
  if (random.chance(0.35 * rate)) {
    paragraphs[0] = rewriteLede(paragraphs[0]!, outlet);
    edits.add('lede-rewrite');
    edits.add('dateline');
  } else if (random.chance(0.3 * rate)) {
    paragraphs[0] = `${outlet.city} (${outlet.name}) \u2014 ${paragraphs[0]}`;
    edits.add('dateline');
  }
  if (random.chance(0.3 * rate)) {
    // The quoted words are one sentence of the story scrambled under a salt of its own: text of
    // news shape that copies nothing (a pooled template would link unrelated articles).
    const said = respeller.scramble(random.pick(sentences(random.pick(story.paragraphs))), random.nextUint32()).replace(/[.!?"\u201d]+$/, '');
    const quote = `"${said}," said ${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}, ${random.pick(ROLES)} in ${titleCase(outlet.city)}.`;
    paragraphs.splice(random.between(1, Math.min(4, n())), 0, quote);
    edits.add('local-quote');
  }
  return { title: story.title, paragraphs, edits };
}

/** The file as the outlet's scraper saved it. */
export function renderArticle(edition: Edition, outlet: Outlet, random: Random): string {
  const edits = edition.edits;
  const head = [edition.title];
  if (random.chance(outlet.repeatedHeadline)) {
    head.push(edition.title);
    edits.add('repeated-headline');
  }
  const body = outlet.layout === 'line' ? [edition.paragraphs.join('\n')] : edition.paragraphs;
  const tail: string[] = [];
  if (outlet.footer) {
    tail.push(outlet.layout === 'line' ? outlet.footer.join('\n') : outlet.footer.join('\n\n'));
    edits.add('footer');
  }
  let text = [...head, ...body, ...tail].join('\n\n') + '\n';
  if (outlet.curlyQuotes) {
    const curled = curlQuotes(text);
    if (curled !== text) edits.add('curly-quotes');
    text = curled;
  }
  return text;
}

// ---------------------------------------------------------------------------------------
// The corpus

/** Reprint counts: 60% of stories stay with their outlet; the rest go to 1-6 others. */
function reprintCount(random: Random): number {
  if (random.chance(0.6)) return 0;
  let k = 1;
  while (k < 6 && random.chance(0.45)) k++;
  return k;
}

/** A story of the corpus as its publisher printed it: the source article in its epoch's words. */
export function storyOf(article: SourceArticle, epoch: number, respeller: Respeller): Edition {
  return {
    title: respeller.respell(article.title, epoch),
    paragraphs: article.paragraphs.map((p) => respeller.respell(p, epoch)),
    edits: new Set(),
  };
}

export function generateCorpus(options: GenerateOptions): CorpusManifest {
  const { source, out, targetBytes, seed } = options;
  const full = (): boolean => manifest.bytes >= targetBytes || (options.targetFiles !== undefined && manifest.files >= options.targetFiles);
  const outlets = makeOutlets(seed);
  const respeller = new Respeller(source.vocabulary, seed);
  const manifest: CorpusManifest = {
    generatorVersion: GENERATOR_VERSION,
    seed,
    targetBytes,
    ...(options.targetFiles === undefined ? {} : { targetFiles: options.targetFiles }),
    source: source.dir,
    bytes: 0,
    files: 0,
    stories: 0,
    originals: 0,
    reprints: 0,
    epochs: 0,
    layouts: { line: 0, blank: 0 },
    edits: Object.fromEntries(EDIT_KINDS.map((k) => [k, 0])) as Record<EditKind, number>,
  };
  mkdirSync(out, { recursive: true });
  const madeDirs = new Set<string>();
  const write = (outlet: Outlet, article: SourceArticle, epoch: number, text: string, edits: Set<EditKind>): void => {
    const [topic = 'news', number = '0'] = article.name.split('/');
    const dir = path.join(out, outlet.slug, topic);
    if (!madeDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      madeDirs.add(dir);
    }
    const bytes = Buffer.from(text, 'utf8');
    writeFileSync(path.join(dir, `${String(epoch).padStart(2, '0')}-${number}.txt`), bytes);
    manifest.bytes += bytes.length;
    manifest.files++;
    manifest.layouts[outlet.layout]++;
    for (const kind of edits) manifest.edits[kind]++;
  };

  for (let epoch = 0; !full(); epoch++) {
    manifest.epochs = epoch + 1;
    const order = Random.derive(seed, 0x0bde, epoch).shuffle(source.articles.map((_, i) => i));
    for (const index of order) {
      if (full()) break;
      const article = source.articles[index]!;
      const random = Random.derive(seed, 0x5707, epoch, index);
      const story = storyOf(article, epoch, respeller);
      const outletOrder = random.shuffle(outlets.map((_, i) => i));
      const publisher = outlets[outletOrder[0]!]!;
      manifest.stories++;
      manifest.originals++;
      write(publisher, article, epoch, renderArticle(story, publisher, random), story.edits);
      const copies = reprintCount(random);
      for (let c = 1; c <= copies && !full(); c++) {
        const outlet = outlets[outletOrder[c]!]!;
        const edition = reprint(story, outlet, random, respeller);
        manifest.reprints++;
        write(outlet, article, epoch, renderArticle(edition, outlet, random), edition.edits);
      }
    }
  }
  writeFileSync(path.join(out, MANIFEST_NAME), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

/**
 * Articles a corpus does not hold yet, as a feed brings them (the index bench's `check`
 * batch): every other one an edited reprint of a story of the corpus, the others new stories
 * from an epoch the corpus never reached. Returns the reprints' file names.
 */
export function generateIncoming(options: { source: Source; manifest: CorpusManifest; out: string; count: number; seed: number }): Set<string> {
  const { source, manifest, out, count, seed } = options;
  const outlets = makeOutlets(seed);
  const respeller = new Respeller(source.vocabulary, seed);
  mkdirSync(out, { recursive: true });
  const reprints = new Set<string>();
  for (let k = 0; k < count; k++) {
    const random = Random.derive(seed, 0x1c0e, k);
    const name = `new-${String(k).padStart(3, '0')}.txt`;
    const outlet = random.pick(outlets);
    const article = random.pick(source.articles);
    let edition: Edition;
    if (k % 2 === 0) {
      // Story s of the corpus is the (s mod n)-th article of its epoch's order (generateCorpus).
      const story = random.between(0, manifest.stories - 1);
      const epoch = Math.floor(story / source.articles.length);
      const order = Random.derive(seed, 0x0bde, epoch).shuffle(source.articles.map((_, i) => i));
      const held = source.articles[order[story % source.articles.length]!]!;
      edition = reprint(storyOf(held, epoch, respeller), outlet, random, respeller);
      reprints.add(name);
    } else {
      edition = storyOf(article, manifest.epochs + 1000 + k, respeller);
    }
    writeFileSync(path.join(out, name), renderArticle(edition, outlet, random));
  }
  return reprints;
}

/** The manifest of a complete corpus in `dir` made with these settings, or null. */
export function readManifest(dir: string): CorpusManifest | null {
  try {
    return JSON.parse(readFileSync(path.join(dir, MANIFEST_NAME), 'utf8')) as CorpusManifest;
  } catch {
    return null;
  }
}

/** Reuses `out` when it holds a corpus made with the same settings; otherwise (re)generates it. */
export function ensureCorpus(options: GenerateOptions): { manifest: CorpusManifest; reused: boolean } {
  const existing = readManifest(options.out);
  if (
    existing &&
    existing.generatorVersion === GENERATOR_VERSION &&
    existing.seed === options.seed &&
    existing.targetBytes === options.targetBytes &&
    existing.targetFiles === options.targetFiles &&
    existing.source === options.source.dir
  ) {
    return { manifest: existing, reused: true };
  }
  rmSync(options.out, { recursive: true, force: true });
  return { manifest: generateCorpus(options), reused: false };
}

// ---------------------------------------------------------------------------------------
// Command line: node dist/bench/generate.js --size 10 --out /tmp/corpus-10

const USAGE = `usage: node dist/bench/generate.js --out <folder> [--size <MB>] [--seed <n>] [--source <bbc folder>]`;

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string' },
      size: { type: 'string', default: '10' },
      seed: { type: 'string', default: '1' },
      source: { type: 'string', default: DEFAULT_SOURCE },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.out) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const megabytes = Number(values.size);
  const seed = Number(values.seed);
  if (!(megabytes > 0) || !Number.isInteger(seed)) {
    process.stderr.write(`generate: --size must be a positive number of MB and --seed a whole number\n${USAGE}\n`);
    return 2;
  }
  const source = loadSource(values.source, seed);
  const manifest = generateCorpus({ source, out: path.resolve(values.out), targetBytes: Math.round(megabytes * 1e6), seed });
  process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
  return 0;
}

if (isMainModule(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`generate: ${(error as Error).message}\n`);
    process.exitCode = 2;
  }
}

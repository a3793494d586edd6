import { beforeAll, describe, expect, it } from 'vitest';
import { editSummary } from '../../src/core/align/edit-summary.js';
import { alignParagraphs, alignParagraphsOf, paragraphCount, paragraphNumbers, type AlignParagraph, type RewordedPairs } from '../../src/core/align/align.js';
import { createSigner, resolveOptions, type Signer } from '../../src/core/index.js';
import { wordDiff } from '../../src/core/align/worddiff.js';

let signer: Signer;
beforeAll(async () => {
  signer = await createSigner(resolveOptions({ segment: 'line' }));
});

const paragraphs = (lines: string[]): AlignParagraph[] =>
  alignParagraphsOf(signer.prepare({ id: 'x', text: lines.join('\n') }));

const sentence = (n: number, offset = 0): string => `${Array.from({ length: n }, (_, i) => `w${i + offset}`).join(' ')}.`;

describe('word diff', () => {
  it('rebuilds both texts from its operations', () => {
    const from = 'KYIV, Ukraine (AP) — US and South Korean officials said Wednesday';
    const to = 'American and South Korean officials said on Wednesday';
    const ops = wordDiff(from, to);
    const side = (keep: string) => ops.filter((o) => o.op === 'equal' || o.op === keep).map((o) => o.text).join(' ');
    expect(side('delete')).toBe(from.replace(' on', ''));
    expect(side('insert')).toBe(to);
    expect(ops).toContainEqual({ op: 'insert', text: 'on' });
  });

  it('folds case, punctuation and quote style, like matching does', () => {
    expect(wordDiff('“What exactly they’re doing,” Austin said.', '"what exactly they\'re doing" Austin said')).toEqual([
      { op: 'equal', text: '"what exactly they\'re doing" Austin said' },
    ]);
  });
});

describe('word diff of scripts without spaces', () => {
  it('diffs Chinese by character and keeps the text unspaced', () => {
    expect(wordDiff('朝鲜向俄罗斯派兵。', '朝鲜向乌克兰派兵。')).toEqual([
      { op: 'equal', text: '朝鲜向' },
      { op: 'delete', text: '俄罗斯' },
      { op: 'insert', text: '乌克兰' },
      { op: 'equal', text: '派兵。' },
    ]);
  });
});

describe('paragraph alignment', () => {
  it('pairs identical and edited paragraphs, and reports dropped and added ones in order', () => {
    const a = paragraphs([sentence(20), sentence(20, 100), sentence(20, 200)]);
    const b = paragraphs([sentence(20), sentence(20, 100).replace('w110', 'changed'), sentence(20, 300)]);
    const blocks = alignParagraphs(a, b, { threshold: 0.5, containment: 0.8 });
    expect(blocks.map((x) => [x.kind, x.from, x.to])).toEqual([
      ['same', [0], [0]],
      ['edited', [1], [1]],
      ['dropped', [2], []],
      ['added', [], [2]],
    ]);
    expect(blocks[1]!.ops).toContainEqual({ op: 'insert', text: 'changed' });
  });

  it('finds a merge of consecutive paragraphs (n → 1), including a short heading', () => {
    const a = paragraphs(['What is going on?', sentence(20), sentence(20, 100)]);
    const b = paragraphs([`What is going on? ${sentence(20)} ${sentence(20, 100)}`]);
    const [block] = alignParagraphs(a, b, { threshold: 0.5, containment: 0.8 });
    expect(block).toMatchObject({ kind: 'merged', from: [0, 1, 2], to: [0] });
  });

  it('finds a split into paragraphs that are not adjacent (1 → n)', () => {
    const a = paragraphs([`${sentence(15)} ${sentence(15, 100)} ${sentence(15, 200)}`]);
    const b = paragraphs([sentence(15), sentence(30, 500), sentence(15, 100), sentence(15, 200)]);
    const blocks = alignParagraphs(a, b, { threshold: 0.5, containment: 0.8 });
    expect(blocks.find((x) => x.kind === 'split')).toMatchObject({ from: [0], to: [0, 2, 3] });
    expect(blocks.find((x) => x.kind === 'added')).toMatchObject({ to: [1] });
  });

  it('marks paragraphs that changed place as moved', () => {
    const a = paragraphs([sentence(20), sentence(20, 100), sentence(20, 200), sentence(20, 300)]);
    const b = paragraphs([sentence(20, 300), sentence(20), sentence(20, 100), sentence(20, 200)]);
    const blocks = alignParagraphs(a, b, { threshold: 0.5, containment: 0.8 });
    expect(blocks.filter((x) => x.moved).map((x) => x.from)).toEqual([[3]]);
  });
});

describe('coverage: the share of the original\'s words a copy keeps', () => {
  it('counts the words an edited paragraph keeps, not the whole paragraph (a copy that cut half of each paragraph keeps about half)', async () => {
    const { editSummary } = await import('../../src/core/align/edit-summary.js');
    const rule = { ...resolveOptions({ segment: 'line' }) };
    const original = paragraphs([sentence(20), '', sentence(20, 100), '', sentence(20, 200)]);
    // Each paragraph cut to its first 12 words: matched (Jaccard of 3-grams 0.5), 40% of its words gone.
    const cut = (n: number, offset: number): string => `${Array.from({ length: n }, (_, i) => `w${i + offset}`).join(' ')}.`;
    const copy = paragraphs([cut(12, 0), '', cut(12, 100), '', cut(12, 200)]);
    const summary = editSummary(original, copy, rule);
    expect(summary.paragraphs.edited + summary.paragraphs.shared).toBe(3);
    expect(summary.coverage).toBe(0.6);
    expect(summary.reused).toBe(1);
    // An identical copy keeps everything.
    expect(editSummary(original, original, rule).coverage).toBe(1);
  });
});

describe('coverage of text written without spaces', () => {
  it('counts each Chinese or Japanese character as a word, as the diff does: one character changed in 48 keeps nearly all (found in review: 67%)', async () => {
    const { editSummary } = await import('../../src/core/align/edit-summary.js');
    const rule = { ...resolveOptions({ segment: 'line' }) };
    const text = '東京都は火曜日に新しい計画を発表した。この計画では市内の公園を増やし、住民の健康を守ることを目指している。';
    const original = paragraphs([text]);
    const copy = paragraphs([text.replace('火', '水')]);
    const summary = editSummary(original, copy, rule);
    expect(summary.paragraphs.edited).toBe(1);
    expect(summary.coverage).toBeGreaterThan(0.95);
  });
});

describe('a new lede', () => {
  it('is the first paragraph long enough to be a lede, past a headline: a new headline is no new lede, a rewritten lede under the same headline is (found by a new user)', async () => {
    const { editSummary } = await import('../../src/core/align/edit-summary.js');
    const rule = { ...resolveOptions({ segment: 'line' }) };
    const lede = 'The harbour board voted on Tuesday evening to rebuild the old fish market on the north quay, ending a long dispute.';
    const newLede = 'After three years of argument, the old fish market on the north quay will be torn down and built again from its stones.';
    const body = [sentence(25, 300), sentence(25, 400), sentence(25, 500)];
    const original = paragraphs(['Harbour board backs new fish market', '', lede, '', ...body.flatMap((p) => [p, ''])]);
    const headline = paragraphs(['Fish market to be rebuilt, board decides', '', lede, '', ...body.flatMap((p) => [p, ''])]);
    const rewritten = paragraphs(['Harbour board backs new fish market', '', newLede, '', ...body.flatMap((p) => [p, ''])]);
    const kinds = (copy: AlignParagraph[]): string[] => editSummary(original, copy, rule).edits.map((e) => e.kind);
    expect(kinds(headline)).not.toContain('new-lede');
    expect(kinds(rewritten)).toContain('new-lede');
    // A short lede that is a sentence is a lede (found in review: counted as a headline, its rewrite was missed).
    const shortOriginal = paragraphs(['Three people died in a house fire in Leeds on Sunday.', '', ...body.flatMap((p) => [p, ''])]);
    const shortRewrite = paragraphs(['A blaze at a terraced home killed three people overnight.', '', ...body.flatMap((p) => [p, ''])]);
    expect(editSummary(shortOriginal, shortRewrite, rule).edits.map((e) => e.kind)).toContain('new-lede');
  });
});

describe('word diff keys are matching\'s tokens', () => {
  it('shows "US" -> "U.S." (two tokens to matching, which calls the paragraph edited) and keeps quote and case folding equal (found by a new user)', () => {
    expect(wordDiff('the US said', 'the U.S. said')).toEqual([
      { op: 'equal', text: 'the' },
      { op: 'delete', text: 'US' },
      { op: 'insert', text: 'U.S.' },
      { op: 'equal', text: 'said' },
    ]);
    expect(wordDiff('“They don’t,” he said of 10,000 e-mails.', '"they don\'t" He said of 10,000 e-mails')).toEqual([{ op: 'equal', text: '"they don\'t" He said of 10,000 e-mails' }]);
  });
});

describe('word changes as text (render/diff.ts renderOps)', () => {
  it('puts no space inside a run of Chinese or Japanese text, and one between words elsewhere (found by a new user)', async () => {
    const { renderOps } = await import('../../src/render/diff.js');
    const { plainPalette } = await import('../../src/render/palette.js');
    const style = { palette: plainPalette, color: false, context: 0 };
    expect(renderOps(wordDiff('東京都は火曜日に発表した', '東京都は水曜日に発表した'), style)).toBe('東京都は[-火-]{+水+}曜日に発表した');
    expect(renderOps(wordDiff('the US said', 'the U.S. said'), style)).toBe('the [-US-] {+U.S.+} said');
  });
});

describe('paragraphs cut into sentences (over 600 characters)', () => {
  /** A sentence of `n` words, capitalised so that a sentence break falls before it. */
  const capital = (n: number, offset: number): string => `Word${offset} ${Array.from({ length: n - 1 }, (_, i) => `w${i + offset + 1}`).join(' ')}.`;
  /** A long paragraph of five sentences of 24 words, one line (cut into pieces by the segmenter). */
  const long = (offset: number): string => Array.from({ length: 5 }, (_, k) => capital(24, offset + 100 * k)).join(' ');

  it('a long paragraph with one word changed is one edited block, not pieces', () => {
    const a = paragraphs([sentence(20), long(1000), sentence(20, 300)]);
    const b = paragraphs([sentence(20), long(1000).replace('w1210', 'changed'), sentence(20, 300)]);
    expect(a.length).toBeGreaterThan(3);
    const blocks = alignParagraphs(a, b, { threshold: 0.5, containment: 0.8 });
    expect(blocks.map((x) => x.kind)).toEqual(['same', 'edited', 'same']);
    expect(blocks[1]!.from).toEqual(Array.from({ length: a.length - 2 }, (_, k) => k + 1));
    expect(blocks[1]!.ops).toContainEqual({ op: 'insert', text: 'changed' });
    expect(paragraphCount(a)).toBe(3);
  });

  it('a few sentences of a long paragraph copied into another stay pieces, the rest dropped', () => {
    const a = paragraphs([long(1000)]);
    const pieces = a.map((p) => p.text);
    const b = paragraphs([`${pieces[1]!} ${capital(24, 5000)} ${capital(24, 6000)} ${capital(24, 7000)} ${capital(24, 8000)}`]);
    const blocks = alignParagraphs(a, b, { threshold: 0.5, containment: 0.8 });
    expect(blocks.filter((x) => x.kind === 'dropped')).toHaveLength(a.length - 1);
    expect(blocks.filter((x) => x.kind === 'same').map((x) => x.from)).toEqual([[1]]);
  });
});

describe("a scan's reworded pairs (a group member compared with its original)", () => {
  it('pairs a dropped and an added paragraph the scan found reworded, though passage alignment of the two alone does not (found by a new user: "keeps 0%" beside an edited paragraph)', () => {
    const a = paragraphs([sentence(20), sentence(20, 100)]).map((p, i) => ({ ...p, paragraph: 10 + i }));
    const b = paragraphs([sentence(20), sentence(20, 500)]).map((p, i) => ({ ...p, paragraph: 20 + i }));
    const rule = { threshold: 0.5, containment: 0.8, seed: 1, minWords: 5 };
    // Alone, the second paragraphs share no word: dropped and added.
    expect(alignParagraphs(a, b, rule).map((x) => x.kind)).toEqual(['same', 'dropped', 'added']);
    // The scan found them reworded (variants 11 and 21, similarity 0.39).
    const reworded: RewordedPairs = {
      variantOf: (paragraph) => paragraph,
      partners: (variant) => (variant === 11 ? [[21, 0.39]] : variant === 21 ? [[11, 0.39]] : []),
    };
    const blocks = alignParagraphs(a, b, { ...rule, reworded });
    expect(blocks.map((x) => [x.kind, x.from, x.to, x.similarity, x.reworded ?? false])).toEqual([
      ['same', [0], [0], 1, false],
      ['edited', [1], [1], 0.39, true],
    ]);
  });
});

describe('paragraph alignment over random edits of long paragraphs (invariants; review)', () => {
  // A small generator: paragraphs of numbered sentences, some over 600 characters (cut into
  // pieces), edited by dropping, adding, moving or changing sentences, merging and splitting
  // lines, dropping, adding and moving paragraphs.
  let state = 7;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const pick = (n: number): number => Math.floor(next() * n);
  let id = 0;
  const sentenceOf = (): string => `S${id++}x ${Array.from({ length: 8 + pick(10) }, () => `w${pick(3000).toString(36)}x`).join(' ')}.`;
  // Long paragraphs of 6-13 sentences are diffed whole when joined; of 25-44 (over JOIN_DIFF_MAX_WORDS) their pieces' operations are joined in order.
  let longSentences = [6, 8];
  const paragraphOf = (long: boolean): string[] => Array.from({ length: long ? longSentences[0]! + pick(longSentences[1]!) : 1 + pick(3) }, sentenceOf);
  const fold = (text: string): string => text.toLowerCase().split(/\s+/).map((w) => w.replace(/[^a-z0-9]/g, '')).filter(Boolean).join(' ');

  it("every piece is in exactly one block per side, and each block's operations rebuild both sides in order", () => {
    for (let t = 0; t < 190; t++) {
      if (t === 150) longSentences = [25, 20];
      const original = Array.from({ length: 1 + pick(5) }, () => paragraphOf(next() < 0.7));
      let copy = original.map((p) => [...p]);
      for (let e = 1 + pick(3); e > 0; e--) {
        const p = pick(copy.length);
        const paragraph = copy[p]!;
        const kind = pick(9);
        if (kind === 0 && paragraph.length > 1) paragraph.splice(pick(paragraph.length), 1);
        else if (kind === 1) paragraph.splice(pick(paragraph.length + 1), 0, sentenceOf());
        else if (kind === 2 && paragraph.length > 1) paragraph.splice(pick(paragraph.length), 0, ...paragraph.splice(pick(paragraph.length), 1));
        else if (kind === 3 && p + 1 < copy.length) copy.splice(p, 2, [...paragraph, ...copy[p + 1]!]);
        else if (kind === 4 && paragraph.length > 2) copy.splice(p, 1, paragraph.slice(0, 1 + pick(paragraph.length - 1)), paragraph.slice(1 + pick(paragraph.length - 1)));
        else if (kind === 5 && copy.length > 1) copy.splice(p, 1);
        else if (kind === 6) copy.splice(p, 0, paragraphOf(next() < 0.5));
        else paragraph[pick(paragraph.length)] = sentenceOf();
      }
      copy = copy.filter((p) => p.length > 0);
      const a = paragraphs(original.map((p) => p.join(' ')));
      const b = paragraphs(copy.map((p) => p.join(' ')));
      const blocks = alignParagraphs(a, b, { threshold: 0.5, containment: 0.8 });
      const seen = { from: new Array<number>(a.length).fill(0), to: new Array<number>(b.length).fill(0) };
      for (const block of blocks) {
        block.from.forEach((i) => seen.from[i]!++);
        block.to.forEach((j) => seen.to[j]!++);
        if (!block.ops) continue;
        const side = (skip: string): string => fold(block.ops!.filter((op) => op.op !== skip).map((op) => op.text).join(' '));
        expect(side('insert'), `case ${t}: ${block.kind} ${block.from} -> ${block.to}`).toBe(fold(block.from.map((i) => a[i]!.text).join(' ')));
        expect(side('delete'), `case ${t}: ${block.kind} ${block.from} -> ${block.to}`).toBe(fold(block.to.map((j) => b[j]!.text).join(' ')));
      }
      expect(seen.from.every((n) => n === 1) && seen.to.every((n) => n === 1), `case ${t}`).toBe(true);
      // A merge joins paragraphs, a split makes them: none of pieces of one paragraph into one.
      const [numbersA, numbersB] = [paragraphNumbers(a), paragraphNumbers(b)];
      for (const block of blocks.filter((x) => x.kind === 'merged' || x.kind === 'split')) {
        const paragraphsOf = (indexes: number[], numbers: Int32Array): number => new Set(indexes.map((i) => numbers[i])).size;
        expect(paragraphsOf(block.from, numbersA) + paragraphsOf(block.to, numbersB), `case ${t}`).toBeGreaterThan(2);
      }
    }
  });
});

describe('paragraphNumbers', () => {
  const piece = (paragraph: number | undefined, continues: boolean): AlignParagraph => ({ startLine: 1, endLine: 1, text: 'x', words: 1, textKey: null, shingles: null, tokens: new Uint32Array(0), continues, ...(paragraph === undefined ? {} : { paragraph }) });
  it('joins a piece to the one before only when that is its piece before in the document (a body leaves out boilerplate pieces; review)', () => {
    expect(Array.from(paragraphNumbers([piece(undefined, false), piece(undefined, true), piece(undefined, false)]))).toEqual([0, 0, 1]);
    // Paragraph 11 (a boilerplate piece) left out of a body: 12 continues it, not 10.
    expect(Array.from(paragraphNumbers([piece(10, false), piece(12, true), piece(13, true)]))).toEqual([0, 1, 1]);
  });
});

describe('paragraph counts of a comparison', () => {
  it('count a long paragraph cut at its sentences once, edited, when one sentence was replaced (it was shared, added and dropped at once; review)', () => {
    const [s1, s2, s3, s4, other] = [sentence(40), sentence(40, 100), sentence(40, 200), sentence(40, 300), sentence(40, 400)].map((s) => s.replace(/^w/, 'W'));
    const lede = sentence(14, 500).replace(/^w/, 'W');
    const a = paragraphs(['Title of the story', lede, [s1, s2, s3, s4].join(' ')]);
    const b = paragraphs(['Title of the story', lede, [s1, s2, s3, other].join(' ')]);
    // The segmenter cut the long paragraph into pieces (paragraphNumbers joins them).
    expect(a.length).toBeGreaterThan(3);
    expect(paragraphCount(b)).toBe(3);
    const { paragraphs: counts } = editSummary(a, b, { threshold: 0.5, containment: 0.8 });
    expect(counts).toMatchObject({ shared: 2, edited: 1, added: 0, dropped: 0 });
    // Its last sentence kept and a new one after it: still one paragraph edited, none dropped.
    const c = paragraphs(['Title of the story', lede, [s4, other].join(' ')]);
    expect(editSummary(a, c, { threshold: 0.5, containment: 0.8 }).paragraphs).toMatchObject({ shared: 2, edited: 1, added: 0, dropped: 0 });
    // A paragraph wholly dropped and one wholly added count as such.
    const d = paragraphs(['Title of the story', lede, sentence(30, 700).replace(/^w/, 'W')]);
    expect(editSummary(a, d, { threshold: 0.5, containment: 0.8 }).paragraphs).toMatchObject({ shared: 2, edited: 0, added: 1, dropped: 1 });
  });
});

describe('edit kinds of a comparison', () => {
  it('calls a sentence deleted in one place and inserted word for word in another moved, not dropped and added (found by a new user)', () => {
    const sentences = [sentence(12), sentence(12, 100), sentence(12, 200)].map((s) => s.replace(/^w/, 'W'));
    const a = paragraphs(['Title of the story', sentences.join(' ')]);
    const b = paragraphs(['Title of the story', [sentences[1], sentences[2], sentences[0]].join(' ')]);
    const summary = editSummary(a, b, { threshold: 0.5, containment: 0.8 });
    const kinds = summary.edits.map((e) => e.kind);
    // Every word kept, only moved (it said 98%).
    expect(summary.coverage).toBe(1);
    expect(kinds).toContain('sentence-moved');
    expect(kinds).not.toContain('sentence-dropped');
    expect(kinds).not.toContain('sentence-added');
  });

  it('calls a sentence moved to another paragraph moved too, and keeps its words (it read "sentence dropped, sentence added", 96%; found by a new user)', () => {
    const [s1, s2, s3, s4] = [sentence(12), sentence(12, 100), sentence(12, 200), sentence(12, 300)].map((s) => s.replace(/^w/, 'W'));
    const lede = sentence(14, 500).replace(/^w/, 'W');
    const a = paragraphs(['Title of the story', lede, `${s1} ${s2}`, `${s3} ${s4}`]);
    const b = paragraphs(['Title of the story', lede, s2!, `${s3} ${s4} ${s1}`]);
    const summary = editSummary(a, b, { threshold: 0.5, containment: 0.8 });
    const kinds = summary.edits.map((e) => e.kind);
    expect(summary.coverage).toBe(1);
    expect(summary.reused).toBe(1);
    expect(kinds).toEqual(['sentence-moved']);
    // A sentence dropped from one paragraph and another added elsewhere stay dropped and added.
    const other = sentence(12, 400).replace(/^w/, 'W');
    const changed = editSummary(a, paragraphs(['Title of the story', lede, s2!, `${s3} ${s4} ${other}`]), { threshold: 0.5, containment: 0.8 });
    expect(changed.edits.map((e) => e.kind).sort()).toEqual(['sentence-added', 'sentence-dropped']);
    expect(changed.coverage).toBeLessThan(1);
  });

  it('calls a one-sentence paragraph moved into another paragraph moved, and keeps its words (it was a dropped paragraph and "sentence added"; review)', () => {
    const [s1, s2, s3, s4, s5] = [sentence(12), sentence(12, 100), sentence(12, 200), sentence(12, 300), sentence(12, 400)].map((s) => s.replace(/^w/, 'W'));
    const lede = sentence(14, 500).replace(/^w/, 'W');
    const a = paragraphs(['Title of the story', lede, s1!, `${s2} ${s3}`, `${s4} ${s5}`]);
    const b = paragraphs(['Title of the story', lede, `${s2} ${s3}`, `${s4} ${s5} ${s1}`]);
    const summary = editSummary(a, b, { threshold: 0.5, containment: 0.8 });
    expect(summary.edits.map((e) => e.kind)).toEqual(['sentence-moved']);
    expect(summary.coverage).toBe(1);
    expect(summary.reused).toBe(1);
    expect(summary.paragraphs.dropped).toBe(1);
  });

  it('finds a sentence moved to another paragraph whose dashes became commas (review: a count of spaced words missed it)', () => {
    const [s2, s3, s4] = [sentence(12, 100), sentence(12, 200), sentence(12, 300)].map((s) => s.replace(/^w/, 'W'));
    const lede = sentence(14, 500).replace(/^w/, 'W');
    const dashes = 'The minister — who resigned on Monday — said the budget was over.';
    const commas = 'The minister, who resigned on Monday, said the budget was over.';
    const a = paragraphs(['Title of the story', lede, `${dashes} ${s2}`, `${s3} ${s4}`]);
    const b = paragraphs(['Title of the story', lede, s2!, `${s3} ${s4} ${commas}`]);
    const summary = editSummary(a, b, { threshold: 0.5, containment: 0.8 });
    expect(summary.edits.map((e) => e.kind)).toEqual(['sentence-moved']);
    expect(summary.coverage).toBe(1);
  });

  it('reads sentences of Chinese and Japanese by their own full stops: one moved inside a paragraph is moved (review)', () => {
    const zh = ['北京市政府周一宣布将在明年春天开始修建新的地铁线路。', '这条线路全长三十公里共设有十八个车站。', '市民可以在网上查看详细的施工计划和时间表。'];
    const a = paragraphs(['地铁新线路', zh.join('')]);
    const b = paragraphs(['地铁新线路', [zh[1], zh[2], zh[0]].join('')]);
    const summary = editSummary(a, b, { threshold: 0.5, containment: 0.8 });
    expect(summary.edits.map((e) => e.kind)).toContain('sentence-moved');
    expect(summary.edits.map((e) => e.kind)).not.toContain('sentence-added');
  });

  it('finds a quote added in German, French or Chinese quotation marks (only English ones counted; found by a new user)', () => {
    const body = [sentence(14), sentence(14, 100), sentence(14, 200)].map((s) => s.replace(/^w/, 'W'));
    const a = paragraphs(['Title of the story', ...body]);
    for (const quote of ['„Das ist ein wichtiger Tag für die Stadt“, sagte die Bürgermeisterin am Montag.', '« C’est une journée importante pour la ville », a déclaré la maire lundi.', '「这是城市重要的一天」，市长周一表示。']) {
      const kinds = editSummary(a, paragraphs(['Title of the story', ...body, quote]), { threshold: 0.5, containment: 0.8 }).edits.map((e) => e.kind);
      expect(kinds, quote).toContain('quote-added');
    }
    const plain = editSummary(a, paragraphs(['Title of the story', ...body, 'The council will meet again on Thursday to vote on the plan.']), { threshold: 0.5, containment: 0.8 });
    expect(plain.edits.map((e) => e.kind)).not.toContain('quote-added');
  });
});

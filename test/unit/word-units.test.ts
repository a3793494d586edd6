/** countUnits counts what unitsOf cuts, on spaced and unspaced scripts alike (the JSON report's `equal` counts depend on it). */
import { describe, expect, it } from 'vitest';
import { countUnits, unitsOf, withOriginalWords, wordDiff } from '../../src/core/align/worddiff.js';

const TEXTS = [
  '',
  '   ',
  'American and South Korean officials said Wednesday',
  '“What exactly they’re doing — left to be seen,” Austin said.',
  'Zürich Ärzte: naïve café façade',
  '北京 今天 下雨了 and the rain in Tokyo 東京では雨',
  'ภาษาไทย ไม่มีช่องว่าง between words',
  'tabs\tand\nnewlines  and  double spaces',
];

describe('countUnits', () => {
  it.each(TEXTS)('equals the number of units unitsOf finds: %j', (text) => {
    expect(countUnits(text)).toBe(unitsOf(text).length);
  });

  it('counts the unchanged words of a diff as the diff cut them', () => {
    const ops = wordDiff('North Korea sent troops 北京 to Russia', 'North Korea has sent troops 北京 to Russia');
    const equal = ops.filter((op) => op.op === 'equal');
    expect(equal.map((op) => countUnits(op.text))).toEqual(equal.map((op) => unitsOf(op.text).length));
    expect(equal.reduce((sum, op) => sum + countUnits(op.text), 0)).toBe(8); // 北京 is two units
  });
});

describe('withOriginalWords (the HTML side-by-side view: each side in its own words)', () => {
  it("gives an unchanged run the original's words where they differ, on spaced and unspaced scripts", () => {
    const from = 'the Russian Army said, “no.”';
    const to = 'the Russian army said, "no." Then it left.';
    const ops = withOriginalWords(wordDiff(from, to), from);
    expect(ops.filter((op) => op.op !== 'insert').map((op) => op.from ?? op.text).join(' ')).toBe(from);
    expect(ops.filter((op) => op.op !== 'delete').map((op) => op.text).join(' ')).toBe(to);
    const zh = ['北京今天下雨了', '北京今天下雪了'];
    const zhOps = withOriginalWords(wordDiff(zh[0]!, zh[1]!), zh[0]!);
    expect(zhOps.filter((op) => op.op !== 'insert').map((op) => op.from ?? op.text).join('')).toBe(zh[0]);
    expect(withOriginalWords([], '')).toEqual([]);
  });

  it('leaves operations that do not walk the original word for word as they are (review: a long paragraph\'s unchanged piece in the copy\'s words)', () => {
    // "well known" is two words where the original has one ("well-known"): counting the copy's words would shift every later run.
    const ops = [
      { op: 'equal' as const, text: 'a well known fact' },
      { op: 'delete' as const, text: 'here' },
      { op: 'equal' as const, text: 'and more words' },
    ];
    expect(withOriginalWords(ops, 'a well-known fact here and more words')).toEqual(ops);
    // Fewer words in the original than the operations walk: left as they are too.
    expect(withOriginalWords([{ op: 'equal', text: 'one two three' }], 'one two')).toEqual([{ op: 'equal', text: 'one two three' }]);
  });
});

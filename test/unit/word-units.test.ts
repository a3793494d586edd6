/** countUnits counts what unitsOf cuts, on spaced and unspaced scripts alike (the JSON report's `equal` counts depend on it). */
import { describe, expect, it } from 'vitest';
import { countUnits, unitsOf, wordDiff } from '../../src/core/align/worddiff.js';

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

/**
 * The one-pass sentence cutter (core/text/normalize.ts, sentenceCutsInto) against what it
 * replaces: cutting a paragraph at SENTENCE_BREAK (text/segment.ts) and tokenising each piece.
 * Passage alignment's units are made from these cuts, so any difference would change which
 * reworded paragraphs are found.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { random as seeded } from '../helpers/articles.js';
import { SentenceCuts, sentenceCutsInto, TokenBuffer, tokenizeInto } from '../../src/core/text/normalize.js';
import { SENTENCE_BREAK } from '../../src/core/text/segment.js';

/** Token counts at each piece's end and each token's digit flag, by the regular expression; null for text the one-pass tokenizer does not read. */
function byPattern(text: string): { ends: number[]; digits: number[] } | null {
  const buffer = new TokenBuffer();
  const ends: number[] = [];
  const digits: number[] = [];
  let start = 0;
  let total = 0;
  const piece = (end: number): boolean => {
    if (!tokenizeInto(text.slice(start, end), buffer)) return false;
    let from = 0;
    for (let k = 0; k < buffer.count; k++) {
      let all = true;
      for (let c = from; c < buffer.ends[k]!; c++) all &&= buffer.chars[c]! >= 48 && buffer.chars[c]! <= 57;
      digits.push(all ? 1 : 0);
      from = buffer.ends[k]!;
    }
    total += buffer.count;
    ends.push(total);
    return true;
  };
  SENTENCE_BREAK.lastIndex = 0;
  for (let m = SENTENCE_BREAK.exec(text); m !== null; m = SENTENCE_BREAK.exec(text)) {
    const next = m.index + m[0].length;
    if (next >= text.length) break;
    if (!piece(next)) return null;
    start = next;
  }
  return piece(text.length) ? { ends, digits } : null;
}

function byOnePass(text: string): { ends: number[]; digits: number[] } | null {
  const cuts = new SentenceCuts();
  if (!sentenceCutsInto(text, cuts)) return null;
  return { ends: [...cuts.cuts, cuts.count], digits: Array.from(cuts.digits.subarray(0, cuts.count)) };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : name.endsWith('.txt') ? [full] : [];
  });
}


// Every character class the two must agree on: letters either case, digits, joiners, the
// sentence ends, closing quotes and brackets, whitespace of several kinds.
const PIECES = ['a', 'word', 'Next', 'x', 'Z', '7', '2024', '3.5', '10,000', "don't", 'U.S.', ' ', ' ', ' ', '  ', '\n', '\t', '\u00a0', '\u2003', '.', '.', '!', '?', '\u2026', '"', "'", '\u201d', '\u2019', '\u2018', '\u00bb', ')', ']', ',', '-', ':', '\u2014'];

describe('sentence cuts in one pass', () => {
  it('cut every paragraph of the fixtures where the pattern cuts it', () => {
    let compared = 0;
    for (const file of filesUnder(path.resolve('fixtures'))) {
      for (const paragraph of readFileSync(file, 'utf8').split(/\n\s*\n/)) {
        const expected = byPattern(paragraph);
        if (expected === null) continue;
        expect(byOnePass(paragraph), `${file}: ${paragraph.slice(0, 60)}`).toEqual(expected);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('cut generated text where the pattern cuts it', () => {
    const random = seeded(20261130);
    for (let n = 0; n < 5000; n++) {
      const length = 1 + Math.floor(random() * 40);
      let text = '';
      for (let k = 0; k < length; k++) text += PIECES[Math.floor(random() * PIECES.length)];
      expect(byOnePass(text), JSON.stringify(text)).toEqual(byPattern(text));
    }
  });

  it('keep a break followed by a lower-case letter only after two spaces, and none at the very end', () => {
    expect(byOnePass('It rained. then it stopped.')!.ends).toEqual([5]);
    expect(byOnePass('It rained.  then it stopped.')!.ends).toEqual([2, 5]);
    expect(byOnePass('It rained. Then it stopped. ')!.ends).toEqual([2, 5]);
    expect(byOnePass('"It rained." Then 2 stopped.')!.digits).toEqual([0, 0, 0, 1, 0]);
  });

  it('leave text outside the one-pass tokenizer to the pattern', () => {
    expect(byOnePass('Café au lait. Next')).toBeNull();
  });
});

/**
 * render/text.ts: preview reads only as much of a long text as it shows (its previews must be
 * those of collapsing and escaping the whole text first, whatever the widths and the text), and
 * a repeated text's lines are named once each.
 */
import { describe, expect, it } from 'vitest';
import { cutEnd, visibleWidth } from '../../src/render/fit.js';
import { percent, preview, printable, repeatLines } from '../../src/render/text.js';
import { PAGE_SCRIPT } from '../../src/render/html-page.js';

/**
 * The preview by its definition: the whole text collapsed and escaped, then cut to the width in
 * columns, an escape the cut fell inside left out whole.
 */
function wholePreview(text: string, width: number): string {
  const flat = printable(text.replace(/\s+/g, ' ').trim());
  if (width <= 1) return flat.length > 0 ? '…' : '';
  if (visibleWidth(flat) <= width) return flat;
  const cut = cutEnd(flat, width);
  const end = cut.length - 1;
  const inside = [...flat.matchAll(/\\(?:x[0-9a-f]{2}|u\{[0-9a-f]+\}|[nrt])/g)].find((m) => m.index < end && m.index + m[0].length > end);
  return inside ? `${flat.slice(0, inside.index).trimEnd()}…` : cut;
}

/** A text of words, runs of spaces, newlines, tabs, control characters and astral characters, from a seed. */
function randomText(seed: number, length: number): string {
  const pieces = ['word', ' ', '   ', '\n', '\t \n  ', '\u001b', 'é', '😀', '\u2028', 'x', '.', '                                                                      '];
  let state = seed;
  let out = '';
  while (out.length < length) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out += pieces[state % pieces.length]!;
  }
  return out;
}

describe('preview', () => {
  it('cuts a long paragraph to the width with an ellipsis, its spacing collapsed', () => {
    const text = `  The   council\n\tvoted ${'on and on '.repeat(500)}`;
    expect(preview(text, 20)).toBe('The council voted o…');
    expect(preview('Short  text. ', 20)).toBe('Short text.');
  });

  it('gives the preview of the whole text collapsed first, for texts of every shape and widths from 0 to 200', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const text = randomText(seed, seed * 7);
      for (const width of [0, 1, 2, 5, 20, 60, 61, 119, 200]) expect(preview(text, width), `seed ${seed}, width ${width}`).toBe(wholePreview(text, width));
    }
  });

  it('counts columns: a Chinese character takes two (a pipe\'s previews of Chinese ran past 100 columns; found by a new user)', () => {
    const text = '国务院总理今天主持召开国务院常务会议，部署进一步推动经济持续回升向好的政策措施。'.repeat(4);
    expect(preview(text, 20)).toBe('国务院总理今天主持…');
    expect(visibleWidth(preview(text, 100))).toBeLessThanOrEqual(100);
    expect(preview('Ein „Test“ über Straßen', 30)).toBe('Ein „Test“ über Straßen');
  });

  it('never ends inside an escape: "RTL \\u{20…" read as text (found by a new user)', () => {
    const text = 'words and RTL \u202e text, a bell \u0007 and more words follow here';
    for (let width = 2; width <= 60; width++) {
      const shown = preview(text, width);
      expect(shown, `width ${width}`).not.toMatch(/\\(x[0-9a-f]?|u(\{[0-9a-f]*)?)?…$/);
      expect(shown.length, `width ${width}`).toBeLessThanOrEqual(width);
    }
    expect(preview(text, 21)).toBe('words and RTL…');
    expect(preview(text, 24)).toBe('words and RTL \\u{202e}…');
  });

  it('reads past a long run of whitespace or a short start to fill the width', () => {
    const text = `a${' '.repeat(10_000)}b${'\n'.repeat(5_000)} the rest of the paragraph`;
    expect(preview(text, 12)).toBe(wholePreview(text, 12));
    expect(preview(text, 12)).toBe('a b the res…');
  });
});

describe('repeatLines', () => {
  it('names each line once, with how often the text is on it', () => {
    expect(repeatLines([1, 7])).toBe('lines 1, 7');
    expect(repeatLines([1, 1, 1, 1])).toBe('line 1 (4 times)');
    expect(repeatLines([3, 3, 9])).toBe('lines 3 (2 times), 9');
  });
});

describe('percent', () => {
  it('cuts down, never rounds up: 80% means at least 80% (a check passed a document shown 80% reused at 79.8%), 100% all of it; never 0% above nothing', () => {
    const shares = [0, 0.0001, 0.004, 0.005, 0.0099, 0.29, 0.5, 0.798, 0.8, 0.994, 0.999, 0.9999, 1];
    expect(shares.map(percent)).toEqual(['0%', '0.1%', '0.4%', '0.5%', '0.9%', '29%', '50%', '79%', '80%', '99%', '99%', '99%', '100%']);
  });
});

describe("the HTML page's pct", () => {
  it('writes every share as percent does (the page has its own copy of it, in its script)', () => {
    const source = /function pct\(share\) \{[\s\S]*?\n {2}\}/.exec(PAGE_SCRIPT)?.[0];
    expect(source).toBeDefined();
    const pct = new Function(`${source!}; return pct;`)() as (share: number) => string;
    for (let k = 0; k <= 10_000; k++) expect(pct(k / 10_000), String(k)).toBe(percent(k / 10_000));
    expect(pct(null as never)).toBe('');
  });
});

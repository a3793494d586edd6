/** Fitting lines to a terminal (render/fit.ts): widths through colour codes, cutting and wrapping. */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { cutEnd, cutStart, fitLines, visibleWidth, wrap } from '../../src/render/fit.js';
import { printable } from '../../src/render/text.js';

const chalk = new Chalk({ level: 1 });
const strip = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, '');

/** Whether every colour opened on the line is closed on it (what a wrapped or cut line must do). */
function balanced(line: string): boolean {
  const open = new Set<string>();
  for (const [, code] of line.matchAll(/\u001b\[(\d+)m/g)) {
    const n = Number(code);
    if (n === 0) open.clear();
    else if (n === 39) {
      for (const c of [...open]) if (/^(3[0-7]|9[0-7])$/.test(c)) open.delete(c);
    } else if (n === 22) {
      open.delete('1');
      open.delete('2');
    } else if (n >= 23 && n <= 29) open.delete(String(n - 20));
    else open.add(String(n));
  }
  return open.size === 0;
}

const SAMPLES = [
  'American and South Korean officials said Wednesday that there’s evidence North Korea has sent troops to Russia',
  `  from 002_b644d28894aa6977.txt:1: ${chalk.red.strikethrough('KYIV, Ukraine (AP) — US')} ${chalk.green.underline('American and several more inserted words here')} and South Korean officials said Wednesday …`,
  `${chalk.bold('fixtures/seeds/000_2c77c33462164435.txt')}  ${chalk.dim('group 1, 2 stories, 45 paragraphs, 63% reused, line layout')}`,
  '东京新闻报道说，北朝鲜已经向俄罗斯派遣了军队 and then some English words after it',
  'averyveryveryverylongwordwithoutanyspacesatallthatmustbebrokenwhereverthelineends and more',
];

describe('visibleWidth', () => {
  it('leaves colour codes out and counts wide characters twice, combining marks not at all', () => {
    expect(visibleWidth(chalk.red('abc'))).toBe(3);
    expect(visibleWidth('東京')).toBe(4);
    expect(visibleWidth('e\u0301')).toBe(1);
    expect(visibleWidth('—’…')).toBe(3);
  });
});

describe('wrap', () => {
  it.each([12, 20, 33, 40, 60])('at %i columns: no line wider, colours closed on each line, no word lost', (width) => {
    for (const sample of SAMPLES) {
      const lines = wrap(sample, width, 4);
      for (const line of lines) {
        expect(visibleWidth(line), line).toBeLessThanOrEqual(width);
        expect(balanced(line), JSON.stringify(line)).toBe(true);
      }
      for (const line of lines.slice(1)) expect(line.startsWith('    ')).toBe(true);
      // Rejoined, the characters are the sample's: only spaces go where a line breaks.
      expect(lines.map(strip).join('').replace(/\s/g, '')).toBe(strip(sample).replace(/\s/g, ''));
    }
  });

  it('keeps a line that fits as it is, and the leading spaces of the first line', () => {
    expect(wrap('  short line', 40)).toEqual(['  short line']);
    expect(wrap('  -- story 1, lines 1-30: group 1, 100% reused', 20, 5)).toEqual(['  -- story 1, lines', '     1-30: group 1,', '     100% reused']);
  });
});

describe('cutEnd and cutStart', () => {
  it('cut to the width with an ellipsis, colours closed', () => {
    for (const sample of SAMPLES) {
      for (const width of [1, 10, 25, 50]) {
        const cut = cutEnd(sample, width);
        expect(visibleWidth(cut)).toBeLessThanOrEqual(width);
        expect(balanced(cut)).toBe(true);
      }
    }
    expect(cutEnd('short', 10)).toBe('short');
    expect(cutEnd('a long line of words', 10)).toBe('a long li…');
    expect(cutStart('fixtures/seeds/000_2c77c33462164435.txt', 20)).toBe('…c77c33462164435.txt');
    expect(visibleWidth(cutStart('fixtures/seeds/000_2c77c33462164435.txt', 20))).toBe(20);
    expect(cutStart('東京東京東京.txt', 7)).toBe('…京.txt');
  });

  it('cutStart keeps or drops an escape of printable() whole, never a part of it (review)', () => {
    const path = printable('news/a\u0007b\u202estory.txt');
    expect(path).toBe('news/a\\x07b\\u{202e}story.txt');
    expect(cutStart(path, 10)).toBe('…story.txt');
    // Room for part of "\u{202e}" only: it is left out, not cut to "2e}".
    expect(cutStart(path, 12)).toBe('…story.txt');
    expect(cutStart(path, 18)).toBe('…\\u{202e}story.txt');
    expect(cutStart(path, 19)).toBe('…b\\u{202e}story.txt');
    expect(cutStart(path, 21)).toBe('…b\\u{202e}story.txt');
    expect(cutStart(path, 23)).toBe('…\\x07b\\u{202e}story.txt');
    expect(cutStart(path, 24)).toBe('…a\\x07b\\u{202e}story.txt');
  });

  it('fitLines cuts only the lines that are too wide', () => {
    expect(fitLines('ok\na line that is far too wide\nok', 10)).toBe('ok\na line th…\nok');
  });
});

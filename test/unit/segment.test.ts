import { describe, expect, it } from 'vitest';
import { detectLayout, segment, splitLines } from '../../src/core/text/segment.js';

const spans = (text: string, mode?: 'auto' | 'line' | 'block') =>
  segment(text, mode).segments.map((s) => [s.startLine, s.endLine]);

describe('segmenter', () => {
  it('one paragraph per line when lines end at sentence ends (scraped web layout)', () => {
    const text = 'Headline here\n\nFirst paragraph ends here.\nSecond paragraph ends here.\nA question?\n“A quote.”\n';
    expect(segment(text).layout).toBe('line');
    expect(spans(text)).toEqual([[1, 1], [3, 3], [4, 4], [5, 5], [6, 6]]);
  });

  it('blank lines always separate, whatever the layout', () => {
    expect(spans('a b c\n\n\n d e f \n', 'block')).toEqual([[1, 1], [4, 4]]);
    expect(spans('a b c\n   \nd e f\n', 'line')).toEqual([[1, 1], [3, 3]]);
  });

  it('joins hard-wrapped lines broken mid-sentence', () => {
    const text = [
      'The council voted on Tuesday to close the old harbour bridge for',
      'eighteen months while engineers replace its corroded steel supports,',
      'officials said on Tuesday evening after a long and heated meeting.',
      '',
      'The bridge carries about 12,000 vehicles a day, and the closure will',
      'add up to forty minutes to the journeys of many commuters on the',
      'eastern side of the harbour, the council said in its statement.',
    ].join('\n');
    const result = segment(text);
    expect(result.layout).toBe('block');
    expect(spans(text)).toEqual([[1, 3], [5, 7]]);
    expect(result.segments[0]!.text.split('\n')).toHaveLength(3);
  });

  it('starts a paragraph at an indented line inside a wrapped block (Reuters)', () => {
    const text = [
      'Showers continued throughout the week in the Bahia cocoa zone,',
      'alleviating the drought since early January, the review said.',
      '    The dry period means the temporao will be late this year and',
      'arrivals for the week were lower than a year ago, it added.',
    ].join('\n');
    expect(spans(text)).toEqual([[1, 2], [3, 4]]);
  });

  it('ends a paragraph at a short sentence-final line inside a wrapped block', () => {
    const text = [
      'The first paragraph of this wrapped text runs on over several lines',
      'and it ends here.',
      'The second paragraph starts on the next line without any blank line',
      'or indent between them, as in some plain-text exports of the wire.',
    ].join('\n');
    expect(spans(text, 'block')).toEqual([[1, 2], [3, 4]]);
  });

  it('detects the layout per file from lines that continue a block', () => {
    expect(detectLayout(['One.', 'Two.', 'Three.'])).toBe('line');
    expect(detectLayout(['one two', 'three four', 'five.'])).toBe('block');
    expect(detectLayout(['only', '', 'single', '', 'lines'])).toBe('line');
    // Chrome is no evidence of wrapping: an article of blank-line paragraphs with the comment
    // form's lines under it stays one paragraph per line (found by a new user).
    const article = ['The council met on Monday evening to discuss the plans for the new ferry terminal.', '', 'It would open next year, the mayor said after the meeting.'];
    expect(detectLayout([...article, '', 'Leave a Reply', 'Your email address will not be published.'])).toBe('line');
  });

  it('keeps a line of chrome apart in a hard-wrapped file: the comment form and a copyright line under the article are not one paragraph (found by a new user)', () => {
    const text = [
      'The council met on Monday evening to discuss the plans for the',
      'new ferry terminal, which would open next year if the budget is',
      'approved by the regional assembly in the spring.',
      '',
      'Leave a Reply',
      'Your email address will not be published. Required fields are marked *',
      'Copyright 2024 Valley Courier. All rights reserved.',
    ].join('\n');
    const { layout, segments } = segment(text);
    expect(layout).toBe('block');
    expect(segments.map((s) => s.text).slice(-3)).toEqual(['Leave a Reply', 'Your email address will not be published. Required fields are marked *', 'Copyright 2024 Valley Courier. All rights reserved.']);
  });

  it('splits on LF, CRLF and CR, and does not count a final newline as a line', () => {
    expect(splitLines('a\r\nb\rc\nd')).toEqual(['a', 'b', 'c', 'd']);
    expect(segment('a.\nb.\n').lineCount).toBe(2);
    expect(segment('').segments).toEqual([]);
  });
});

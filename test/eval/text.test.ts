/** Converting corpus bytes and mapping the report's paragraphs back to character offsets. */
import { describe, expect, it } from 'vitest';
import { scanDocuments } from '../../src/core/index.js';
import { codePointMap } from '../../src/eval/pan.js';
import { cleanControls, coveredLength, decodeEntities, decodeText, TextIndex, unionLength, whitespaceNormalized } from '../../src/eval/text.js';

describe('converter text', () => {
  it('replaces NUL and other control characters one for one, so offsets stay put', () => {
    const original = 'Alpha\u0000beta\u0019s\tgamma\r\ndelta\u007f.';
    const cleaned = cleanControls(original);
    expect(cleaned).toBe('Alpha beta s\tgamma\r\ndelta .');
    expect(cleaned.length).toBe(original.length);
    expect(cleaned.indexOf('gamma')).toBe(original.indexOf('gamma'));
  });

  it('reads UTF-8, and Windows-1252 when the bytes are not UTF-8 (BBC sport/199.txt has a bare 0xA3)', () => {
    expect(decodeText(Buffer.from('\ufeffcafé £5', 'utf8'))).toEqual({ text: 'café £5', encoding: 'utf-8' });
    expect(decodeText(Buffer.from([0x6f, 0x6e, 0x6c, 0x79, 0x20, 0xa3, 0x35]))).toEqual({ text: 'only £5', encoding: 'windows-1252' });
  });

  it('decodes SGML/XML entities, numeric ones included', () => {
    expect(decodeEntities('a &lt;b&gt; &amp; &#3;end &#x41;')).toBe('a <b> & \u0003end A');
  });

  it('maps code point offsets to UTF-16 offsets only when the text needs it', () => {
    expect(codePointMap('plain text')).toBeNull();
    const map = codePointMap('a\u{1F600}bc')!;
    expect(map(2)).toBe(3); // 'b' is code point 2, UTF-16 unit 3
  });

  it('measures interval unions and coverage', () => {
    expect(unionLength([[0, 10], [5, 15], [20, 25]])).toBe(20);
    expect(unionLength([])).toBe(0);
    expect(coveredLength([0, 100], [[50, 80], [70, 150]])).toBe(50);
    expect(whitespaceNormalized('  a \n b\t')).toBe('a b');
  });
});

describe('TextIndex: paragraphs of a report back to character spans', () => {
  it('finds each paragraph, including several on one line and indented or trailing-space lines', async () => {
    const long = Array.from({ length: 30 }, (_, i) => `Sentence number ${i} of a paragraph that has no breaks.`).join(' ');
    const text = `Title line  \n\n    Indented first line of a block\nthat wraps here.\n\n${long}\n`;
    const report = await scanDocuments([{ id: 'a', text }]);
    const segments = report.documents[0]!.segments;
    const spans = new TextIndex(text).spans(segments);
    expect(spans).toHaveLength(segments.length);
    segments.forEach((seg, i) => {
      const [start, end] = spans[i]!;
      expect(whitespaceNormalized(text.slice(start, end))).toBe(whitespaceNormalized(seg.text));
      if (i > 0) expect(start).toBeGreaterThanOrEqual(spans[i - 1]![1]);
    });
    expect(text.slice(spans[0]![0], spans[0]![1])).toBe('Title line');
  });

  it("spans a paragraph whose HTML references the report shows decoded (PAN's scraped pages hold them)", async () => {
    const text = 'Intro&nbsp;line\n\nBooz-Allen &amp; Hamilton said caf&#233; prices rose &#150; again.\n';
    const report = await scanDocuments([{ id: 'a', text }]);
    const segments = report.documents[0]!.segments;
    expect(segments.map((seg) => seg.text)).toEqual(['Intro\u00a0line', 'Booz-Allen & Hamilton said café prices rose – again.']);
    const spans = new TextIndex(text).spans(segments);
    expect(spans.map(([start, end]) => text.slice(start, end))).toEqual(['Intro&nbsp;line', 'Booz-Allen &amp; Hamilton said caf&#233; prices rose &#150; again.']);
  });

  it('fails loudly when a paragraph is not in the text', () => {
    expect(() => new TextIndex('one\ntwo\n').spans([{ startLine: 2, text: 'three' }])).toThrow(/not found/);
  });
});

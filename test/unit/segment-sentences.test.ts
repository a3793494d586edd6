/** Long paragraphs (text without paragraph breaks) are cut into sentences; news paragraphs are not. */
import { describe, expect, it } from 'vitest';
import { LONG_PARAGRAPH_CHARS, MIN_PIECE_CHARS, segment, sentencePieces } from '../../src/core/text/segment.js';

const sentence = (i: number) => `The council said on Tuesday that item number ${i} of the plan would be delayed again.`;

describe('cutting long paragraphs into sentences', () => {
  it('leaves a paragraph of news length whole', () => {
    const paragraph = [1, 2, 3].map(sentence).join(' ');
    expect(paragraph.length).toBeLessThanOrEqual(LONG_PARAGRAPH_CHARS);
    expect(sentencePieces(paragraph)).toEqual([[0, paragraph.length]]);
  });

  it('cuts a long line into its sentences, all on that line, covering the text', () => {
    const line = Array.from({ length: 12 }, (_, i) => sentence(i)).join(' ');
    expect(line.length).toBeGreaterThan(LONG_PARAGRAPH_CHARS);
    const { segments } = segment(`Headline\n\n${line}\n`);
    expect(segments).toHaveLength(13);
    expect(segments.slice(1).every((s) => s.startLine === 3 && s.endLine === 3)).toBe(true);
    expect(segments.slice(1).map((s) => s.text)).toEqual(Array.from({ length: 12 }, (_, i) => sentence(i)));
    expect(segments.map((s) => s.index)).toEqual([...segments.keys()]);
  });

  it('does not cut after an abbreviation followed by a lower-case word, nor inside numbers', () => {
    const text = `${'A filler sentence that is long enough to stand alone. '.repeat(12)}The U.S. officials said 3.5 million people voted. Then it ended.`;
    const pieces = sentencePieces(text).map(([a, b]) => text.slice(a, b));
    expect(pieces).toContain('The U.S. officials said 3.5 million people voted.');
  });

  it('joins sentences shorter than MIN_PIECE_CHARS to the next one', () => {
    const text = `${sentence(0)} Fact: ${'x'.repeat(LONG_PARAGRAPH_CHARS)} ends. ${sentence(1)}`;
    const pieces = sentencePieces(text).map(([a, b]) => text.slice(a, b));
    expect('Fact:'.length).toBeLessThan(MIN_PIECE_CHARS);
    expect(pieces[1]).toMatch(/^Fact: x+ ends\.$/);
    expect(pieces).toHaveLength(3);
  });

  it('cuts Urdu text at the Urdu full stop, with or without a space after it', () => {
    const clause = 'بنگلہ دیش نے زمبابوے کو ٹیسٹ کے بعد ون ڈے سیریز میں بھی وائٹ واش کر دیا';
    const text = Array.from({ length: 12 }, () => clause).join('۔') + '۔';
    const pieces = sentencePieces(text).map(([a, b]) => text.slice(a, b));
    expect(pieces).toHaveLength(12);
    expect(pieces.every((p) => p === `${clause}۔`)).toBe(true);
  });

  it('gives a piece of a hard-wrapped paragraph the lines it lies on', () => {
    const words = Array.from({ length: 14 }, (_, i) => sentence(i)).join(' ').split(' ');
    const lines: string[] = [];
    for (let i = 0; i < words.length; i += 10) lines.push(words.slice(i, i + 10).join(' '));
    const result = segment(lines.join('\n'), 'block');
    expect(result.segments.length).toBe(14);
    for (const seg of result.segments) {
      const covered = lines.slice(seg.startLine - 1, seg.endLine).join('\n');
      expect(covered).toContain(seg.text);
      // The piece starts on its first line and ends on its last.
      const pieceLines = seg.text.split('\n');
      expect(pieceLines).toHaveLength(seg.endLine - seg.startLine + 1);
      expect(lines[seg.startLine - 1]).toContain(pieceLines[0]);
      expect(lines[seg.endLine - 1]).toContain(pieceLines.at(-1));
    }
    expect(result.segments[0]!.startLine).toBe(1);
    expect(result.segments.at(-1)!.endLine).toBe(lines.length);
  });
});

/**
 * HTML character references a scraper left undecoded (core/text/entities.ts): decoded as a
 * browser would show them, and nothing else touched.
 */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/core/index.js';
import { characterReferenceAt, decodeCharacterReferences } from '../../src/core/text/entities.js';

describe('decodeCharacterReferences', () => {
  it('decodes numeric references, decimal and hexadecimal', () => {
    expect(decodeCharacterReferences('don&#8217;t, Jos&#233; and Jos&#xE9; and Jos&#XE9;')).toBe('don’t, José and José and José');
  });

  it('reads 128-159 as Windows-1252, as browsers do', () => {
    expect(decodeCharacterReferences('6:00am &#150; 10:00am, &#147;quoted&#148;, &#128;5')).toBe('6:00am – 10:00am, “quoted”, €5');
  });

  it('decodes the named references of news text, case as written', () => {
    expect(decodeCharacterReferences('AT&amp;T &lt;b&gt; &quot;x&quot; &apos; caf&eacute; &Eacute;TA &mdash; &hellip; &euro;5 &yuml;')).toBe(
      'AT&T <b> "x" \' café ÉTA — … €5 ÿ',
    );
    expect(decodeCharacterReferences('a&nbsp;b')).toBe('a\u00a0b');
  });

  it('decodes a reference escaped twice, as a feed that escaped its escaped text writes it', () => {
    expect(decodeCharacterReferences('wasn&amp;#8217;t &amp;amp; &amp;eacute;')).toBe('wasn’t & é');
    // Before a name the table lacks, "&amp;" is the ampersand alone (review).
    expect(decodeCharacterReferences('Marks&amp;Spencer; and S&amp;Ls;')).toBe('Marks&Spencer; and S&Ls;');
    expect(characterReferenceAt('Marks&amp;Spencer;', 5)).toEqual({ decoded: '&', length: 5 });
  });

  it('leaves line breaks, controls, unknown names and bare ampersands as written', () => {
    const text = 'R&D, Q&A; AT&T; a & b; &#10; &#13; &#5; &#129; &#xD800; &#99999999; &bogus; &amp no semicolon';
    expect(decodeCharacterReferences(text)).toBe(text);
  });

  it('leaves a line of spaces alone: a scraped "<p>&nbsp;</p>" spacer would turn blank and widen a gap into a story break', () => {
    expect(decodeCharacterReferences('One.\n\n&nbsp;\n\nTwo&nbsp;words.')).toBe('One.\n\n&nbsp;\n\nTwo\u00a0words.');
  });

  it('returns the very string when there is nothing to decode', () => {
    const text = 'Plain text & nothing else.';
    expect(decodeCharacterReferences(text)).toBe(text);
  });
});

describe('characterReferenceAt', () => {
  it('reads the reference at one place only, with its length in the text', () => {
    const text = 'a &amp;#8217; b &bogus; &eacute;';
    expect(characterReferenceAt(text, 2)).toEqual({ decoded: '’', length: 11 });
    expect(characterReferenceAt(text, 0)).toBeNull();
    expect(characterReferenceAt(text, 16)).toBeNull();
    expect(characterReferenceAt(text, 1)).toBeNull();
    expect(characterReferenceAt(text, 24)).toEqual({ decoded: 'é', length: 8 });
  });
});

describe('tokens of decoded text', () => {
  it('are the tokens of the same text written with the characters', () => {
    const written = 'The union’s leader, José Muñoz, said “we don’t” — AT&T.';
    const scraped = 'The union&#8217;s leader, Jos&eacute; Mu&ntilde;oz, said &ldquo;we don&amp;#8217;t&rdquo; &mdash; AT&amp;T.';
    expect(tokenize(decodeCharacterReferences(scraped)).tokens).toEqual(tokenize(written).tokens);
    expect(tokenize(scraped).tokens).not.toEqual(tokenize(written).tokens);
  });
});

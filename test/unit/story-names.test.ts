/** text/names.ts: the names a story states, and when two stories state the same ones. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sameNames, storyNames } from '../../src/core/text/names.js';

const paragraphsOf = (file: string): string[] => fs.readFileSync(file, 'utf8').split(/\n\s*\n/);

describe('storyNames', () => {
  it('takes words in title case that do not open a sentence, lower-cased, without a possessive', () => {
    const names = storyNames(['The Shasta County Sheriff\'s Office said. Crews from Cal Fire arrived; "Residents" left.']);
    expect([...names].sort()).toEqual(['cal', 'county', 'fire', 'office', 'shasta', 'sheriff']);
  });

  it('leaves out months and weekdays, all-capital words and a headline in title case', () => {
    const names = storyNames(['Storm Knocks Out Power to Thousands Along Gulf Coast', 'ACME CORP SETS DIVIDEND', 'Qtly div 10 cts, pay April 15, record Tuesday, said Acme Corp.']);
    expect([...names].sort()).toEqual(['acme', 'corp']);
  });

  it('reads a long story only from its start', () => {
    const far = `${'x '.repeat(3000)}Zanzibar Mombasa Nairobi said.`;
    expect(storyNames(['Then Alpha said so.', far]).has('zanzibar')).toBe(false);
    expect(storyNames(['Then Alpha said so.']).has('alpha')).toBe(true);
  });
});

describe('sameNames', () => {
  it('holds for a wire story and its write-through', () => {
    expect(sameNames(storyNames(paragraphsOf('fixtures/write-through/ap.txt')), storyNames(paragraphsOf('fixtures/write-through/ap-writethrough.txt')))).toBe(true);
    expect(sameNames(storyNames(paragraphsOf('fixtures/write-through-figures/ap-wildfire.txt')), storyNames(paragraphsOf('fixtures/write-through-figures/ap-wildfire-update.txt')))).toBe(true);
  });

  it('does not for notices of one template about different issuers, nor for stories naming too little', () => {
    const gecc = storyNames(paragraphsOf('fixtures/template-fixed-line/gecc-eurobond.txt'));
    const hamburgische = storyNames(paragraphsOf('fixtures/template-fixed-line/hamburgische-eurobond.txt'));
    expect(sameNames(gecc, hamburgische)).toBe(false);
    expect(sameNames(gecc, gecc)).toBe(true);
    expect(sameNames(new Set(['acme', 'corp']), new Set(['acme', 'corp']))).toBe(false);
  });
});

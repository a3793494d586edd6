/** text/names.ts: the names a story states, and when two stories state the same ones. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { refutedByNames, sameNames, storyNames } from '../../src/core/text/names.js';

const paragraphsOf = (file: string): string[] => fs.readFileSync(file, 'utf8').split(/\n\s*\n/);

describe('storyNames', () => {
  it('takes words in title case that do not open a sentence, lower-cased, without a possessive', () => {
    const names = storyNames(['The Shasta County Sheriff\'s Office said. "Crews" from Cal Fire arrived.']);
    expect([...names].sort()).toEqual(['cal', 'county', 'fire', 'office', 'shasta', 'sheriff']);
  });

  it("reads acronyms, O'Brien, and names after an abbreviation's full stop, but no function word (a review)", () => {
    const names = storyNames(['Gov. Gavin Newsom met Mr. Sean O\'Brien of the NYSE in Washington. The talks ended.']);
    expect([...names].sort()).toEqual(['gavin', 'newsom', 'nyse', "o'brien", 'sean', 'washington']);
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

describe('refutedByNames', () => {
  it('holds where a pair swaps a name for another, not where it updates figures or adds a name', () => {
    expect(refutedByNames('General Electric Credit Corp is issuing a 75 mln dlr eurobond, lead manager Orion Royal Bank Ltd said.', 'Hamburgische Landesbank Girozentrale is issuing a 50 mln dlr eurobond, lead manager Orion Royal Bank Ltd said.')).toBe(true);
    expect(refutedByNames('More than 900 firefighters battled the blaze late Tuesday, Cal Fire said.', 'More than 1,700 firefighters battled the blaze on Wednesday, Cal Fire said.')).toBe(false);
    expect(refutedByNames('The fire burned 1,400 acres, officials said.', 'The fire burned 3,200 acres, sheriff Carla Mendez said.')).toBe(false);
  });
});

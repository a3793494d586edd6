/**
 * A wire agency's standard notice under a story is boilerplate by its shape (core/text/junk.ts,
 * CMS_SHAPE; fixtures/agency-footer): two unrelated AP stories that both end with "The
 * Associated Press receives financial support ... The AP is solely responsible for all content."
 * were grouped, one a "partial" use of the other (a new user's run).
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/index.js';
import { looksLikeChrome } from '../../src/core/text/junk.js';
import { runJson } from '../helpers/in-process.js';

describe("two unrelated stories ending with the agency's notice", () => {
  it('form no group; the notice is boilerplate in each', async () => {
    const { report } = await runJson<Report>(['fixtures/agency-footer', '--json']);
    expect(report.groups).toEqual([]);
    for (const doc of report.documents) {
      const last = doc.segments[doc.segments.length - 1]!;
      expect(last.text).toMatch(/^The Associated Press receives financial support/);
      expect(last.status).toBe('boilerplate');
      expect(doc.reusedShare).toBe(0);
    }
  });
});

describe("the agencies' notices read as chrome, and sentences about them as text", () => {
  const words = (text: string): number => text.split(/\s+/).length;
  it.each([
    'The Associated Press receives financial support from several private foundations for its coverage of global affairs. The AP is solely responsible for all content.',
    "The Associated Press’ climate and environmental coverage receives financial support from multiple private foundations. AP is solely responsible for all content. Find AP’s standards for working with philanthropies, a list of supporters and funded coverage areas at AP.org.",
    'The AP is solely responsible for all content.',
    'This material may not be published, broadcast, rewritten or redistributed.',
    'Follow AP’s coverage of the war at https://apnews.com/hub/russia-ukraine',
  ])('chrome: %s', (text) => {
    expect(looksLikeChrome(text, words(text))).toBe(true);
  });
  it.each([
    'The Associated Press reported on Tuesday that the council had voted to close the bridge.',
    'Officials said the school receives financial support from the state and from parents.',
  ])('text: %s', (text) => {
    expect(looksLikeChrome(text, words(text))).toBe(false);
  });
});

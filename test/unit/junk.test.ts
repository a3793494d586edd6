/**
 * text/junk.ts: publishing-system chrome recognised on a single page, by its exact words ("Leave
 * a Reply") or by its shape (a copyright line, "Posted in ... | Tagged ...", a newsletter or
 * cookie notice), and never an article sentence that merely mentions copyright or cookies.
 */
import { describe, expect, it } from 'vitest';
import { looksLikeChrome, shareBarButtons } from '../../src/core/text/junk.js';

const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;
const chrome = (text: string): boolean => looksLikeChrome(text, words(text));

describe('shareBarButtons', () => {
  it("marks a share bar's buttons set apart as paragraphs of their own, beside chrome or each other", () => {
    const story = 'The council voted on Tuesday to close the pier for repairs.';
    expect([...shareBarButtons([story, 'Share this:', 'Facebook', 'Twitter', 'WhatsApp', 'Leave a Reply'])]).toEqual([2, 3, 4]);
    expect([...shareBarButtons([story, 'Facebook', 'Twitter'])]).toEqual([1, 2]);
    expect([...shareBarButtons([story, 'Share this:', 'Email'])]).toEqual([2]);
  });

  it('leaves a lone name between article paragraphs alone', () => {
    expect([...shareBarButtons([story(), 'Facebook', story()])]).toEqual([]);
    expect([...shareBarButtons(['Facebook'])]).toEqual([]);
  });
});

function story(): string {
  return 'The council voted on Tuesday to close the pier for repairs.';
}

describe('looksLikeChrome', () => {
  it("reads a share bar's buttons as chrome, two or more and nothing else (fixtures/share-bar)", () => {
    for (const text of ['Facebook\nTwitter', 'Facebook Twitter WhatsApp Email', 'Share on Facebook | Share on X', 'Facebook / Twitter / Email', 'Email Print']) {
      expect(looksLikeChrome(text, words(text)), text).toBe(true);
    }
    for (const text of ['Facebook', 'X', 'Twitter said on Tuesday it would remove the posts.', 'Facebook and Twitter removed the posts.', 'Print and email editions will carry the notice.']) {
      expect(looksLikeChrome(text, words(text)), text).toBe(false);
    }
  });

  it("reads a site's footer lines as chrome", () => {
    expect(chrome('Copyright 2024 Valley Courier Media Group. All rights reserved.')).toBe(true);
    expect(chrome('© 2023 The Daily Example. All Rights Reserved. Reproduction without permission is prohibited.')).toBe(true);
    expect(chrome('All rights reserved.')).toBe(true);
    expect(chrome('Posted in World News | Tagged Korea, Russia, Ukraine')).toBe(true);
    expect(chrome('Click here to subscribe to the Valley Courier daily briefing.')).toBe(true);
    expect(chrome('Sign up for our daily newsletter to get the latest news in your inbox.')).toBe(true);
    expect(chrome('Subscribe to the Morning Briefing newsletter.')).toBe(true);
    expect(chrome('Sign up for our newsletter')).toBe(true);
    expect(chrome('We use cookies to improve your experience on our site. By continuing you agree.')).toBe(true);
    // Links to other stories, a developing story's notice and a station's plug (a new user's runs).
    expect(chrome('Read more: Lobster prices fall as catch rebounds along the coast')).toBe(true);
    expect(chrome('Related: How the islands plan to keep their schools open')).toBe(true);
    expect(chrome('See also: Obesity and bariatrics')).toBe(true);
    expect(chrome('This is a developing story. Check back for updates.')).toBe(true);
    expect(chrome('This is a breaking news update.')).toBe(true);
    expect(chrome('Check back later for updates.')).toBe(true);
    expect(chrome('Stay with Channel 9 for the latest on this developing story. Download our app for alerts.')).toBe(true);
  });

  it('leaves alone article sentences that merely start like those lines', () => {
    expect(chrome('Related charges were filed against two other men on Friday, prosecutors said.')).toBe(false);
    expect(chrome('This is a story about a town that refused to give up, the mayor said.')).toBe(false);
    expect(chrome('Stay with friends if you can, officials told residents of the flooded valley.')).toBe(false);
    expect(chrome('Download speeds in rural areas lag far behind those in cities, the report found.')).toBe(false);
    // Sentences that begin as notices do (review).
    expect(chrome('Download the app and you are asked for your location, researchers found.')).toBe(false);
    expect(chrome('This is a developing story and police are asking the public for help.')).toBe(false);
    expect(chrome('Stay with us for more than a week, the hotel told guests.')).toBe(false);
    expect(chrome('Check back for more than an hour, the guard said.')).toBe(false);
    expect(chrome('Related: the company said its profits fell.')).toBe(false);
  });

  it('leaves article text alone: sentences about copyright or cookies, and long paragraphs', () => {
    expect(chrome('The court ruled that the copyright on the song had expired, and all rights reserved by the estate lapsed.')).toBe(false);
    expect(chrome('Sign up for the draft was mandatory for men over 18, officials said, and the newsletter of the ministry said so.')).toBe(false);
    expect(chrome('We use cookies as an example of how tracking works, the researchers wrote in a report published on Monday that examined more than two hundred popular sites across Europe and North America over a period of eighteen months and found that most of them set cookies before asking.')).toBe(false);
    expect(chrome('Copyright lawyers said the ruling would be appealed.')).toBe(false);
    expect(chrome('')).toBe(false);
  });
});

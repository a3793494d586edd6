/**
 * A site's footer glued to an article's last line is cut off and recognised as chrome: it links
 * no documents (fixtures/footer-glued; a new user's scrape grouped two unrelated stories).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/types.js';
import { tempDir } from '../helpers/fixtures.js';
import { runCli, runJson } from '../helpers/in-process.js';
import { chromeTrailerStart } from '../../src/core/text/junk.js';

const DIR = 'fixtures/footer-glued';

describe('a footer glued to the last line (fixtures/footer-glued)', () => {
  it('groups nothing, and the last line is its own text (unique) with the footer a boilerplate piece of it', async () => {
    const { report } = await runJson<Report>([DIR]);
    expect(report.groups).toEqual([]);
    for (const name of ['bridge.txt', 'school.txt']) {
      const doc = report.documents.find((d) => d.path === `${DIR}/${name}`)!;
      const [text, footer] = doc.segments.slice(-2);
      expect(text!.startLine).toBe(footer!.startLine);
      expect(footer!.continues).toBe(true);
      expect(text!.status ?? 'unique').toBe('unique');
      expect(text!.text).toMatch(/\.$/);
      expect(footer!.status).toBe('boilerplate');
      expect(footer!.boilerplate).toBe('footer');
    }
    const library = report.documents.find((d) => d.path === `${DIR}/library.txt`)!;
    expect(library.segments.at(-1)!.status).toBe('boilerplate');
  });
});

describe('dedupe diff of a story and its copy with the footer glued on', () => {
  it('keeps the last paragraph the same and sets the footer aside as site chrome (it read "edited", the footer inserted; a new user)', async () => {
    const dir = tempDir();
    const glued = readFileSync(`${DIR}/bridge.txt`, 'utf8');
    const end = glued.indexOf('ten years.') + 'ten years.'.length;
    writeFileSync(path.join(dir, 'story.txt'), `${glued.slice(0, end)}\n`);
    writeFileSync(path.join(dir, 'scraped.txt'), glued);
    const { stdout, code } = await runCli(['diff', '--no-color', 'story.txt', 'scraped.txt'], { cwd: dir });
    expect(code).toBe(0);
    // The footer is the file's noise alone: no change in the story's text.
    expect(stdout).toMatch(/\nno change: the 5 paragraphs have the same words, in the same order\n$/);
    // Left out as the scan leaves chrome out of a story, and said so: it was a block "added".
    expect(stdout).toContain('\nscraped.txt: 1 paragraph left out, as a scan leaves them out of a story: line 9 (site chrome)\n');
    expect(stdout).not.toMatch(/added +\{\+Copyright/);
    expect(stdout).not.toMatch(/→ +\S+ +edited/);
  });
});

describe('chromeTrailerStart', () => {
  it('finds chrome glued after a sentence, and leaves a paragraph that is chrome throughout or only mentions copyright whole', () => {
    const glued = 'The bridge reopens in June.Copyright 2024 The Courier. All rights reserved.';
    expect(glued.slice(chromeTrailerStart(glued))).toBe('Copyright 2024 The Courier. All rights reserved.');
    expect(chromeTrailerStart('Copyright 2024 The Courier. All rights reserved. Do not copy.')).toBe(-1);
    expect(chromeTrailerStart('The court heard the case. Copyright law, the judge said, protects all rights reserved by the author.')).toBe(-1);
    // A head of punctuation alone is not cut from (review), and a footer wrapped over two lines is one footer (review).
    const dotFirst = '.Copyright 2024 The Courier. All rights reserved.';
    expect(chromeTrailerStart(dotFirst)).not.toBe(1);
    const wrapped = 'The bridge reopens in June.Copyright 2024 The Riverside\nCourier. All rights reserved.';
    expect(wrapped.slice(chromeTrailerStart(wrapped))).toBe('Copyright 2024 The Riverside\nCourier. All rights reserved.');
    const quoted = 'She said "yes."© 2024 Courier Media. All rights reserved.';
    expect(quoted.slice(chromeTrailerStart(quoted))).toBe('© 2024 Courier Media. All rights reserved.');
    expect(chromeTrailerStart('The court ruled on copyright on Monday. The publisher said all rights reserved by the author remain.')).toBe(-1);
  });
});

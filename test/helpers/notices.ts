/**
 * A wire archive in miniature for template fills (core/scan/fills.ts): 200 background articles
 * in which a dividend notice's frame words are common (as in a wire archive, where many notices
 * use them), and the notice itself, filled in for any company.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { InputDocument } from '../../src/core/types.js';
import { random, syntheticArticle } from './articles.js';
import { tempDir } from './fixtures.js';

/** The frame's words and small figures, common in the scan as in a wire archive: many notices use them. */
const FRAME_WORDS = 'sets 10 12 said its board declared an initial annual dividend of cts per share first payout payable to holders record March'.split(' ');

/** Articles of random words, each with the frame's words shuffled into a paragraph of its own (no 3-gram of the frame in order). */
export function background(count: number): InputDocument[] {
  const next = random(11);
  return Array.from({ length: count }, (_, i) => {
    const shuffled = [...FRAME_WORDS].sort(() => next() - 0.5).join(' ');
    return { id: `background-${String(i).padStart(3, '0')}.txt`, text: `${syntheticArticle(next, 3)}\n${shuffled}.\n` };
  });
}

/** A dividend notice: headline, then the frame filled in with `company` and the payment day. */
export const notice = (company: string, pay: number): string =>
  `${company.toUpperCase()} SETS INITIAL DIVIDEND\n\n${company} said its board declared an initial annual dividend of 10 cts per share, its first payout, payable March ${pay} to holders of record March 12.\n`;

/**
 * A folder of the background, a notice (porex.txt), its reprint by a second outlet
 * (porex-reprint.txt) and the frame filled in for another company (medco.txt).
 */
export function wireArchive(): string {
  const dir = tempDir('template-fill-');
  const porex = notice('Porex Technologies Corp', 26);
  const docs = [...background(200), { id: 'porex.txt', text: porex }, { id: 'porex-reprint.txt', text: porex }, { id: 'medco.txt', text: notice('Medco Containment Services Inc', 19) }];
  for (const doc of docs) writeFileSync(path.join(dir, doc.id), doc.text);
  return dir;
}

/**
 * A scraped copy that kept its page's HTML references ("Chile&#8217;s", "Jos&eacute;",
 * "&amp;#8217;") is the wire story word for word (core/text/entities.ts;
 * fixtures/html-entities): every paragraph was "edited" at 0.51-0.69 against the wire copy,
 * with a dateline called dropped that the copy kept.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/index.js';
import { runCli, runJson } from '../helpers/in-process.js';

const FOLDER = 'fixtures/html-entities';

describe('a scraped copy with undecoded HTML references', () => {
  it('shares every paragraph with the wire story it copies', async () => {
    const { report } = await runJson<Report>([FOLDER, '--json']);
    expect(report.summary.paragraphs).toBe(12);
    expect(report.summary.shared).toBe(12);
    expect(report.groups).toHaveLength(1);
    expect(report.groups[0]!.members).toHaveLength(2);
  });

  it("shows the paragraphs as the article reads, references decoded, on the file's own lines", async () => {
    const { report } = await runJson<Report>([FOLDER, '--json']);
    const scraped = report.documents.find((doc) => doc.path.endsWith('scraped-harbour-strike.txt'))!;
    const union = scraped.segments.find((seg) => seg.startLine === 5)!;
    expect(union.text).toContain('The union’s leader, José Muñoz, said the strike would last “as long as it takes”');
    const last = scraped.segments.at(-1)!;
    expect(last.startLine).toBe(11);
    expect(last.text).toContain('who wasn’t authorised');
  });

  it('prints no reference in the human report', async () => {
    const result = await runCli([FOLDER, '--no-color']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('12 shared, 0 edited');
    expect(result.stdout).not.toMatch(/&(#\d+|[a-z]+);/);
  });
});

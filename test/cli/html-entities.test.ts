/**
 * A scraped copy that kept its page's HTML references ("Chile&#8217;s", "Jos&eacute;",
 * "&amp;#8217;") is the wire story word for word (core/text/entities.ts;
 * fixtures/html-entities): every paragraph was "edited" at 0.51-0.69 against the wire copy,
 * with a dateline called dropped that the copy kept.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createSigner, type Report } from '../../src/core/index.js';
import { DocumentBuilder } from '../../src/core/document.js';
import { segment } from '../../src/core/text/segment.js';
import { contentHash } from '../../src/store/codec.js';
import { IndexStore } from '../../src/store/index-store.js';
import { tempDir } from '../helpers/fixtures.js';
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

describe('an index that stored the scraped copy before references were decoded (schema 4)', () => {
  it('is upgraded when check opens it, and the wire story checked against it is shared, not edited', async () => {
    const dir = tempDir();
    copyFileSync(path.join(FOLDER, 'wire-harbour-strike.txt'), path.join(dir, 'wire.txt'));
    mkdirSync(path.join(dir, '.dedupe'));
    const db = path.join(dir, '.dedupe', 'index.db');
    // The scraped copy as an earlier dedupe stored it: segmented and signed as written.
    const scraped = readFileSync(path.join(FOLDER, 'scraped-harbour-strike.txt'), 'utf8');
    const store = await IndexStore.open(db, { mode: 'write' });
    const signer = await createSigner(store.options);
    const { layout, lineCount, segments } = segment(scraped);
    const builder = new DocumentBuilder();
    for (const seg of segments) signer.addSegment(seg, builder);
    await store.write(async (batch) => batch.put(builder.finish({ id: 'scraped.txt', layout, lineCount }), { contentHash: contentHash(scraped), bytes: scraped.length, addedAt: 1 }));
    store.close();
    const old = new Database(db);
    old.pragma('user_version = 4');
    old.close();
    const { report, result } = await runJson<Report>(['check', 'wire.txt', '--json'], { cwd: dir });
    expect(result.stderr).toContain('upgrading .dedupe/index.db from index schema 4 to 5');
    expect(report.summary.paragraphs).toBe(6);
    expect(report.summary.shared).toBe(6);
    expect(report.summary.edited).toBe(0);
  });
});

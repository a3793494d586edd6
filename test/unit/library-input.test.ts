/**
 * What the library refuses, as the CLI does, with an error naming the document or option
 * (found by a new user calling scanDocuments from a script): bad documents, an id used twice for
 * two texts, a misspelt option.
 */
import { describe, expect, it } from 'vitest';
import { createScanner, DocumentsError, OptionsError, resolveOptions, scanDocuments, type InputDocument } from '../../src/core/index.js';

const TEXT = 'The city council voted on Tuesday to approve new cycle lanes along the river road after months of debate.';

describe('scanDocuments checks its documents', () => {
  it.each([
    [[{ id: 'a' }], 'documents[0] ("a"): text must be a string, got undefined'],
    [[{ id: 1, text: TEXT }], 'documents[0]: id must be a non-empty string, got the number 1 (give String(id))'],
    [[{ id: 1n, text: TEXT }], 'documents[0]: id must be a non-empty string, got the bigint 1 (give String(id))'],
    [[{ id: '', text: TEXT }], 'documents[0]: id must be a non-empty string, got ""'],
    [[{ id: 'a', text: TEXT }, null], 'documents[1] must be an object {id, text}, got null'],
    [null, 'documents must be an array of {id, text}, got null'],
  ])('refuses bad documents with a DocumentsError naming the one at fault (case %#)', async (docs, message) => {
    const error = await scanDocuments(docs as unknown as InputDocument[]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentsError);
    expect((error as Error).message).toBe(message);
  });

  it('refuses an id given twice for two texts (a reprint given another feed\'s id was dropped), and scans an id given twice for one text once', async () => {
    const reprint = [{ id: '1', text: 'Police arrested two men on Friday after a warehouse fire destroyed thousands of books.' }, { id: 'wire', text: TEXT }, { id: '1', text: `${TEXT} Work starts in May.` }];
    await expect(scanDocuments(reprint)).rejects.toThrow('documents[2]: id "1" is already used by documents[0] with another text; ids must be unique');
    const twice = await scanDocuments([{ id: 'a', text: TEXT }, { id: 'a', text: TEXT }]);
    expect(twice.summary.documents).toBe(1);
    expect(twice.warnings.map((w) => w.code)).toEqual(['duplicate-id']);
  });

  it('leaves out a byte order mark, as the CLI does of a file, on every path (review: a Scanner kept it)', async () => {
    const report = await scanDocuments([{ id: 'a', text: `\uFEFF${TEXT}` }]);
    expect(report.documents[0]!.segments[0]!.text).toBe(TEXT);
    const scanner = await createScanner(resolveOptions());
    scanner.add({ id: 'a', text: `\uFEFF${TEXT}` });
    expect((await scanner.finish()).report.documents[0]!.segments[0]!.text).toBe(TEXT);
    // The same text but for a byte order mark is the same document, not an id reused.
    expect((await scanDocuments([{ id: 'a', text: `\uFEFF${TEXT}` }, { id: 'a', text: TEXT }])).summary.documents).toBe(1);
  });
});

describe('resolveOptions refuses an unknown option', () => {
  it('with the name it is close to, and takes resolved options back', () => {
    expect(() => resolveOptions({ treshold: 0.2 } as never)).toThrow(new OptionsError([{ option: 'treshold', message: 'unknown option "treshold" (did you mean threshold?)' }]));
    expect(() => resolveOptions({ bogus: 1 } as never)).toThrow(/^unknown option "bogus"; the options are threshold, containment, /);
    expect(resolveOptions(resolveOptions({ threshold: 0.4 })).threshold).toBe(0.4);
    // Names every object has are no options (review: "constructor" was taken into the report's options).
    expect(() => resolveOptions({ constructor: 1 } as never)).toThrow(/^unknown option "constructor"/);
    // A derived value that is not what the options give was replaced in silence.
    expect(() => resolveOptions({ bands: 999 } as never)).toThrow('bands is derived from threshold, containment and numHashes (here 37); leave it out');
  });
});

describe('diffTexts and fromJsonReport', () => {
  it('diffTexts compares two texts in memory as dedupe diff compares two files', async () => {
    const { readFileSync } = await import('node:fs');
    const { diffFiles } = await import('../../src/engine/index.js');
    const { diffTexts } = await import('../../src/core/index.js');
    const { SEED } = await import('../helpers/fixtures.js');
    const fromFiles = await diffFiles(SEED.original, SEED.update, resolveOptions(), process.cwd());
    const inMemory = await diffTexts({ id: SEED.original, text: readFileSync(SEED.original, 'utf8') }, { id: SEED.update, text: readFileSync(SEED.update, 'utf8') });
    expect(inMemory).toEqual(fromFiles);
    await expect(diffTexts({ id: 'a' } as never, { id: 'b', text: TEXT })).rejects.toThrow('from ("a"): text must be a string, got undefined');
  });

  it('fromJsonReport says what it was given when it is not a --json scan report', async () => {
    const { fromJsonReport } = await import('../../src/core/index.js');
    const read = (json: unknown): string => {
      try {
        fromJsonReport(json as never);
        return 'read';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(read('{"schemaVersion":4}')).toBe('report-json: not a dedupe scan report but a string (parse it first: JSON.parse)');
    expect(read({ schemaVersion: 4, blocks: [] })).toMatch(/a dedupe diff report, not a scan report/);
    expect(read({ type: 'document' })).toMatch(/one line of dedupe --ndjson/);
    expect(read({ schemaVersion: 4 })).toBe('report-json: not a dedupe scan report (no documents or files)');
    expect(read(null)).toBe('report-json: not a dedupe scan report but null');
  });
});

describe('shares', () => {
  it('are never 1 short of the whole nor 0 above nothing, however long the text (review: 2,000 words with one changed kept "100%")', async () => {
    const { roundShare, share } = await import('../../src/core/numbers.js');
    expect([roundShare(0.9996), roundShare(1), roundShare(0.0004), roundShare(0), roundShare(0.5004)]).toEqual([0.999, 1, 0.001, 0, 0.5]);
    expect([share(1999, 2000), share(2000, 2000), share(1, 3000), share(0, 3000), share(1, 0)]).toEqual([0.999, 1, 0.001, 0, 0]);
    const { diffTexts } = await import('../../src/core/index.js');
    const long = Array.from({ length: 60 }, (_, p) => Array.from({ length: 40 }, (_, w) => `word${p}x${w}`).join(' ')).join('\n\n');
    const diff = await diffTexts({ id: 'a', text: long }, { id: 'b', text: long.replace('word3x7', 'changed') });
    expect(diff.summary.edited).toBe(1);
    expect(diff.summary.coverage).toBe(0.999);
    expect(diff.summary.reused).toBe(0.999);
  });
});

describe('long paragraphs in the JSON report', () => {
  it('are one [first, pieces] pair per paragraph, read back as the segments\' continues', async () => {
    const { fromJsonReport, toJsonReport } = await import('../../src/core/index.js');
    const long = Array.from({ length: 9 }, (_, k) => `Sentence number ${k + 1} of this long paragraph talks about the council budget and the cycle lanes.`).join(' ');
    const report = await scanDocuments([{ id: 'a', text: `Headline of the story\n\n${long}\n\nA short closing line of the story here.` }]);
    const pieces = report.documents[0]!.segments.filter((s) => s.continues).length;
    expect(pieces).toBeGreaterThan(0);
    const json = toJsonReport(report);
    expect(json.documents[0]!.pieces).toEqual([[1, pieces + 1]]);
    expect(JSON.stringify(json)).not.toContain('"continues"');
    expect(fromJsonReport(JSON.parse(JSON.stringify(json)) as typeof json)).toEqual(report);
  });
});

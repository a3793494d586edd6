/**
 * What the library refuses, as the CLI does, with an error naming the document or option
 * (found by a new user calling scanDocuments from a script): bad documents, an id used twice for
 * two texts, a misspelt option.
 */
import { describe, expect, it } from 'vitest';
import { DocumentsError, OptionsError, resolveOptions, scanDocuments, type InputDocument } from '../../src/core/index.js';

const TEXT = 'The city council voted on Tuesday to approve new cycle lanes along the river road after months of debate.';

describe('scanDocuments checks its documents', () => {
  it.each([
    [[{ id: 'a' }], 'documents[0] ("a"): text must be a string, got undefined'],
    [[{ id: 1, text: TEXT }], 'documents[0]: id must be a non-empty string, got 1'],
    [[{ id: '', text: TEXT }], 'documents[0]: id must be a non-empty string, got ""'],
    [[{ id: 'a', text: TEXT }, null], 'documents[1] must be an object {id, text}, got null'],
    [null, 'documents must be an array of {id, text}, got null'],
  ])('refuses %j with a DocumentsError naming it', async (docs, message) => {
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

  it('leaves out a byte order mark, as the CLI does of a file', async () => {
    const report = await scanDocuments([{ id: 'a', text: `\uFEFF${TEXT}` }]);
    expect(report.documents[0]!.segments[0]!.text).toBe(TEXT);
  });
});

describe('resolveOptions refuses an unknown option', () => {
  it('with the name it is close to, and takes resolved options back', () => {
    expect(() => resolveOptions({ treshold: 0.2 } as never)).toThrow(new OptionsError([{ option: 'treshold', message: 'unknown option "treshold" (did you mean threshold?)' }]));
    expect(() => resolveOptions({ bogus: 1 } as never)).toThrow(/^unknown option "bogus"; the options are threshold, containment, /);
    expect(resolveOptions(resolveOptions({ threshold: 0.4 })).threshold).toBe(0.4);
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

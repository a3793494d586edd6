/** The JSON report is a contract: real output validates against schema/report.schema.json. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { runJson } from '../helpers/in-process.js';

const load = (name: string) => JSON.parse(readFileSync(path.join(repoRoot, 'schema', name), 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(load('report.schema.json'));
const validateDiff = ajv.compile(load('diff.schema.json'));

describe('JSON report schema', () => {
  it.each([['fixtures/seeds'], ['fixtures/bad-files'], ['fixtures/site-footer'], ['fixtures/hard-wrapped'], ['fixtures/jsonl'], ['fixtures/jsonl-bad-lines']])('validates the report of %s', async (folder) => {
    const { report } = await runJson([folder]);
    const valid = validate(report);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('validates the report of dedupe diff', async () => {
    const { report } = await runJson(['diff', 'fixtures/seeds/002_b644d28894aa6977.txt', 'fixtures/seeds/000_2c77c33462164435.txt']);
    expect(validateDiff.errors ?? []).toEqual([]);
    expect(validateDiff(report), JSON.stringify(validateDiff.errors)).toBe(true);
  });

  it('rejects a report that breaks the contract', async () => {
    const { report } = await runJson<{ documents: Array<{ segments: Array<{ status: string }> }> }>(['fixtures/seeds']);
    report.documents[0]!.segments[0]!.status = "copied";
    expect(validate(report)).toBe(false);
  });
});

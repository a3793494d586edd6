/** The JSON report is a contract: real output validates against schema/report.schema.json. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { repoRoot, runJson } from '../helpers/cli.js';

const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schema/report.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

describe('JSON report schema', () => {
  it.each([['fixtures/seeds'], ['fixtures/bad-files'], ['fixtures/site-footer'], ['fixtures/hard-wrapped']])('validates the report of %s', (folder) => {
    const { report } = runJson([folder]);
    const valid = validate(report);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects a report that breaks the contract', () => {
    const { report } = runJson<{ documents: Array<{ segments: Array<{ status: string }> }> }>(['fixtures/seeds']);
    report.documents[0]!.segments[0]!.status = 'copied';
    expect(validate(report)).toBe(false);
  });
});

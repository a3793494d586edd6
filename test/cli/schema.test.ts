/**
 * The JSON report is a contract: real output validates against schema/report.schema.json
 * (`--json`), schema/report-line.schema.json (`--ndjson`) and schema/diff.schema.json, and
 * every field written is one the schema describes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { SEED, tempDir } from '../helpers/fixtures.js';
import { runCli, runRawJson } from '../helpers/in-process.js';
import { wireArchive } from '../helpers/notices.js';

const load = (name: string) => JSON.parse(readFileSync(path.join(repoRoot, 'schema', name), 'utf8')) as Record<string, unknown>;

/** The schema with every described object closed: a field it does not describe fails. */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) out[key] = key === 'properties' ? Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, closed(v)])) : closed(value);
  // A oneOf branch naming a required property (`"properties": {"text": true}`, for validators in
  // strict mode) describes no object of its own: left open.
  const declaresOnly = 'properties' in out && Object.values(out.properties as object).every((v) => v === true);
  if ('properties' in out && !('additionalProperties' in out) && !declaresOnly) out.additionalProperties = false;
  return out;
}

// Strict, strictRequired included: a user's validator in Ajv's strict mode compiles the schemas
// (it refused "exactly one of text and sameText" said with oneOf and required alone; a new user).
const options = { allErrors: true, strict: true, strictRequired: true };
const ajv = new Ajv2020(options);
const reportSchema = load('report.schema.json');
ajv.addSchema(reportSchema);
const validate = ajv.getSchema(reportSchema.$id as string) as ValidateFunction;
const validateLine = ajv.compile(load('report-line.schema.json'));
const validateDiff = ajv.compile(load('diff.schema.json'));
const strictAjv = new Ajv2020(options);
const validateClosed = strictAjv.compile({ ...(closed(reportSchema) as object), $id: 'closed' });

function expectValid(check: ValidateFunction, value: unknown): void {
  const valid = check(value);
  expect(check.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

describe('JSON report schema', () => {
  it.each([['fixtures/seeds'], ['fixtures/bad-files'], ['fixtures/site-footer'], ['fixtures/hard-wrapped'], ['fixtures/jsonl'], ['fixtures/jsonl-bad-lines']])(
    'validates the report of %s, with no field the schema does not describe',
    async (folder) => {
      const { report } = await runRawJson([folder, '--max-matches', '0']);
      expectValid(validate, report);
      expectValid(validateClosed, report);
    },
  );

  it('validates the report of a scan with a template fill (a segment\'s template)', async () => {
    const { report } = await runRawJson<{ documents: Array<{ segments: Array<{ template?: string }> }> }>(['.'], { cwd: wireArchive() });
    expect(report.documents.some((d) => d.segments.some((s) => s.template === 'fill'))).toBe(true);
    expectValid(validate, report);
    expectValid(validateClosed, report);
  });

  it('validates every --ndjson line', async () => {
    const result = await runCli(['fixtures/seeds', '--ndjson']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    // A report line, 5 documents, 1 group, the 6 pairs of the group's stories (linked by paragraphs), a summary.
    expect(lines.length).toBe(1 + 5 + 1 + 6 + 1);
    for (const line of lines) expectValid(validateLine, JSON.parse(line));
  });

  it('validates the report of dedupe check, with what the gate decided', async () => {
    const db = path.join(tempDir('schema-check-'), 'index.db');
    expect((await runCli(['index', 'add', SEED.original, SEED.unrelated, '--db', db])).code).toBe(0);
    const { report, result } = await runRawJson<{ files: string[]; documents: unknown[]; check: unknown }>(['check', SEED.reprintA, '--db', db, '--fail-on', 'shared']);
    expect(result.code).toBe(1);
    expectValid(validate, report);
    expectValid(validateClosed, report);
    // The archived article is named in files after the one incoming document.
    expect(report.documents).toHaveLength(1);
    expect(report.files.length).toBeGreaterThan(1);
  });

  it('validates the report of dedupe diff', async () => {
    const { report } = await runRawJson(['diff', SEED.original, SEED.reprintA]);
    expectValid(validateDiff, report);
  });

  it('rejects a report that breaks the contract', async () => {
    const { report } = await runRawJson<{ documents: Array<{ segments: Array<{ status?: string }> }> }>(['fixtures/seeds']);
    report.documents[0]!.segments[0]!.status = 'copied';
    expect(validate(report)).toBe(false);
    const { report: other } = await runRawJson<{ documents: Array<{ segments: Array<Record<string, unknown>> }> }>(['fixtures/seeds']);
    other.documents[0]!.segments[0]!.startLine = 1;
    expect(validateClosed(other)).toBe(false);
  });
});

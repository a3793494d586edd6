/** `--ndjson`: the report as JSON lines, the same parts as `--json`; one format at a time. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED, tempDir } from '../helpers/fixtures.js';
import { runCli, runRawJson } from '../helpers/in-process.js';

const linesOf = (stdout: string): Array<Record<string, unknown>> =>
  stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('--ndjson', () => {
  it('writes the documents and groups of the --json report, one per line, between a report and a summary line', async () => {
    const { report } = await runRawJson<{ files: string[]; documents: unknown[]; groups: unknown[]; storyPairs: unknown[]; summary: unknown }>(['fixtures/seeds']);
    const result = await runCli(['fixtures/seeds', '--ndjson']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = linesOf(result.stdout);
    expect(lines[0]).toMatchObject({ type: 'report', schemaVersion: 4, files: report.files });
    expect(lines.filter((l) => l.type === 'document').map(({ type: _t, ...doc }) => doc)).toEqual(report.documents);
    expect(lines.filter((l) => l.type === 'group').map(({ type: _t, ...group }) => group)).toEqual(report.groups);
    expect(lines.filter((l) => l.type === 'storyPair').map(({ type: _t, ...pair }) => pair)).toEqual(report.storyPairs);
    expect(lines[lines.length - 1]).toEqual({ type: 'summary', summary: report.summary, warnings: [] });
  });

  it('ends a check with what the gate decided', async () => {
    const db = path.join(tempDir('ndjson-check-'), 'index.db');
    expect((await runCli(['index', 'add', SEED.original, '--db', db])).code).toBe(0);
    const result = await runCli(['check', SEED.reprintA, '--db', db, '--fail-on', 'shared', '--ndjson']);
    expect(result.code).toBe(1);
    const last = linesOf(result.stdout).pop()!;
    expect(last.type).toBe('summary');
    expect(last.check).toMatchObject({ failOn: 'shared', flagged: [SEED.reprintA] });
  });

  it('cannot be given with --json: exit 2, one line, nothing on stdout', async () => {
    const result = await runCli(['fixtures/seeds', '--json', '--ndjson']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('dedupe: error: --json and --ndjson both choose the report format; give one of them\n');
  });
});

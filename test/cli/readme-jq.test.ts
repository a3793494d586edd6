/**
 * The README's jq recipes, run as written on the JSON of every fixture folder (issue 12's
 * verification: the group recipe failed with "Cannot index array with null" on any group
 * whose original is undecided). Each recipe's dedupe part runs in-process with its fixture
 * path replaced by each folder, and its jq part through the shell, exactly as the README
 * prints it. Skipped when jq is not installed.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { fromJsonReport, type JsonReport } from '../../src/core/report-json.js';

const HAS_JQ = spawnSync('jq', ['--version']).status === 0;

interface Recipe {
  /** The dedupe arguments, without `npx dedupe`. */
  args: string[];
  /** The shell command after the pipe, starting with `jq`. */
  jq: string;
}

/** Every `dedupe ... | jq ...` command of the README's sh blocks, continuation lines included. */
function readmeRecipes(readme: string): Recipe[] {
  const recipes: Recipe[] = [];
  for (const block of readme.matchAll(/```sh\n([\s\S]*?)```/g)) {
    const lines = block[1]!.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const start = /^(?:npx )?dedupe ([^|]*)\| (jq .*)$/.exec(lines[i]!);
      if (!start) continue;
      let jq = start[2]!;
      // A recipe continues on indented lines (inside its quoted jq program).
      while (i + 1 < lines.length && /^\s+\S/.test(lines[i + 1]!)) jq += `\n${lines[++i]!}`;
      recipes.push({ args: start[1]!.trim().split(/\s+/), jq: jq.replace(/\s+#[^']*$/, '') });
    }
  }
  return recipes;
}

/** The paragraph-count expression given inline in the JSON report's notes, applied per document. */
function countsRecipe(readme: string): Recipe {
  const found = /counts of paragraphs by status are not written: `([^`]+)`/.exec(readme);
  expect(found, 'the README still gives the counts expression').not.toBeNull();
  return { args: ['--json', 'fixtures/seeds'], jq: `jq -c '.documents[] | ${found![1]!.replace(/\s+/g, ' ')}'` };
}

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const folders = readdirSync(path.join(repoRoot, 'fixtures'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => `fixtures/${entry.name}`)
  .sort();
const recipes = [...readmeRecipes(readme), countsRecipe(readme)];

describe.skipIf(!HAS_JQ)("the README's jq recipes", () => {
  it('are found (the extraction itself still works)', () => {
    expect(recipes.length).toBeGreaterThanOrEqual(7);
    expect(recipes.some((r) => r.jq.includes('.groups[]'))).toBe(true);
  });

  it.each(recipes.map((r) => [r.jq.split('\n')[0]!, r] as const))('%s runs without a jq error on every fixture folder', async (_label, recipe) => {
    let printed = 0;
    for (const folder of folders) {
      const args = recipe.args.map((arg) => (arg.startsWith('fixtures/') ? folder : arg));
      const dedupe = await runInProcess(args);
      expect(dedupe.code, `${folder}: ${dedupe.stderr}`).toBe(0);
      const jq = spawnSync('bash', ['-c', recipe.jq], { input: dedupe.stdout, encoding: 'utf8' });
      expect(jq.stderr, `${folder}: ${recipe.jq}`).toBe('');
      expect(jq.status).toBe(0);
      printed += jq.stdout.length;
    }
    // A recipe that printed nothing on any folder would pass for the wrong reason.
    expect(printed).toBeGreaterThan(0);
  });

  it("the group recipe gives the original's path, and null where the original is undecided", async () => {
    const recipe = recipes.find((r) => r.jq.includes('.groups[]'))!;
    const decided = await runInProcess(['--json', 'fixtures/seeds']);
    const undecided = await runInProcess(['--json', 'fixtures/bom']);
    const originals = (stdout: string): unknown[] => {
      const jq = spawnSync('bash', ['-c', `${recipe.jq} | jq -c '.original'`], { input: stdout, encoding: 'utf8' });
      return jq.stdout.trim().split('\n').map((line) => JSON.parse(line) as unknown);
    };
    expect(originals(decided.stdout)).toEqual(['fixtures/seeds/002_b644d28894aa6977.txt']);
    expect(originals(undecided.stdout)).toEqual([null]);
  });

  it('the changed-words recipe reads the same words from the counted operations as the in-memory report holds', async () => {
    const recipe = recipes.find((r) => r.jq.includes('def changed'))!;
    for (const folder of ['fixtures/seeds', 'fixtures/reworded-reprint']) {
      const { stdout } = await runInProcess(['--json', folder]);
      const report = fromJsonReport(JSON.parse(stdout) as JsonReport);
      const expected = report.documents.flatMap((doc) =>
        doc.segments.flatMap((s) => {
          const m = s.matches.find((match) => match.status === 'edited');
          const changed = (m?.ops ?? []).filter((op) => op.op !== 'equal').map((op) => `${op.op === 'insert' ? '+' : '-'} ${op.text}`);
          return m ? [{ file: doc.path, line: s.startLine, like: m.path, changed }] : [];
        }),
      );
      const jq = spawnSync('bash', ['-c', recipe.jq], { input: stdout, encoding: 'utf8' });
      const printed = jq.stdout.trim().split('\n').map((line) => JSON.parse(line) as unknown);
      expect(expected.length).toBeGreaterThan(3);
      expect(printed).toEqual(expected);
      // The seeds' first edit, the README's "US" → "American".
      if (folder === 'fixtures/seeds') {
        expect(printed[0]).toEqual({ file: 'fixtures/seeds/000_2c77c33462164435.txt', line: 12, like: 'fixtures/seeds/002_b644d28894aa6977.txt', changed: ['- KYIV, Ukraine (AP) — US', '+ American'] });
      }
    }
  });
});


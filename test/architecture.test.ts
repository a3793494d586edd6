/**
 * The layering ARCHITECTURE.md describes, checked on the sources: which folder of src/ may
 * import which, that the core is pure, that it has no import cycle, and that no function
 * grows past about a hundred lines. Imports are read with the TypeScript parser.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/cli.js';

const src = path.join(repoRoot, 'src');

/** Folders of src/ and the folders each may import from (besides itself). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  core: [],
  input: ['core'],
  store: ['core', 'input'],
  engine: ['core', 'input', 'store'],
  render: ['core', 'engine'],
  cli: ['core', 'input', 'engine', 'render'],
  bench: ['core', 'input', 'engine', 'render', 'store'],
  eval: ['core', 'input', 'engine', 'render'],
  '.': ['core', 'input', 'engine', 'render'],
};
/** What render may take from the layers it imports: types only (it formats, it does not compute). */
const TYPES_ONLY_FROM: Record<string, readonly string[]> = { render: ['core', 'engine'] };
/**
 * Except these modules: the JSON form of the report is the report in other words (file numbers
 * for paths, usual values left out), a contract both written by render/json.ts and read back;
 * and the warning codes that mean a file was skipped, a constant of that contract.
 */
const FORMATS_FROM_CORE = new Set([path.join('core', 'report-json.ts'), path.join('core', 'warnings.ts')]);
/** Packages the pure core may use. */
const CORE_PACKAGES = new Set(['diff', 'xxhash-wasm']);
const MAX_FUNCTION_LINES = 100;

interface SourceImport {
  from: string;
  /** Resolved path relative to src/, or the package name. */
  target: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : name.endsWith('.ts') ? [full] : [];
  });
}

const files = sourceFiles(src);
const parsed = new Map(files.map((file) => [file, ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)]));
const layerOf = (file: string): string => {
  const relative = path.relative(src, file);
  return relative.includes(path.sep) ? relative.split(path.sep)[0]! : '.';
};

function importsOf(file: string): SourceImport[] {
  const out: SourceImport[] = [];
  for (const statement of parsed.get(file)!.statements) {
    if (!(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) || !statement.moduleSpecifier) continue;
    const specifier = (statement.moduleSpecifier as ts.StringLiteral).text;
    const typeOnly = ts.isImportDeclaration(statement)
      ? statement.importClause?.isTypeOnly === true ||
        (statement.importClause?.namedBindings !== undefined &&
          ts.isNamedImports(statement.importClause.namedBindings) &&
          statement.importClause.name === undefined &&
          statement.importClause.namedBindings.elements.every((e) => e.isTypeOnly))
      : statement.isTypeOnly;
    const target = specifier.startsWith('.') ? path.relative(src, path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts'))) : specifier;
    out.push({ from: path.relative(src, file), target, typeOnly });
  }
  return out;
}

describe('architecture', () => {
  it('each layer imports only the layers below it', () => {
    const crossings: string[] = [];
    for (const file of files) {
      const layer = layerOf(file);
      for (const imp of importsOf(file)) {
        if (!imp.target.endsWith('.ts')) continue;
        const targetLayer = imp.target.includes(path.sep) ? imp.target.split(path.sep)[0]! : '.';
        if (targetLayer === layer) continue;
        if (!MAY_IMPORT[layer]!.includes(targetLayer)) crossings.push(`${imp.from} -> ${imp.target}`);
        else if (TYPES_ONLY_FROM[layer]?.includes(targetLayer) && !imp.typeOnly && !FORMATS_FROM_CORE.has(imp.target)) crossings.push(`${imp.from} -> ${imp.target} (types only)`);
      }
    }
    expect(crossings).toEqual([]);
  });

  it('the core is pure: no Node modules, no process, console or colour, only its own packages', () => {
    const impure: string[] = [];
    for (const file of files.filter((f) => layerOf(f) === 'core')) {
      const text = readFileSync(file, 'utf8');
      for (const imp of importsOf(file)) {
        if (!imp.target.endsWith('.ts') && !CORE_PACKAGES.has(imp.target)) impure.push(`${imp.from} imports ${imp.target}`);
      }
      if (/\bprocess\.|\bconsole\./.test(text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''))) impure.push(`${path.relative(src, file)} uses process or console`);
    }
    expect(impure).toEqual([]);
  });

  it('DuckDB is used in src/engine/parquet only (the Parquet files and the join)', () => {
    const outside: string[] = [];
    for (const file of files) {
      const relative = path.relative(src, file);
      if (relative.startsWith(path.join('engine', 'parquet') + path.sep)) continue;
      for (const imp of importsOf(file)) if (imp.target.startsWith('@duckdb/')) outside.push(`${imp.from} imports ${imp.target}`);
    }
    expect(outside).toEqual([]);
  });

  it('has no import cycle inside src/core', () => {
    const graph = new Map<string, string[]>();
    for (const file of files.filter((f) => layerOf(f) === 'core')) {
      graph.set(path.relative(src, file), importsOf(file).map((i) => i.target).filter((t) => t.startsWith(`core${path.sep}`)));
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (node: string, trail: string[]): void => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(node)), node].join(' -> '));
        return;
      }
      state.set(node, 'open');
      for (const next of graph.get(node) ?? []) visit(next, [...trail, node]);
      state.set(node, 'done');
    };
    for (const node of graph.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });

  it(`has no function longer than ${MAX_FUNCTION_LINES} lines`, () => {
    const long: string[] = [];
    for (const [file, source] of parsed) {
      const visit = (node: ts.Node): void => {
        if (ts.isFunctionLike(node) && 'body' in node && node.body) {
          const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
          const end = source.getLineAndCharacterOfPosition(node.end).line;
          if (end - start + 1 > MAX_FUNCTION_LINES) long.push(`${path.relative(src, file)}:${start + 1} (${end - start + 1} lines)`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(long).toEqual([]);
  });
});

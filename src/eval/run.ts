/**
 * The evaluation runner: converts each corpus given by path into a temporary folder, runs
 * dedupe on it through the library, scores it, and removes the folder. Returns the figures
 * as data; table.ts prints them.
 */
import { resolveOptions, type ResolvedOptions, type ScanOptions } from '../core/index.js';
import { convertCounter, scoreCounter, type CounterResult } from './counter.js';
import { convertBbc, convertReuters, scoreDuplicates, type DuplicateCorpus, type DuplicateResult } from './duplicates.js';
import { Engine } from './engine.js';
import { convertPan, scorePanFolder, scorePanOneScan, type PanFolderResult } from './pan.js';
import { Workspace } from './workspace.js';

export interface EvalConfig {
  /** Corpus folders; a corpus not given is not run. */
  pan?: string;
  counter?: string;
  bbc?: string;
  reuters?: string;
  /** PAN folders to run (default all, 01..05). */
  panFolders?: string[];
  /**
   * A slice instead of the whole corpus: the first N pairs of each PAN folder, the first N
   * COUNTER pairs, the first N files of each BBC topic, the first N Reuters stories.
   */
  limit?: number;
  /** Scan options to evaluate (defaults: DEFAULT_OPTIONS). */
  options?: Partial<ScanOptions>;
  /** Progress lines (the CLI prints them on stderr). */
  progress?: (message: string) => void;
}

export interface EvalResult {
  options: ResolvedOptions;
  limit: number | undefined;
  pan?: PanFolderResult[];
  /** The same pairs scored in one scan of all their documents (scorePanOneScan). */
  panOneScan?: PanFolderResult[];
  /** The same, scanned with --reworded thorough (core/rewrite/families.ts). */
  panOneScanThorough?: PanFolderResult[];
  counter?: CounterResult;
  bbc?: DuplicateResult;
  reuters?: DuplicateResult;
  /** The same corpora scanned with --reworded thorough: what it links beside the precise default. */
  bbcThorough?: DuplicateResult;
  reutersThorough?: DuplicateResult;
  /** Wall-clock seconds per corpus (conversion included). */
  seconds: Record<string, number>;
  /** Converted files the reader refused (should be none). */
  skipped: string[];
}

export async function runEval(config: EvalConfig): Promise<EvalResult> {
  const options = config.options ?? {};
  const resolved = resolveOptions(options);
  const progress = config.progress ?? (() => {});
  const result: EvalResult = { options: resolved, limit: config.limit, seconds: {}, skipped: [] };
  const limit = config.limit === undefined ? {} : { limit: config.limit };

  const timed = async <T>(name: string, work: (workspace: Workspace) => Promise<T>): Promise<T> => {
    const started = Date.now();
    const workspace = new Workspace(`dedupe-eval-${name}-`);
    try {
      return await work(workspace);
    } finally {
      workspace.remove();
      result.seconds[name] = (Date.now() - started) / 1000;
    }
  };

  if (config.pan) {
    const root = config.pan;
    result.pan = await timed('pan', async (workspace) => {
      progress(`pan: converting ${root}`);
      const corpus = convertPan(root, workspace, { ...limit, ...(config.panFolders ? { folders: config.panFolders } : {}) });
      const engine = await Engine.create(workspace.dir, options, true);
      const folders: PanFolderResult[] = [];
      for (const { name, pairs } of corpus.folders) {
        const every = Math.max(1, Math.round(pairs.length / 4));
        folders.push(
          await scorePanFolder(name, pairs, corpus.texts, engine, (done) => {
            if (done % every === 0 || done === pairs.length) progress(`pan ${name}: ${done}/${pairs.length} pairs`);
          }),
        );
      }
      progress('pan: one scan of all the pairs\' documents');
      result.panOneScan = await scorePanOneScan(corpus, engine);
      progress('pan: one scan, --reworded thorough');
      result.panOneScanThorough = await scorePanOneScan(corpus, engine.thorough());
      result.skipped.push(...engine.skipped);
      return folders;
    });
  }

  if (config.counter) {
    const root = config.counter;
    result.counter = await timed('counter', async (workspace) => {
      progress(`counter: converting ${root}`);
      const pairs = convertCounter(root, workspace, limit);
      const engine = await Engine.create(workspace.dir, options, true);
      const every = Math.max(1, Math.round(pairs.length / 4));
      const scored = await scoreCounter(pairs, engine, (done) => {
        if (done % every === 0 || done === pairs.length) progress(`counter: ${done}/${pairs.length} pairs`);
      });
      result.skipped.push(...engine.skipped);
      return scored;
    });
  }

  const duplicates = async (name: 'bbc' | 'reuters', root: string, convert: typeof convertBbc): Promise<[DuplicateResult, DuplicateResult]> =>
    timed(name, async (workspace) => {
      progress(`${name}: converting ${root}`);
      const corpus: DuplicateCorpus = convert(root, workspace, limit);
      progress(`${name}: scanning ${corpus.documents.length} documents`);
      const engine = await Engine.create(workspace.dir, options, false);
      const scored = await scoreDuplicates(corpus, engine);
      progress(`${name}: scanning again, --reworded thorough`);
      const thorough = await scoreDuplicates(corpus, engine.thorough());
      result.skipped.push(...engine.skipped);
      return [scored, thorough];
    });
  if (config.bbc) [result.bbc, result.bbcThorough] = await duplicates('bbc', config.bbc, convertBbc);
  if (config.reuters) [result.reuters, result.reutersThorough] = await duplicates('reuters', config.reuters, convertReuters);
  return result;
}

/**
 * `dedupe diff <from> <to>`: aligns the paragraphs of two articles (merges and splits
 * included) and shows each changed paragraph's word-level differences.
 */
import { stat } from 'node:fs/promises';
import { createSigner, diffDocuments } from '../core/index.js';
import type { ScanOptions, SegmentMode } from '../core/types.js';
import { readArticle } from '../input/read.js';
import { renderDiffReport } from '../render/diff.js';
import { renderJson } from '../render/json.js';
import { outputStyle } from './color.js';
import { EXIT_OK, UsageError } from './exit-codes.js';
import type { CliIO } from './io.js';

export interface DiffFlags {
  json?: boolean;
  color?: boolean;
  context: number;
  segment?: string;
  threshold?: number;
  containment?: number;
  shingleSize?: number;
  minWords?: number;
}

async function readOne(path: string): Promise<string> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new UsageError(`${path}: no such file; check the path`);
  if (info.isDirectory()) throw new UsageError(`${path}: is a folder; dedupe diff compares two files (use dedupe <folder> to scan)`);
  const outcome = await readArticle(path);
  if (!outcome.ok) throw new UsageError(`${path}: ${outcome.reason}${outcome.fix ? `; ${outcome.fix}` : ''}`);
  return outcome.text;
}

export async function runDiff(fromPath: string, toPath: string, flags: DiffFlags, io: CliIO): Promise<number> {
  if (!Number.isInteger(flags.context) || flags.context < 0) {
    throw new UsageError(`--context must be a whole number of words, 0 or more, got ${flags.context}`);
  }
  const options: Partial<ScanOptions> = {
    threshold: flags.threshold,
    containment: flags.containment,
    shingleSize: flags.shingleSize,
    minWords: flags.minWords,
    segment: flags.segment as SegmentMode | undefined,
  };
  const signer = await createSigner(options);
  const [fromText, toText] = [await readOne(fromPath), await readOne(toPath)];
  const report = diffDocuments(signer.prepare({ id: fromPath, text: fromText }), signer.prepare({ id: toPath, text: toText }), {
    threshold: signer.options.threshold,
    containment: signer.options.containment,
  });
  if (flags.json) {
    io.stdout.write(renderJson(report));
    return EXIT_OK;
  }
  const { color, palette } = outputStyle(flags, io);
  io.stdout.write(renderDiffReport(report, { palette, color, context: flags.context, width: io.stdout.columns ?? 100 }));
  return EXIT_OK;
}

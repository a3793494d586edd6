/**
 * `dedupe diff <from> <to>` as data: read both files, prepare them, align their paragraphs.
 */
import { stat } from 'node:fs/promises';
import { diffDocuments } from '../core/align/diff-report.js';
import { createSigner } from '../core/signing/signer.js';
import type { DiffReport, ResolvedOptions } from '../core/types.js';
import { InputError } from '../input/errors.js';
import { readArticle } from '../input/read.js';

async function readOne(path: string): Promise<string> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new InputError(`${path}: no such file; check the path`);
  if (info.isDirectory()) throw new InputError(`${path}: is a folder; dedupe diff compares two files (use dedupe <folder> to scan)`);
  const outcome = await readArticle(path);
  if (!outcome.ok) throw new InputError(`${path}: ${outcome.reason}${outcome.fix ? `; ${outcome.fix}` : ''}`);
  return outcome.text;
}

export async function diffFiles(fromPath: string, toPath: string, options: ResolvedOptions): Promise<DiffReport> {
  const signer = await createSigner(options);
  const [fromText, toText] = [await readOne(fromPath), await readOne(toPath)];
  return diffDocuments(signer.prepare({ id: fromPath, text: fromText }), signer.prepare({ id: toPath, text: toText }), options);
}

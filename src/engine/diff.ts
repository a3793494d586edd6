/**
 * `dedupe diff <from> <to>` as data: read both files, prepare them, align their paragraphs.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { diffDocuments } from '../core/align/diff-report.js';
import { createSigner } from '../core/signing/signer.js';
import type { DiffReport, ResolvedOptions } from '../core/types.js';
import { InputError } from '../input/errors.js';
import { isJsonl } from '../input/jsonl.js';
import { readArticle, readPipedArticle } from '../input/read.js';

async function readOne(file: string, cwd: string): Promise<string> {
  const onDisk = path.resolve(cwd, file);
  const info = await stat(onDisk).catch(() => null);
  if (!info && file === '-') throw new InputError(`-: dedupe diff compares two files and does not read standard input; save it to a file, or name a command's output as <(command)`);
  if (!info) throw new InputError(`${file}: no such file; check the path`);
  if (info.isDirectory()) throw new InputError(`${file}: is a folder; dedupe diff compares two files (use dedupe <folder> to scan)`);
  // A JSONL file is many articles, one per line: diffed as one text it compared lines of JSON (found by a new user).
  if (isJsonl(file)) throw new InputError(`${file}: is JSONL, one article per line; dedupe diff compares two articles in text files (scan it: dedupe ${file})`);
  // <(command): a pipe named on purpose is read to its end.
  const outcome = info.isFIFO() ? await readPipedArticle(onDisk, file) : await readArticle(onDisk, file);
  if (!outcome.ok) throw new InputError(`${file}: ${outcome.reason}${outcome.fix ? `; ${outcome.fix}` : ''}`);
  return outcome.text;
}

/** Aligns two files; relative paths are read from `cwd`. */
export async function diffFiles(fromPath: string, toPath: string, options: ResolvedOptions, cwd: string): Promise<DiffReport> {
  const signer = await createSigner(options);
  const [fromText, toText] = [await readOne(fromPath, cwd), await readOne(toPath, cwd)];
  return diffDocuments(signer.prepare({ id: fromPath, text: fromText }), signer.prepare({ id: toPath, text: toText }), options);
}

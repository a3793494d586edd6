/**
 * A --fail-on gate's exit when some of its input was not read, for the scan, check and the
 * sharded report alike: a gate passes nothing it did not check (engine/gate.ts, uncheckedInputs).
 */
import { uncheckedInputs, type CheckFailOn } from '../../engine/index.js';
import type { Warning } from '../../core/types.js';
import { plural, printable } from '../../render/text.js';
import { EXIT_ERROR } from '../exit-codes.js';
import type { CliIO } from '../io.js';

/** What to run again once the unread input is mended. */
const AGAIN = { scan: 'scan again', check: 'check again', report: 'sign them again (dedupe sign), then join and report' } as const;

/**
 * 2, with a line naming the first few inputs not read (the scan passed them until a new user
 * compared it with check); undefined when everything was read.
 */
export function uncheckedExit(failOn: CheckFailOn, warnings: readonly Warning[], command: keyof typeof AGAIN, io: CliIO): number | undefined {
  const unchecked = uncheckedInputs(warnings);
  if (unchecked.length === 0) return undefined;
  // A folder it could not enter holds articles it never saw: counted and named as what it is.
  const folders = unchecked.filter((w) => w.code === 'unreadable-folder').length;
  const articles = unchecked.length - folders;
  const article = command === 'check' ? 'incoming article' : 'article';
  const counted = [folders > 0 ? plural(folders, 'folder') : '', articles > 0 ? plural(articles, article) : ''].filter(Boolean).join(' and ');
  const n = unchecked.length;
  const named = unchecked.slice(0, 3).map((w) => (w.line === undefined ? w.path : `${w.path}:${w.line}`));
  // Patterns are matched below each folder given, so a folder's own name, anywhere, is the one to exclude.
  const firstFolder = unchecked.find((w) => w.code === 'unreadable-folder')?.path.split('/').pop();
  const mend = articles === 0 ? `make ${n === 1 ? 'it' : 'them'} readable or leave ${n === 1 ? 'it' : 'them'} out (--exclude '**/${firstFolder ?? '<folder>'}')` : `fix or remove ${n === 1 ? 'it' : 'them'}`;
  io.stderr.write(
    `dedupe: error: --fail-on ${failOn}: ${counted} ${n === 1 ? 'was' : 'were'} not read, so not checked: ` +
      `${printable(named.join(', '))}${n > named.length ? `, and ${n - named.length} more` : ''} (see the warnings); ${mend} and ${AGAIN[command]}\n`,
  );
  return EXIT_ERROR;
}

/**
 * The gate's line when it finds paragraphs: what it counted, so the figure can be checked
 * against the report (a stranger's run read "78 paragraphs found" beside 66 shared and 26
 * edited): paragraphs of at least --min-words words, boilerplate and repeats in their own file
 * left out, shared (for --fail-on shared) or shared and edited.
 */
export function foundLine(failOn: 'shared' | 'edited', found: { paragraphs: number; pieces: number }, minWords: number, where: string): string {
  const statuses = failOn === 'shared' ? 'shared' : 'shared or edited';
  // Long paragraphs cut at their sentences: the pieces too, as the summary line counts them.
  const pieces = found.pieces !== found.paragraphs ? ` (${plural(found.pieces, 'piece')})` : '';
  return `dedupe: --fail-on ${failOn}: ${plural(found.paragraphs, 'paragraph')}${pieces} ${statuses} (${minWords} words or more, boilerplate and repeats left out) in ${where}\n`;
}

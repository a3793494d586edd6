/**
 * What `dedupe sign` and `dedupe join` print: one summary line each (the report of `dedupe
 * report` is the scan's, rendered by human.ts and json.ts), and with --verbose the time and
 * rows of each step. Pure functions of what the engine returned.
 */
import type { JoinResult, SignResult } from '../engine/index.js';
import { plural, printable } from './text.js';

const count = (n: number): string => n.toLocaleString('en-US');
/** "146 paragraphs in 362 pieces", as the scan's summary counts them, or "196 paragraphs" when no paragraph was cut at its sentences. */
const paragraphsIn = (paragraphs: number, pieces: number): string => `${plural(paragraphs, 'paragraph')}${pieces > paragraphs ? ` in ${count(pieces)} pieces` : ''}`;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

export function renderSignResult(result: SignResult, elapsedMs: number): string {
  const { read, written, shard } = result;
  // With several shards, how many of the files found were this shard's.
  const of = shard.count > 1 && read.jsonlSources === 0 ? ` of ${count(result.filesFound)}` : '';
  const what = read.jsonlSources > 0 ? `${count(written.documents)} document${written.documents === 1 ? '' : 's'}` : `${count(written.documents)}${of} file${of === '' && written.documents === 1 ? '' : 's'}`;
  const skipped = result.warnings > 0 ? ` (${count(result.warnings)} warning${result.warnings === 1 ? '' : 's'})` : '';
  return (
    `shard ${shard.number}/${shard.count}: ${what}${skipped}, ${paragraphsIn(written.paragraphs, written.pieces)}, ` +
    `${plural(written.variants, 'distinct text')} to compare, written to ${printable(result.folder)} in ${seconds(elapsedMs)}\n`
  );
}

export function renderSignStages(result: SignResult): string {
  return `walk ${seconds(result.walkMs)}, prepare ${seconds(result.prepareMs)}, write ${seconds(result.writeMs)}`;
}

export function renderJoinResult(result: JoinResult, elapsedMs: number): string {
  const bandPairs = result.bandPairs.reduce((a, b) => a + b, 0);
  return (
    `joined ${result.shards} shard${result.shards === 1 ? '' : 's'}: ${plural(result.documents, 'document')}, ${paragraphsIn(result.paragraphs, result.pieces)}, ` +
    `${plural(result.variants, 'distinct text')} to compare; ${count(result.candidatePairs)} distinct candidate pairs ` +
    `(proposed ${count(bandPairs + result.anchorPairs)} times: ${count(bandPairs)} by bands, ${count(result.anchorPairs)} by anchors), ` +
    `${count(result.verifiedPairs)} verified, written to ${printable(result.file)} in ${seconds(elapsedMs)}\n`
  );
}

/** --verbose: every step's time and rows, then rows and pairs per band. */
export function renderJoinSteps(result: JoinResult): string {
  const steps = result.steps.map((s) => `${s.step} ${seconds(s.ms)} (${count(s.rows)} rows)`).join(', ');
  const bands = result.bandRows.map((rows, band) => `${band}:${count(rows)}/${count(result.bandPairs[band] ?? 0)}`).join(' ');
  return `steps: ${steps}\nbands (rows/pairs): ${bands}`;
}

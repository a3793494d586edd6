/**
 * Defaults and validation of the scan options. Pure: returns the problems as data so the CLI
 * can print one line and exit 2, and the library can throw.
 */
import { candidateThresholdFor } from './classify.js';
import { optimalBanding } from './matching/lsh.js';
import { closeNames } from './names.js';
import type { ResolvedOptions, ScanOptions, SegmentMode } from './types.js';

/**
 * Defaults. k = 3 word shingles: at paragraph scale (20-80 words) a one-word edit removes k
 * shingles, so small k keeps lightly edited reprints above the threshold while 3-grams are
 * still rare enough that unrelated news paragraphs share few of them (Broder 1997 used
 * word k-grams; k is tuned by `npm run eval`, see README). 128 values give a standard error
 * of about 0.04 on a Jaccard estimate (MMDS ch. 3.3).
 */
export const DEFAULT_OPTIONS: ScanOptions = {
  threshold: 0.5,
  containment: 0.8,
  shingleSize: 3,
  numHashes: 128,
  minWords: 5,
  seed: 1,
  segment: 'auto',
  // The best match of each paragraph (the group's original first); matchCount counts them all.
  // Listing five made the JSON report twice the size of one (PAN: 2.15 against 1.5 times the corpus).
  maxMatches: 1,
};

export const SEGMENT_MODES: readonly SegmentMode[] = ['auto', 'line', 'block'];

/** One thing wrong with an option value, naming the flag as the command line spells it. */
export interface OptionProblem {
  option: string;
  message: string;
}

/** Every problem of an option set at once, so a user fixes them in one go; the message joins them. */
export class OptionsError extends Error {
  readonly option: string;

  constructor(readonly problems: readonly OptionProblem[]) {
    super(problems.map((p) => p.message).join('; '));
    this.name = 'OptionsError';
    this.option = problems[0]?.option ?? '';
  }
}

interface Range {
  min: number;
  max: number;
  integer: boolean;
  /** How the option is spelt on the command line, for messages. */
  flag: string;
}

const RANGES: Record<Exclude<keyof ScanOptions, 'segment'>, Range> = {
  threshold: { min: 0.01, max: 1, integer: false, flag: '--threshold' },
  containment: { min: 0.01, max: 1, integer: false, flag: '--containment' },
  shingleSize: { min: 1, max: 16, integer: true, flag: '--shingle-size' },
  numHashes: { min: 16, max: 1024, integer: true, flag: '--num-hashes' },
  minWords: { min: 1, max: 1000, integer: true, flag: '--min-words' },
  seed: { min: 0, max: 0xffffffff, integer: true, flag: '--seed' },
  maxMatches: { min: 0, max: 1_000_000, integer: true, flag: '--max-matches' },
};

/** What resolveOptions adds (ResolvedOptions): given back, they are computed again, not refused. */
const DERIVED_OPTIONS: readonly string[] = ['bands', 'rows', 'candidateThreshold'];

/** The problems of a partial option set (empty when it is valid), in the order of RANGES. */
export function optionProblems(partial: Partial<ScanOptions>): OptionProblem[] {
  const merged: ScanOptions = { ...DEFAULT_OPTIONS, ...stripUndefined(partial) };
  const problems: OptionProblem[] = [];
  // A misspelt key from JavaScript or a runtime object was ignored and copied into the report's
  // options, its default used instead (found by a new user). Resolved options may be given back.
  for (const key of Object.keys(partial)) {
    if (Object.hasOwn(DEFAULT_OPTIONS, key) || DERIVED_OPTIONS.includes(key)) continue;
    const close = closeNames(key, Object.keys(DEFAULT_OPTIONS));
    problems.push({ option: key, message: `unknown option ${JSON.stringify(key)}${close.length > 0 ? ` (did you mean ${close.join(' or ')}?)` : `; the options are ${Object.keys(DEFAULT_OPTIONS).join(', ')}`}` });
  }
  for (const [key, range] of Object.entries(RANGES) as [keyof typeof RANGES, Range][]) {
    const value = merged[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push({ option: key, message: `${range.flag} must be a number, got ${String(value)}` });
    } else if (range.integer && !Number.isInteger(value)) {
      problems.push({ option: key, message: `${range.flag} must be a whole number, got ${value}` });
    } else if (value < range.min || value > range.max) {
      problems.push({ option: key, message: `${range.flag} must be between ${range.min} and ${range.max}, got ${value}` });
    }
  }
  if (!SEGMENT_MODES.includes(merged.segment)) {
    problems.push({ option: 'segment', message: `--segment must be one of ${SEGMENT_MODES.join(', ')}, got ${String(merged.segment)}` });
  }
  return problems;
}

/** Checks a partial option set and fills in defaults; throws OptionsError naming every bad flag. */
export function resolveOptions(partial: Partial<ScanOptions> = {}): ResolvedOptions {
  const problems = optionProblems(partial);
  if (problems.length > 0) throw new OptionsError(problems);
  const merged: ScanOptions = { ...DEFAULT_OPTIONS, ...stripUndefined(partial) };
  const candidateThreshold = candidateThresholdFor(merged);
  const { bands, rows } = optimalBanding(candidateThreshold, merged.numHashes);
  const resolved = { ...merged, candidateThreshold, bands, rows };
  // Derived values given back as resolved are taken; others would be silently replaced (review).
  const differing = DERIVED_OPTIONS.filter((key) => key in partial && (partial as Record<string, unknown>)[key] !== undefined && (partial as Record<string, unknown>)[key] !== resolved[key as keyof ResolvedOptions]);
  if (differing.length > 0) {
    throw new OptionsError(differing.map((key) => ({ option: key, message: `${key} is derived from threshold, containment and numHashes (here ${String(resolved[key as keyof ResolvedOptions])}); leave it out` })));
  }
  return resolved;
}

function stripUndefined<T extends object>(value: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, v] of Object.entries(value) as [keyof T, T[keyof T] | undefined][]) {
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/**
 * Defaults and validation of the scan options. Pure: returns the problems as data so the CLI
 * can print one line and exit 2, and the library can throw.
 */
import { optimalBanding } from './lsh.js';
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
  maxMatches: 5,
};

export const SEGMENT_MODES: readonly SegmentMode[] = ['auto', 'line', 'block'];

export class OptionsError extends Error {
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(message);
    this.name = 'OptionsError';
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

/** Checks a partial option set and fills in defaults; throws OptionsError naming the flag. */
export function resolveOptions(partial: Partial<ScanOptions> = {}): ResolvedOptions {
  const merged: ScanOptions = { ...DEFAULT_OPTIONS, ...stripUndefined(partial) };
  for (const [key, range] of Object.entries(RANGES) as [keyof typeof RANGES, Range][]) {
    const value = merged[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new OptionsError(key, `${range.flag} must be a number, got ${String(value)}`);
    }
    if (range.integer && !Number.isInteger(value)) {
      throw new OptionsError(key, `${range.flag} must be a whole number, got ${value}`);
    }
    if (value < range.min || value > range.max) {
      throw new OptionsError(
        key,
        `${range.flag} must be between ${range.min} and ${range.max}, got ${value}`,
      );
    }
  }
  if (!SEGMENT_MODES.includes(merged.segment)) {
    throw new OptionsError(
      'segment',
      `--segment must be one of ${SEGMENT_MODES.join(', ')}, got ${String(merged.segment)}`,
    );
  }
  const candidateThreshold = candidateThresholdFor(merged.threshold, merged.containment);
  const { bands, rows } = optimalBanding(candidateThreshold, merged.numHashes);
  return { ...merged, candidateThreshold, bands, rows };
}

/**
 * LSH finds pairs by Jaccard similarity, but a paragraph merged from two (or one half of a
 * split) has a high containment and a low Jaccard: if A is a fraction c of B's shingles and
 * B holds |A| = |B|/2 of them, J = c/2 / (1 + 1/2 - c/2). LSH is therefore tuned for the lower
 * of the Jaccard threshold and the Jaccard a contained half reaches (0.36 at c = 0.8), so
 * merges of two paragraphs surface as candidates; verification then applies the real rule.
 */
export function candidateThresholdFor(threshold: number, containment: number): number {
  const halfRatio = 0.5;
  const containedHalf = (containment * halfRatio) / (1 + halfRatio - containment * halfRatio);
  return Math.min(threshold, containedHalf);
}

function stripUndefined<T extends object>(value: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, v] of Object.entries(value) as [keyof T, T[keyof T] | undefined][]) {
    if (v !== undefined) out[key] = v;
  }
  return out;
}

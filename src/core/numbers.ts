/** Rounding of the figures the report prints. */

/** Similarities and shares are reported to three decimals: enough to rank, stable across platforms. */
export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * A share (0 to 1) to three decimals, never 1 when it falls short of the whole nor 0 when it is
 * above nothing: a copy of 2,000 words with one changed "kept 100%" of its original, and a
 * story with a few words reused was "0% reused" (found by a new user and in review).
 */
export function roundShare(ratio: number): number {
  const rounded = round3(ratio);
  if (rounded >= 1 && ratio < 1) return 0.999;
  if (rounded <= 0 && ratio > 0) return 0.001;
  return rounded;
}

/** part / whole as a share (roundShare); 0 when there is no whole. */
export function share(part: number, whole: number): number {
  return whole === 0 ? 0 : roundShare(part / whole);
}

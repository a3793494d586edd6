/** Rounding of the figures the report prints. */

/** Similarities and shares are reported to three decimals: enough to rank, stable across platforms. */
export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** part / whole to three decimals; 0 when there is no whole. */
export function share(part: number, whole: number): number {
  return whole === 0 ? 0 : round3(part / whole);
}

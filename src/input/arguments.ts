/**
 * Values as users type them on a command line, read strictly: shared by the CLI's requests and
 * the eval's and bench's command lines.
 */

/** A decimal number ("0.5", "12", "1e3"), or null: not hex ("0x1"), not empty, not "Infinity". */
export function parseDecimal(value: string): number | null {
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(value.trim())) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** For repeatable options (--include a --include b): collects the values in order. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

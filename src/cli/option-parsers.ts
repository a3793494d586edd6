/** Argument parsers for commander options, shared by every command (and the eval's command line). */
import { InvalidArgumentError } from 'commander';

/** A number, or commander's one-line "argument is invalid" error. */
export function parseNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`expected a number, got '${value}'`);
  return n;
}

/** For repeatable options (--include a --include b): collects the values in order. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

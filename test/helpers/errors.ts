/** Assertions shared by the CLI tests about how errors look. */
import { expect } from 'vitest';

/** A usage or input error: exit 2, nothing on stdout, one line on stderr; returns that line. */
export function oneLineError(result: { stderr: string; stdout: string; code: number | null }): string {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  return lines[0]!;
}

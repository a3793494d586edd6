/** A config's JSON syntax error is placed as an editor places it (input/config.ts, jsonErrorAt). */
import { describe, expect, it } from 'vitest';
import { jsonErrorAt } from '../../src/input/config.js';

describe('jsonErrorAt', () => {
  const text = '{\n  "a": 1,,\n}';
  it("turns V8's character position into a line and column", () => {
    expect(jsonErrorAt('Expected double-quoted property name in JSON at position 11', text)).toBe('Expected double-quoted property name in JSON at line 2, column 10');
  });
  it('reads the form newer Node versions write, with their own line and column', () => {
    expect(jsonErrorAt('Expected double-quoted property name in JSON at position 11 (line 2 column 10)', text)).toBe('Expected double-quoted property name in JSON at line 2, column 10');
  });
  it('leaves a message without a position as it is', () => {
    expect(jsonErrorAt('Unexpected end of JSON input', text)).toBe('Unexpected end of JSON input');
  });
});

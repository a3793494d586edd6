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
  it('leaves a message without a position as it is when no character is wrong (the text ends too soon)', () => {
    expect(jsonErrorAt('Unexpected end of JSON input', '{"a": 1')).toBe('Unexpected end of JSON input');
  });
  it('places an error Node 20 words with a snippet and no position, by the first bad character (a reviewer found V8\'s snippet printed as it is)', () => {
    const config = '{\n  "minWords": ,\n}';
    let message = '';
    try {
      JSON.parse(config);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(jsonErrorAt(message, config)).toMatch(/ at line 2, column 15$/);
    expect(jsonErrorAt(`Unexpected token ',', "${config}" is not valid JSON`, config)).toBe("Unexpected token ',' at line 2, column 15");
  });
});

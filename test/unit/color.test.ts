import { describe, expect, it } from 'vitest';
import { decideColor } from '../../src/cli/color.js';

describe('colour decision', () => {
  it.each([
    [{ flag: true, env: { NO_COLOR: '1' }, isTTY: false }, true],
    [{ flag: false, env: { FORCE_COLOR: '1' }, isTTY: true }, false],
    [{ flag: undefined, env: { NO_COLOR: '1' }, isTTY: true }, false],
    [{ flag: undefined, env: { NO_COLOR: '' }, isTTY: true }, true],
    [{ flag: undefined, env: { FORCE_COLOR: '1' }, isTTY: false }, true],
    [{ flag: undefined, env: { FORCE_COLOR: '0' }, isTTY: true }, false],
    [{ flag: undefined, env: { FORCE_COLOR: 'false' }, isTTY: true }, false],
    [{ flag: undefined, env: {}, isTTY: true }, true],
    [{ flag: undefined, env: {}, isTTY: false }, false],
  ])('%j → %s', (inputs, expected) => {
    expect(decideColor(inputs)).toBe(expected);
  });
});

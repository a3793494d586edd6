/**
 * How stdout is shown: whether to colour it, and how wide the human report is.
 *
 * Colour is decided once per run in this order:
 * 1. --color / --no-color
 * 2. NO_COLOR set and not empty (no-color.org): no colour
 * 3. FORCE_COLOR: "0" or "false" means no colour, any other value colour
 * 4. colour when stdout is a terminal
 */
import { Chalk } from 'chalk';
import { chalkPalette, plainPalette, type Palette } from '../render/palette.js';
import type { CliIO } from './io.js';

export interface ColorInputs {
  flag: boolean | undefined;
  env: Readonly<Record<string, string | undefined>>;
  isTTY: boolean;
}

export function decideColor({ flag, env, isTTY }: ColorInputs): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return isTTY;
}

/** The run's colour decision and the palette that goes with it, for stdout. */
export function outputStyle(flags: { color?: boolean }, io: CliIO): { color: boolean; palette: Palette } {
  const color = decideColor({ flag: flags.color, env: io.env, isTTY: io.stdout.isTTY === true });
  return { color, palette: color ? chalkPalette(new Chalk({ level: 1 })) : plainPalette };
}

/**
 * How wide the human report is and what it leaves out: previews are cut to the terminal's
 * width (100 columns in a pipe, as before), and tables are fitted to it only on a terminal,
 * so a report saved to a file keeps whole paths for grep.
 */
export function humanLayout(output: { only?: 'reused'; top?: number }, io: CliIO): { width: number; fit: boolean; only?: 'reused'; top?: number } {
  const columns = io.stdout.columns;
  const layout: { width: number; fit: boolean; only?: 'reused'; top?: number } = {
    width: columns || 100,
    fit: io.stdout.isTTY === true && columns !== undefined && columns > 0,
  };
  if (output.only !== undefined) layout.only = output.only;
  if (output.top !== undefined) layout.top = output.top;
  return layout;
}

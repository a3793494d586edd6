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

/** COLUMNS as a width: a whole number above 0, else undefined (as most tools read it). */
export function columnsFromEnv(env: Readonly<Record<string, string | undefined>>): number | undefined {
  const raw = env.COLUMNS?.trim();
  if (raw === undefined || !/^\d+$/.test(raw)) return undefined;
  const columns = Number(raw);
  return columns > 0 ? columns : undefined;
}

/**
 * How wide stdout is, and whether lines are fitted to it. A terminal's own width wins; when
 * stdout does not say (a pty that reports 0 columns, a pipe), COLUMNS does, and asking for a
 * width that way fits the lines to it in a pipe too. Otherwise a pipe or a file keeps whole
 * lines and paths (for grep), with previews cut at 100 columns.
 */
export function stdoutWidth(io: CliIO): { width: number; fit: boolean } {
  const own = io.stdout.columns;
  if (own !== undefined && own > 0) return { width: own, fit: io.stdout.isTTY === true };
  const env = columnsFromEnv(io.env);
  if (env !== undefined) return { width: env, fit: true };
  return { width: 100, fit: false };
}

/** How wide the human report is (stdoutWidth) and what it leaves out (--only, --top). */
export function humanLayout(output: { only?: 'reused'; top?: number }, io: CliIO): { width: number; fit: boolean; only?: 'reused'; top?: number } {
  const layout: { width: number; fit: boolean; only?: 'reused'; top?: number } = stdoutWidth(io);
  if (output.only !== undefined) layout.only = output.only;
  if (output.top !== undefined) layout.top = output.top;
  return layout;
}

/**
 * Whether to colour stdout, decided once per run in this order:
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

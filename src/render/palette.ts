/**
 * Colours as plain functions. The CLI decides once whether to colour (flag, NO_COLOR,
 * FORCE_COLOR, TTY) and hands a palette down; renderers never look at the environment.
 */
import type { ChalkInstance } from 'chalk';

export interface Palette {
  shared(text: string): string;
  edited(text: string): string;
  unique(text: string): string;
  boilerplate(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  deleted(text: string): string;
  inserted(text: string): string;
}

const same = (text: string): string => text;

export const plainPalette: Palette = {
  shared: same,
  edited: same,
  unique: same,
  boilerplate: same,
  dim: same,
  bold: same,
  deleted: same,
  inserted: same,
};

export function chalkPalette(chalk: ChalkInstance): Palette {
  return {
    shared: (t) => chalk.red(t),
    edited: (t) => chalk.yellow(t),
    unique: (t) => chalk.green(t),
    boilerplate: (t) => chalk.gray(t),
    dim: (t) => chalk.dim(t),
    bold: (t) => chalk.bold(t),
    deleted: (t) => chalk.red.strikethrough(t),
    inserted: (t) => chalk.green.underline(t),
  };
}

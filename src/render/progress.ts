/**
 * The progress line a long run draws on a terminal's stderr: the stage, how many articles of
 * how many, paragraphs, and the rate. A pure function of what the engine last reported; the
 * CLI decides when to draw it (cli/feedback.ts).
 */
import type { ProgressEvent } from '../engine/index.js';
import { printable } from './text.js';

export interface ProgressView {
  event: ProgressEvent;
  /** Milliseconds since the stage began: rates, and how long a wait has lasted. */
  stageMs: number;
  /** What the articles are: files, or documents when JSONL lines are read. */
  noun: 'file' | 'document';
}

const count = (n: number): string => n.toLocaleString('en-US');

function rate(amount: number, ms: number, unit: string): string | null {
  if (ms < 500) return null; // too early to say
  const perSecond = (amount * 1000) / ms;
  return `${perSecond >= 100 ? count(Math.round(perSecond)) : perSecond.toFixed(1)} ${unit}/s`;
}

function describe({ event, stageMs, noun }: ProgressView): string {
  const nouns = `${noun}s`;
  const file = printable(event.file ?? 'the index');
  switch (event.stage) {
    case 'walk':
      return 'finding files';
    case 'read':
      return `reading JSONL: ${count(event.done ?? 0)} articles`;
    case 'prepare': {
      const parts = [`reading ${count(event.done ?? 0)}/${count(event.total ?? 0)} ${nouns}`, `${count(event.paragraphs ?? 0)} paragraphs`];
      const perFile = rate(event.done ?? 0, stageMs, nouns);
      const perByte = rate((event.bytes ?? 0) / 1e6, stageMs, 'MB');
      return [...parts, ...(perFile ? [perFile] : []), ...(perByte ? [perByte] : [])].join(', ');
    }
    case 'match':
      return `matching ${count(event.paragraphs ?? 0)} paragraphs`;
    case 'lookup':
      return `looking up matches in ${file}`;
    case 'store':
      return `storing in ${file}`;
    case 'wait-lock':
      return `waiting for ${file}: another process is writing to it (${Math.floor(stageMs / 1000)} s)`;
    case 'step':
      return printable(event.step ?? '');
  }
}

/** The line, cut to fit `width` columns (a line that wraps could not be redrawn in place). */
export function renderProgress(view: ProgressView, width: number): string {
  const line = `dedupe: ${describe(view)}`;
  const room = Math.max(10, width - 1);
  return line.length <= room ? line : `${line.slice(0, room - 1).trimEnd()}…`;
}

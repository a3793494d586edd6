/**
 * What a command says on stderr while it works:
 *
 * - Warnings as they happen, at most WARNINGS_SHOWN of them and then one line with the count
 *   of the rest (5,480 lines of "deleted during the run" buried everything else), unless
 *   --verbose asks for all.
 * - A progress line (stage, articles, paragraphs, rate; render/progress.ts) for runs that last
 *   longer than SHOW_AFTER_MS, only when stderr is a terminal and neither --quiet nor
 *   --no-progress was given. It is rewritten in place with a carriage return, cleared before a
 *   warning is printed, and cleared at the end, so nothing of it stays on the screen.
 * - Once, when `index add` (or check --add) has to wait for another process's write lock: a
 *   line saying so, or the progress line when one is drawn, so a wait does not look like a hang.
 */
import type { EngineHooks, ProgressEvent, ProgressStage } from '../engine/index.js';
import { renderProgress } from '../render/progress.js';
import { printable } from '../render/text.js';
import { columnsFromEnv } from './color.js';
import { warn, type CliIO } from './io.js';

/** Warnings printed before the rest are only counted. */
export const WARNINGS_SHOWN = 20;
/** A run shorter than this draws no progress at all. */
export const SHOW_AFTER_MS = 1000;
/** The line is redrawn at most this often (the engine reports once per article). */
export const REDRAW_MS = 100;
/**
 * Matching is one synchronous call: no report comes while it runs, so a line not drawn when it
 * starts stays undrawn till the end. With this many paragraphs it is drawn at once, whatever
 * the time so far: the 10 MB bench corpus (63,852 paragraphs) spends about 1.3 s matching.
 */
export const LONG_MATCH_PARAGRAPHS = 50_000;
/** Clears from the cursor to the end of the line (ANSI EL). */
const CLEAR_TO_END = '\u001b[K';

export interface FeedbackOptions {
  /** Print every warning. */
  verbose: boolean;
  /** Whether the command's --json output lists the warnings (the scan's and check's reports do). */
  warningsInJson: boolean;
  /** --quiet. */
  quiet?: boolean;
  /** False with --no-progress (or "progress": false in a config). */
  progress?: boolean;
}

export class Feedback {
  private shown = 0;
  private hidden = 0;
  private readonly started: number;
  private readonly drawsProgress: boolean;
  private stage: ProgressStage | null = null;
  private stageStarted = 0;
  private noun: 'file' | 'document' = 'file';
  private drawn = false;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private waitNoted = false;

  constructor(
    private readonly io: CliIO,
    private readonly options: FeedbackOptions,
  ) {
    this.started = io.now();
    this.drawsProgress = io.stderr.isTTY === true && options.quiet !== true && options.progress !== false;
  }

  warning(message: string): void {
    if (this.options.verbose || this.shown < WARNINGS_SHOWN) {
      this.clearLine();
      this.shown++;
      warn(this.io, message);
    } else this.hidden++;
  }

  progress(event: ProgressEvent): void {
    const now = this.io.now();
    const newStage = event.stage !== this.stage;
    if (newStage) {
      this.stage = event.stage;
      this.stageStarted = now;
    }
    if (event.stage === 'read') this.noun = 'document';
    if (event.stage === 'wait-lock' && !this.drawsProgress) {
      if (!this.waitNoted) this.io.stderr.write(`dedupe: waiting for ${printable(event.file ?? 'the index')}: another process is writing to it (up to 30 s)\n`);
      this.waitNoted = true;
      return;
    }
    if (!this.drawsProgress) return;
    // A wait is shown at once: it is what a user staring at a silent terminal needs to know.
    const atOnce = event.stage === 'wait-lock' || (event.stage === 'match' && (event.paragraphs ?? 0) >= LONG_MATCH_PARAGRAPHS);
    if (!atOnce && now - this.started < SHOW_AFTER_MS) return;
    if (!newStage && now - this.lastDraw < REDRAW_MS) return;
    // A terminal of unknown size (a pty nobody sized says 0 columns) is as wide as COLUMNS says, else 80.
    const width = this.io.stderr.columns || columnsFromEnv(this.io.env) || 80;
    this.io.stderr.write(`\r${renderProgress({ event, stageMs: now - this.stageStarted, noun: this.noun }, width)}${CLEAR_TO_END}`);
    this.drawn = true;
    this.lastDraw = now;
  }

  /**
   * Something the user should know that is neither a warning nor progress (an index upgrade,
   * which can take minutes): said on a line of its own, which a terminal does not erase as it
   * does a progress line, terminal or not.
   */
  notice(message: string): void {
    this.clearLine();
    this.io.stderr.write(`dedupe: ${printable(message)}\n`);
  }

  /** The engine's hooks: warnings, notices and progress through here, the command's clock. */
  hooks(): EngineHooks {
    return {
      warning: (warning) => this.warning(warning.message),
      notice: (message) => this.notice(message),
      progress: (event) => this.progress(event),
      clock: () => this.io.now(),
    };
  }

  /** Clears the progress line and says how many warnings were not shown; call once the engine is done (or has failed). */
  finish(): void {
    this.clearLine();
    if (this.hidden === 0) return;
    const n = this.hidden.toLocaleString('en-US');
    const where = this.options.warningsInJson ? '; --json lists them all under "warnings"' : '';
    warn(this.io, `${n} more warning${this.hidden === 1 ? '' : 's'} not shown (--verbose shows them all${where})`);
    this.hidden = 0;
  }

  private clearLine(): void {
    if (!this.drawn) return;
    this.io.stderr.write(`\r${CLEAR_TO_END}`);
    this.drawn = false;
    // Redrawn at the next report, whatever the time since the last.
    this.lastDraw = Number.NEGATIVE_INFINITY;
  }
}

/**
 * Runs the engine's `work` with feedback on stderr: its warnings and progress as it goes, the
 * progress line cleared and the warnings not shown counted once it ends, or fails.
 */
export async function withFeedback<T>(
  io: CliIO,
  output: { verbose: boolean; quiet?: boolean; progress?: boolean },
  warningsInJson: boolean,
  work: (hooks: EngineHooks) => Promise<T>,
): Promise<T> {
  const feedback = new Feedback(io, { verbose: output.verbose, warningsInJson, quiet: output.quiet, progress: output.progress });
  try {
    return await work(feedback.hooks());
  } finally {
    feedback.finish();
  }
}

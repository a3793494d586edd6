/**
 * What a command says on stderr while it works: warnings as they happen, at most
 * WARNINGS_SHOWN of them and then one line with the count of the rest (5,480 lines of
 * "deleted during the run" buried everything else), unless --verbose asks for all.
 */
import type { EngineHooks } from '../engine/index.js';
import { warn, type CliIO } from './io.js';

/** Warnings printed before the rest are only counted. */
export const WARNINGS_SHOWN = 20;

export interface FeedbackOptions {
  /** Print every warning. */
  verbose: boolean;
  /** Whether the command's --json output lists the warnings (the scan's and check's reports do). */
  warningsInJson: boolean;
}

export class Feedback {
  private shown = 0;
  private hidden = 0;

  constructor(
    private readonly io: CliIO,
    private readonly options: FeedbackOptions,
  ) {}

  warning(message: string): void {
    if (this.options.verbose || this.shown < WARNINGS_SHOWN) {
      this.shown++;
      warn(this.io, message);
    } else this.hidden++;
  }

  /** The engine's hooks: warnings through here, the command's clock. */
  hooks(): EngineHooks {
    return { warning: (warning) => this.warning(warning.message), clock: () => this.io.now() };
  }

  /** Says how many warnings were not shown; call once the engine is done (or has failed). */
  finish(): void {
    if (this.hidden === 0) return;
    const n = this.hidden.toLocaleString('en-US');
    const where = this.options.warningsInJson ? '; --json lists them all under "warnings"' : '';
    warn(this.io, `${n} more warning${this.hidden === 1 ? '' : 's'} not shown (--verbose shows them all${where})`);
    this.hidden = 0;
  }
}

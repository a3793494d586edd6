/**
 * Errors the CLI turns into a one-line message and exit code 2. `InputError` is for what the
 * user pointed at (a missing path, no matching files); anything else is a bug.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/**
 * A --files-from list with no path in it, or folders named that hold no file at all: for a scan
 * an error, for `check` a day with nothing new (`find incoming -newer stamp | dedupe check
 * --files-from -`, or `dedupe check incoming/` after a push that emptied it), which passes.
 */
export class EmptyListError extends InputError {
  /** What was empty: "the --files-from list is empty", "incoming/ holds no file". */
  constructor(readonly what = 'the --files-from list is empty') {
    super(`${what}; nothing to read`);
    this.name = 'EmptyListError';
  }
}

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
 * A --files-from list with no path in it: for a scan an error, for `check` a day with nothing
 * new (`find incoming -newer stamp | dedupe check --files-from -` in CI), which passes.
 */
export class EmptyListError extends InputError {
  constructor() {
    super('the --files-from list is empty; nothing to read');
    this.name = 'EmptyListError';
  }
}

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

/**
 * Exit codes, the CLI's contract with scripts and CI (documented in --help and the README):
 *   0  the run finished (reuse may have been found; see --fail-on)
 *   1  --fail-on was given and matching paragraphs were found
 *   2  usage or input error: a bad option, a missing path, no files, an unusable file
 */
export const EXIT_OK = 0;
export const EXIT_FOUND = 1;
export const EXIT_ERROR = 2;

/** A problem with what the user asked for; printed as one line, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * What can go wrong with an index file, as typed errors. The store never prints or exits:
 * the CLI prints the message as one line and exits 2 (an `InputError`, like a missing path).
 * Messages name the file and say what to do.
 */
import { InputError } from '../input/errors.js';

export type IndexErrorKind =
  /** No index at that path (check, stats, remove on a file that does not exist). */
  | 'missing'
  /** The folder the index should be in does not exist. */
  | 'missing-folder'
  /** The folder or file cannot be written (read-only folder, permissions). */
  | 'unwritable'
  /** The file exists but is not a dedupe index (text, another program's SQLite database, empty). */
  | 'not-an-index'
  /** A dedupe index whose pages or schema are damaged. */
  | 'corrupt'
  /** Written by a newer dedupe (schema version above ours). */
  | 'newer-schema'
  /** Options given on the command line disagree with those the index was built with. */
  | 'parameters'
  /** Another process holds the write lock for longer than we wait. */
  | 'locked';

export class IndexError extends InputError {
  constructor(
    readonly kind: IndexErrorKind,
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'IndexError';
  }
}

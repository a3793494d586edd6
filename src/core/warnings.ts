/**
 * Constants of the report's warning vocabulary (core/types.ts, WarningCode) that more than one
 * layer reads: render counts skipped files in the summary line, and the engine's --fail-on gate
 * fails on them. Part of the report's contract, so render may read it (test/architecture.test.ts).
 */
import type { WarningCode } from './types.js';

/**
 * The warnings that mean a whole file was not read (it is in no document of the report): the
 * summary line counts them as skipped, and a --fail-on gate, which passes nothing it did not
 * check, fails on them (engine/gate.ts, uncheckedInputs).
 */
export const SKIPPED_FILE_CODES: ReadonlySet<WarningCode> = new Set<WarningCode>(['binary', 'invalid-utf8', 'unreadable', 'vanished', 'too-large']);

/** The core's public surface: pure text-reuse detection over `{id, text}` documents. */
export * from './types.js';
export { DEFAULT_OPTIONS, OptionsError, resolveOptions, SEGMENT_MODES } from './options.js';
export { createScanner, createSigner, scanDocuments, Scanner, Signer } from './scan.js';
export type { Clock, PreparedDocument, PreparedParagraph, ScanResult } from './scan.js';
export { segment, splitLines, detectLayout } from './segment.js';
export { tokenize } from './normalize.js';
export { alignParagraphs, diffDocuments } from './align.js';
export { wordDiff } from './worddiff.js';

/** The core's public surface: pure text-reuse detection over `{id, text}` documents. */
export * from './types.js';
export type { Clock, DerivationRule, PreparedDocument, PrepareTimings, Segment } from './model.js';
export * as paragraphs from './document.js';
export { DEFAULT_OPTIONS, OptionsError, optionProblems, resolveOptions, SEGMENT_MODES, type OptionProblem } from './options.js';
export { analyse, createScanner, buildReport, scanDocuments, checkedDocuments, diffTexts, DocumentsError, ScanAnalysis, Scanner, type FinishOptions, type ScanResult } from './scan/scanner.js';
export { createSigner, Signer } from './signing/signer.js';
export { segment, splitLines, detectLayout } from './text/segment.js';
export { tokenize } from './text/normalize.js';
export { alignParagraphs } from './align/align.js';
export { diffDocuments, differs } from './align/diff-report.js';
export { wordDiff } from './align/worddiff.js';
export { fromJsonReport, toJsonReport, type JsonReport, type JsonDocument, type JsonSegment, type JsonMatch, type JsonGroup } from './report-json.js';
export { failingStatuses, isEvidence } from './classify.js';

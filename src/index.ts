/**
 * dedupe as a library: the pure core, the engine the CLI runs (files, threads, the index) and the renderers.
 *
 *   import { scanDocuments } from 'dedupe';
 *   const report = await scanDocuments([{ id: 'a', text }, { id: 'b', text: other }]);
 */
export * from './core/index.js';
export { checkPaths, diffFiles, scanPaths, addToIndex, removeFromIndex, indexStats } from './engine/index.js';
export type { CheckRequest, CheckRun, ScanRequest, ScanRun, EngineHooks } from './engine/index.js';
export { findFiles } from './input/walk.js';
// What the engine throws for what a user pointed at (a missing path, no readable file, an unusable index): instanceof tells it from a bug.
export { InputError, EmptyListError } from './input/errors.js';
export { IndexError } from './engine/index.js';
export { readArticle } from './input/read.js';
export { renderJson, renderJsonChunks, renderNdjsonLines, renderReportJson } from './render/json.js';
export { renderHuman } from './render/human.js';

/**
 * dedupe as a library: the pure core plus the file helpers the CLI uses.
 *
 *   import { scanDocuments } from 'dedupe';
 *   const report = await scanDocuments([{ id: 'a', text }, { id: 'b', text: other }]);
 */
export * from './core/index.js';
export { findFiles } from './input/walk.js';
export { readArticle } from './input/read.js';
export { renderJson, renderJsonChunks } from './render/json.js';
export { renderHuman } from './render/human.js';

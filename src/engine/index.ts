/**
 * The engine: what the commands do, with Node (files, worker threads, the index), returning
 * data and never printing. The CLI (src/cli) parses flags into the requests taken here and
 * renders what comes back; the bench and the eval call it the same way.
 */
export { addToIndex, indexStats, listIndex, removeFromIndex, type AddRequest, type AddResult, type IndexStats, type IndexVerification, type ListedDocument, type ListRequest, type ListResult, type RemoveRequest, type RemoveResult, type StatsRequest } from './archive.js';
export { checkPaths, MAX_ARCHIVED_PER_PARAGRAPH, type CheckRequest, type CheckRun } from './check.js';
export { diffFiles } from './diff.js';
export { documentPath, findArticles } from './files.js';
export { checkOutputFile, writeOutputFile } from './output-file.js';
export { CHECK_FAIL_ON, copiedStories, DEFAULT_COPY_SHARE, FAIL_ON_VALUES, gateFindings, isFlagged, segmentsOf, uncheckedInputs, type CheckFailOn, type FailOn } from './gate.js';
export { defaultThreads, PARALLEL_MIN_FILES, prepareFiles } from './prepare-pool.js';
export { prepareAll, scanPaths, type EngineHooks, type ProgressEvent, type ProgressStage, type ScanRequest, type ScanRun } from './scan.js';
export { collectSources, STDIN_PATH, type SourceRequest, type Sources } from './sources.js';
export { DEFAULT_MEMORY_LIMIT, joinShards, reportShards, signShard, type JoinRequest, type JoinResult, type ReportRequest, type ReportRun, type SignRequest, type SignResult, type StepFigure } from './scale.js';
export type { RequestOrigins } from '../store/parameters.js';
export { IndexError } from '../store/errors.js';
export { DEFAULT_DB_FOLDER } from '../store/index-store.js';

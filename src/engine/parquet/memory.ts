/**
 * DuckDB's memory limit when --memory-limit is not given, per command. Kept apart from duck.ts
 * so that the CLI can show it in --help without loading DuckDB (engine/scale.ts).
 *
 * The join's tables are DuckDB's: 2GB runs the join of the 1 GB bench corpus under 3 GB of RSS
 * (docs/scale.md). sign and report only stream rows through DuckDB (to Parquet, from Parquet);
 * with 2GB, sign let DuckDB's buffers fill to about 3 GB on that corpus for no gain in speed (at
 * 300 MB: 2GB, 1GB and 256MB gave the same times).
 */
export const DEFAULT_MEMORY_LIMIT = { sign: '512MB', join: '2GB', report: '512MB' } as const;

/**
 * DuckDB, embedded (@duckdb/node-api), as `sign`, `join` and `report` use it: one instance
 * per command with a memory limit, a thread count and a folder to spill to, so a join larger
 * than memory runs out of core; queries whose results are read chunk by chunk; Parquet files
 * written with key-value metadata and read back.
 *
 * Notes from using it (1.5.6-r.1): values of BIGINT columns come back as bigint; closing a
 * connection while a query runs hangs, so every query is awaited before `close`; a Parquet
 * file cut short fails with "No magic bytes found at end of file", one damaged inside fails
 * only when the damaged pages are read (a Thrift or decompression error that names no file).
 */
import { DuckDBConnection, DuckDBInstance, type DuckDBDataChunk, type DuckDBValue } from '@duckdb/node-api';
import { InputError } from '../../input/errors.js';

export interface DuckSettings {
  /** DuckDB's memory limit, as DuckDB reads it ("2GB", "512MiB"). */
  memoryLimit: string;
  threads: number;
  /** Where DuckDB spills what does not fit in memory. */
  tempDirectory: string;
  /** A database file (the work tables of `sign`), or none: in memory, spilling to tempDirectory. */
  file?: string;
}

/** A string as a SQL literal. */
export function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * A file path as read_parquet reads it: literally, its glob characters in brackets. DuckDB
 * reads read_parquet's paths as glob patterns, so a folder named "run [2]" read "run 2" beside it
 * and a folder "run*" every run: the wrong shards, with exit 0 (found by a new user).
 */
export function parquetPath(file: string): string {
  return literal(file.replace(/[*?[]/g, (c) => `[${c}]`));
}

/** A list of file paths as a DuckDB list literal, for read_parquet (parquetPath). */
export function fileList(files: readonly string[]): string {
  return `[${files.map(parquetPath).join(', ')}]`;
}

/** DuckDB ran out of memory within the limit it was given: what to do, in one line (exit 2). */
export class DuckMemoryError extends InputError {}

function explained(error: unknown, memoryLimit: string): unknown {
  const message = error instanceof Error ? error.message : String(error);
  if (!/Out of Memory Error/i.test(message)) return error;
  const first = message.split('\n')[0]!.replace(/^Out of Memory Error: /i, '');
  return new DuckMemoryError(`DuckDB ran out of memory within --memory-limit ${memoryLimit} (${first}); raise --memory-limit, or lower --threads`);
}

export class Duck {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    private readonly memoryLimit: string,
  ) {}

  static async open(settings: DuckSettings): Promise<Duck> {
    const instance = await DuckDBInstance.create(settings.file ?? ':memory:', {
      memory_limit: settings.memoryLimit,
      threads: String(settings.threads),
      temp_directory: settings.tempDirectory,
      // Results need no particular order unless a query says ORDER BY: lets DuckDB stream.
      preserve_insertion_order: 'false',
      // Nothing is downloaded: Parquet is built in.
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
    });
    return new Duck(instance, await instance.connect(), settings.memoryLimit);
  }

  /** Runs `work`, turning DuckDB's out-of-memory error into one line saying what to do. */
  private async guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw explained(error, this.memoryLimit);
    }
  }

  async run(sql: string): Promise<void> {
    await this.guarded(() => this.connection.run(sql));
  }

  /** All rows of a small result, as objects of JS values (BIGINT as bigint). */
  async rows(sql: string): Promise<Record<string, DuckDBValue>[]> {
    const reader = await this.guarded(() => this.connection.runAndReadAll(sql));
    return reader.getRowObjects();
  }

  /** One number from a query returning one row of one column. */
  async number(sql: string): Promise<number> {
    const reader = await this.guarded(() => this.connection.runAndReadAll(sql));
    const value = reader.getRows()[0]?.[0];
    return value === undefined || value === null ? 0 : Number(value);
  }

  /** Streams a result: `each` is called with every chunk, in order, and may not keep it. */
  async stream(sql: string, each: (chunk: DuckDBDataChunk) => void | Promise<void>): Promise<void> {
    await this.guarded(async () => {
      const result = await this.connection.stream(sql);
      for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) await each(chunk);
    });
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** The key-value metadata of Parquet files, per file (keys and values as text). */
export async function kvMetadata(duck: Duck, file: string): Promise<Map<string, string>> {
  const rows = await duck.rows(`SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata(${parquetPath(file)})`);
  const out = new Map<string, string>();
  for (const row of rows) out.set(String(row.key), String(row.value));
  return out;
}

/** `COPY (query) TO file` as Parquet with key-value metadata (zstd, as the sets are mostly hashes and text). */
export function copyToParquet(query: string, target: string, metadata: ReadonlyMap<string, string>, extra = ''): string {
  const pairs = [...metadata].map(([key, value]) => `"${key}": ${literal(value)}`).join(', ');
  return `COPY (${query}) TO ${literal(target)} (FORMAT parquet, COMPRESSION zstd${extra}, KV_METADATA {${pairs}})`;
}

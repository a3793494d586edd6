/**
 * Writes one shard: prepared documents go, as they come, into two work tables of a DuckDB
 * database inside the shard's hidden folder (documents, and paragraphs with their tokens,
 * shingles and band keys as lists), appended a data chunk of CHUNK_ROWS rows at a time; at
 * the end each Parquet set is one `COPY ... TO` from them. DuckDB spills the work tables to
 * disk past its memory limit, so a shard of any size is written in bounded memory.
 *
 * The shingle and band sets hold each distinct comparable text of the shard once (its first
 * occurrence, the one whose band keys are kept); DuckDB unnests their lists into rows while
 * writing, which is far faster than handing it one row per shingle or band.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { BIGINT, BOOLEAN, DOUBLE, DuckDBDataChunk, INTEGER, LIST, listValue, VARCHAR, type DuckDBAppender, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import * as paragraph from '../../core/document.js';
import { KeyTable } from '../../core/key-table.js';
import type { PreparedDocument } from '../../core/model.js';
import type { Warning } from '../../core/types.js';
import { copyToParquet, Duck, literal } from './duck.js';
import { keyToBigint, toSigned } from './numbers.js';

/** Rows per data chunk: DuckDB's vector size. */
const CHUNK_ROWS = 2048;

/** Where a warning stands in the scan's order (see sign.ts): stage, then position, then seq. */
export interface WarningOrder {
  stage: number;
  position: number;
  seq: number;
}

interface TableSpec {
  name: string;
  columns: ReadonlyArray<readonly [string, DuckDBType]>;
}

const DOCUMENTS: TableSpec = {
  name: 'documents',
  columns: [
    ['shard', INTEGER],
    ['doc', BIGINT],
    ['id', VARCHAR],
    ['layout', VARCHAR],
    ['line_count', INTEGER],
    ['words', INTEGER],
    ['paragraphs', INTEGER],
    ['metadata', VARCHAR],
    // The file's modification time in ms since the epoch (null for a JSONL article, or with
    // DEDUPE_FILE_TIMES=0): provenance's evidence, so that the report decides as the scan does.
    ['modified_at', DOUBLE],
  ],
};

const PARAGRAPHS: TableSpec = {
  name: 'paragraphs',
  columns: [
    ['shard', INTEGER],
    ['doc', BIGINT],
    ['idx', INTEGER],
    ['start_line', INTEGER],
    ['end_line', INTEGER],
    ['blank_before', INTEGER],
    ['words', INTEGER],
    ['chrome', BOOLEAN],
    ['text_key', BIGINT],
    ['text', VARCHAR],
    ['tokens', LIST(INTEGER)],
    ['shingles', LIST(INTEGER)],
    ['shingle_count', INTEGER],
    ['anchor_first', INTEGER],
    ['anchor_last', INTEGER],
    ['continues', BOOLEAN],
    // Work column, not written to paragraphs.parquet: the band keys of the shard's first
    // occurrence of each comparable text (null elsewhere). It also marks which rows feed the
    // shingle and band sets.
    ['band_keys', LIST(INTEGER)],
  ],
};

const WARNINGS: TableSpec = {
  name: 'warnings',
  columns: [
    ['shard', INTEGER],
    ['stage', INTEGER],
    ['position', BIGINT],
    ['seq', BIGINT],
    ['code', VARCHAR],
    ['path', VARCHAR],
    ['line', INTEGER],
    ['message', VARCHAR],
    // The warning as the scan's JSON report writes it (its fields in their order).
    ['json', VARCHAR],
  ],
};

/** Rows for one table, sent to DuckDB a data chunk at a time. */
class ChunkedTable {
  private columns: DuckDBValue[][];
  private rows = 0;
  private readonly chunk: DuckDBDataChunk;

  constructor(
    private readonly spec: TableSpec,
    private readonly appender: DuckDBAppender,
  ) {
    this.columns = spec.columns.map(() => []);
    this.chunk = DuckDBDataChunk.create(spec.columns.map(([, type]) => type), CHUNK_ROWS);
  }

  add(values: readonly DuckDBValue[]): void {
    for (let c = 0; c < values.length; c++) this.columns[c]!.push(values[c]!);
    if (++this.rows === CHUNK_ROWS) this.flush();
  }

  flush(): void {
    if (this.rows === 0) return;
    this.chunk.reset();
    this.chunk.rowCount = this.rows;
    this.chunk.setColumns(this.columns);
    this.appender.appendDataChunk(this.chunk);
    this.columns = this.spec.columns.map(() => []);
    this.rows = 0;
  }

  close(): void {
    this.flush();
    this.appender.flushSync();
    this.appender.closeSync();
  }
}

export interface WriterSettings {
  memoryLimit: string;
  threads: number;
}

/** What was written: rows per set, for the summary and the bench. */
export interface WrittenCounts {
  documents: number;
  /** Paragraphs as the scan counts them: a long paragraph cut at sentences is one (its pieces, `pieces`). */
  paragraphs: number;
  /** Rows of the paragraphs set: paragraphs and the later pieces of long ones. */
  pieces: number;
  /** Distinct comparable texts of the shard (rows of the band sets per band). */
  variants: number;
}

export class ShardWriter {
  private readonly seen = new KeyTable(1024);
  private ordinal = 0;
  private closed = false;
  readonly counts: WrittenCounts = { documents: 0, paragraphs: 0, pieces: 0, variants: 0 };

  private constructor(
    private readonly duck: Duck,
    private readonly work: string,
    private readonly shardIndex: number,
    private readonly documents: ChunkedTable,
    private readonly paragraphs: ChunkedTable,
    private readonly warnings: ChunkedTable,
  ) {}

  /** Opens the work database in `folder/work` (`shardIndex` is 0-based). */
  static async open(folder: string, shardIndex: number, settings: WriterSettings): Promise<ShardWriter> {
    const work = path.join(folder, 'work');
    mkdirSync(path.join(work, 'spill'), { recursive: true });
    const duck = await Duck.open({ ...settings, tempDirectory: path.join(work, 'spill'), file: path.join(work, 'work.duckdb') });
    // Tables written in the order rows arrive (document order): COPY keeps that order.
    await duck.run("SET preserve_insertion_order = true");
    const tables: ChunkedTable[] = [];
    for (const spec of [DOCUMENTS, PARAGRAPHS, WARNINGS]) {
      await duck.run(`CREATE TABLE ${spec.name} (${spec.columns.map(([name, type]) => `${name} ${type.toString()}`).join(', ')})`);
      tables.push(new ChunkedTable(spec, await duck.connection.createAppender(spec.name)));
    }
    return new ShardWriter(duck, work, shardIndex, tables[0]!, tables[1]!, tables[2]!);
  }

  /** The document's number in every set: shard * 2^32 + its place in the shard. */
  private docNumber(): bigint {
    return (BigInt(this.shardIndex) << 32n) + BigInt(this.ordinal);
  }

  addDocument(doc: PreparedDocument): void {
    const number = this.docNumber();
    this.ordinal++;
    const metadata = doc.metadata === undefined ? null : JSON.stringify(doc.metadata);
    this.documents.add([this.shardIndex, number, doc.id, doc.layout, doc.lineCount, doc.words, doc.count, metadata, doc.modifiedAt ?? null]);
    for (let i = 0; i < doc.count; i++) this.addParagraph(doc, i, number);
    this.counts.documents++;
    this.counts.pieces += doc.count;
    for (let i = 0; i < doc.count; i++) if (!paragraph.continuesParagraph(doc, i)) this.counts.paragraphs++;
  }

  private addParagraph(doc: PreparedDocument, i: number, number: bigint): void {
    const keyed = paragraph.hasKey(doc, i);
    const high = paragraph.keyHigh(doc, i);
    const low = paragraph.keyLow(doc, i);
    const shingles = paragraph.shingles(doc, i);
    const anchors = paragraph.anchors(doc, i);
    let bands: DuckDBValue = null;
    if (shingles && this.seen.indexOf(high, low, this.counts.variants) === this.counts.variants) {
      this.counts.variants++;
      bands = listValue(toSigned(paragraph.bandKeys(doc, i)!));
    }
    this.paragraphs.add([
      this.shardIndex,
      number,
      i,
      paragraph.startLine(doc, i),
      paragraph.endLine(doc, i),
      paragraph.blankLinesBefore(doc, i),
      paragraph.words(doc, i),
      paragraph.isChrome(doc, i),
      keyed ? keyToBigint(high, low) : null,
      paragraph.text(doc, i),
      listValue(toSigned(paragraph.tokens(doc, i))),
      shingles ? listValue(toSigned(shingles)) : null,
      shingles ? shingles.length : null,
      anchors ? anchors[0]! | 0 : null,
      anchors ? anchors[1]! | 0 : null,
      paragraph.continuesParagraph(doc, i),
      bands,
    ]);
  }

  addWarning(warning: Warning, order: WarningOrder): void {
    const { code, path: file, line, message } = warning;
    this.warnings.add([this.shardIndex, order.stage, BigInt(order.position), BigInt(order.seq), code, file, line ?? null, message, JSON.stringify(warning)]);
  }

  /**
   * Writes the Parquet sets into `folder` with `metadata` (plus `dedupe.set`) and removes the
   * work database.
   */
  async finish(folder: string, metadata: ReadonlyMap<string, string>): Promise<void> {
    for (const table of [this.documents, this.paragraphs, this.warnings]) table.close();
    const meta = (set: string): Map<string, string> => new Map([...metadata, ['dedupe.set', set]]);
    const target = (name: string): string => path.join(folder, name);
    const paragraphColumns = PARAGRAPHS.columns.map(([name]) => name).filter((name) => name !== 'band_keys');
    const statements = [
      copyToParquet('SELECT * FROM documents', target('documents.parquet'), meta('documents')),
      copyToParquet(`SELECT ${paragraphColumns.join(', ')} FROM paragraphs`, target('paragraphs.parquet'), meta('paragraphs')),
      copyToParquet(
        'SELECT shard, text_key, unnest(shingles) AS shingle FROM paragraphs WHERE band_keys IS NOT NULL',
        target('shingles.parquet'),
        meta('shingles'),
      ),
      copyToParquet('SELECT * FROM warnings ORDER BY stage, position, seq', target('warnings.parquet'), meta('warnings')),
    ];
    for (const sql of statements) await this.duck.run(sql);
    if (this.counts.variants > 0) {
      // One folder per band (band=<b>), so a join reads one band at a time; the band is also a
      // column of each file, for engines that read the files without the folder names.
      const bands =
        'SELECT shard, CAST(band AS INTEGER) AS band, CASE WHEN k < 0 THEN k + 4294967296 ELSE k END AS band_key, text_key FROM (' +
        'SELECT shard, text_key, CAST(unnest(band_keys) AS BIGINT) AS k, generate_subscripts(band_keys, 1) - 1 AS band FROM paragraphs WHERE band_keys IS NOT NULL)';
      await this.duck.run(copyToParquet(bands, target('bands'), meta('bands'), `, PARTITION_BY (band), WRITE_PARTITION_COLUMNS true, FILENAME_PATTERN ${literal('part{i}')}`));
    }
    this.close();
  }

  /** Closes DuckDB and removes the work database (also after a failure). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.duck.close();
    } finally {
      rmSync(this.work, { recursive: true, force: true });
    }
  }
}

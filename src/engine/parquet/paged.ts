/**
 * Prepared documents kept on disk while `dedupe report` runs, so that its memory follows the
 * number of paragraphs (the scan's tables: a few dozen bytes each) and not the size of the
 * text. Each document is encoded once (core/codec.ts, the encoding the index stores) into a
 * scratch file, and a `PagedDocument` stands for it: its id, layout and counts in memory, its
 * numbers and text read back and decoded when a stage reads them, then kept in a cache of
 * about CACHE_BYTES, evicted by the clock algorithm (second chance).
 *
 * The report's stages read documents mostly in order (the passes over all paragraphs) and
 * otherwise a few at a time (a group's members, a paragraph's matches), so the cache holds
 * what they need. The scratch file is unlinked as soon as it is opened: it goes away with the
 * process, however that ends.
 */
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeDocument, encodeDocument } from '../../core/codec.js';
import type { Layout, Metadata, PreparedDocument } from '../../core/model.js';

/** Decoded documents kept in memory: enough for any group or match list, small beside the scan's tables. */
export const CACHE_BYTES = 96 * 2 ** 20;

function sizeOf(doc: PreparedDocument): number {
  return doc.numbers.byteLength + doc.at.byteLength + doc.textAt.byteLength + doc.texts.length * 2;
}

export class PagedDocument implements PreparedDocument {
  readonly id: string;
  readonly layout: Layout;
  readonly lineCount: number;
  readonly words: number;
  readonly count: number;
  metadata?: Metadata;
  /** The file's modification time, provenance's evidence: kept with the stub, as the metadata is. */
  modifiedAt?: number;
  /** The decoded document while it is cached (set and cleared by the pager). */
  loaded: PreparedDocument | null = null;
  /** Read since the clock hand last passed (second chance). */
  used = false;

  constructor(
    private readonly pager: DocumentPager,
    readonly offset: number,
    readonly length: number,
    doc: PreparedDocument,
  ) {
    this.id = doc.id;
    this.layout = doc.layout;
    this.lineCount = doc.lineCount;
    this.words = doc.words;
    this.count = doc.count;
    if (doc.metadata !== undefined) this.metadata = doc.metadata;
    if (doc.modifiedAt !== undefined) this.modifiedAt = doc.modifiedAt;
  }

  private get full(): PreparedDocument {
    this.used = true;
    return this.loaded ?? this.pager.load(this);
  }

  get numbers(): Uint32Array {
    return this.full.numbers;
  }

  get texts(): string {
    return this.full.texts;
  }

  get at(): Uint32Array {
    return this.full.at;
  }

  get textAt(): Uint32Array {
    return this.full.textAt;
  }
}

export class DocumentPager {
  private readonly fd: number;
  private end = 0;
  private readonly ring: PagedDocument[] = [];
  private hand = 0;
  private bytes = 0;
  /** Documents read back from disk (cache misses), for --verbose and the bench. */
  reads = 0;

  constructor(private readonly budget = CACHE_BYTES) {
    const file = path.join(os.tmpdir(), `dedupe-report-${process.pid}-${Date.now()}.documents`);
    this.fd = openSync(file, 'w+', 0o600);
    unlinkSync(file);
  }

  /** Writes `doc` to the scratch file; returns what stands for it. */
  store(doc: PreparedDocument): PagedDocument {
    const bytes = encodeDocument(doc);
    const offset = this.end;
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done, offset + done);
    this.end += bytes.length;
    return new PagedDocument(this, offset, bytes.length, doc);
  }

  load(stub: PagedDocument): PreparedDocument {
    const bytes = Buffer.allocUnsafe(stub.length);
    for (let done = 0; done < stub.length; ) {
      const read = readSync(this.fd, bytes, done, stub.length - done, stub.offset + done);
      if (read === 0) throw new Error('the report scratch file ended early');
      done += read;
    }
    const doc = decodeDocument(bytes);
    this.reads++;
    stub.loaded = doc;
    stub.used = true;
    this.ring.push(stub);
    this.bytes += sizeOf(doc);
    this.evict(stub);
    return doc;
  }

  /** Lets go of documents not read lately until the cache fits its budget (never `keep`). */
  private evict(keep: PagedDocument): void {
    let sweeps = 0;
    while (this.bytes > this.budget && this.ring.length > 1 && sweeps < this.ring.length * 2) {
      if (this.hand >= this.ring.length) this.hand = 0;
      const stub = this.ring[this.hand]!;
      sweeps++;
      if (stub === keep || stub.used) {
        stub.used = false;
        this.hand++;
        continue;
      }
      this.bytes -= sizeOf(stub.loaded!);
      stub.loaded = null;
      this.ring[this.hand] = this.ring[this.ring.length - 1]!;
      this.ring.pop();
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}

/**
 * Runs dedupe on converted corpus files through the library, as the CLI would: each file is
 * read with the CLI's reader (src/input/read.ts, so a file the CLI would skip is skipped here
 * too and counted), prepared once by a Signer, and scanned in whatever combination a scorer
 * asks for (a PAN pair, a COUNTER pair, a whole corpus).
 */
import path from 'node:path';
import { createSigner, resolveOptions, Scanner, type PreparedDocument, type Report, type ScanOptions, type Signer } from '../core/index.js';
import { readArticle } from '../input/read.js';

export class Engine {
  /** Files the reader refused (the converters should never produce one). */
  readonly skipped: string[] = [];

  private constructor(
    private readonly signer: Signer,
    /** Folder the converted files live in; document ids are paths relative to it. */
    readonly root: string,
    /** `--reworded thorough` (core/rewrite/families.ts) for the scans of 200 documents or more. */
    private readonly thoroughRewording: boolean,
    private readonly prepared = new Map<string, PreparedDocument>(),
  ) {}

  /** This engine scanning with `--reworded thorough`, its prepared documents shared (each file is read and signed once). */
  thorough(): Engine {
    return new Engine(this.signer, this.root, true, this.prepared);
  }

  /**
   * `allMatches` lists every match of a paragraph (maxMatches 0), which pair scores need; a
   * whole-corpus scan leaves it off, since a one-word line like Reuters' "Reuter" sign-off is
   * an exact match in 19,000 documents.
   */
  static async create(root: string, options: Partial<ScanOptions>, allMatches: boolean): Promise<Engine> {
    return new Engine(await createSigner(resolveOptions(allMatches ? { ...options, maxMatches: 0 } : options)), root, false);
  }

  /** Reads and prepares a converted file once; null when the reader refused it. */
  async document(id: string): Promise<PreparedDocument | null> {
    const cached = this.prepared.get(id);
    if (cached) return cached;
    const outcome = await readArticle(path.join(this.root, id));
    if (!outcome.ok) {
      this.skipped.push(`${id}: ${outcome.warning.message}`);
      return null;
    }
    const doc = this.signer.prepare({ id, text: outcome.text });
    this.prepared.set(id, doc);
    return doc;
  }

  /** Scans the given documents together and returns the report (documents refused by the reader are left out). */
  async scan(ids: readonly string[]): Promise<Report> {
    const scanner = new Scanner(this.signer);
    for (const id of ids) {
      const doc = await this.document(id);
      if (doc) scanner.addPrepared(doc);
    }
    return (await scanner.finish([], { wordOps: false, thoroughRewording: this.thoroughRewording })).report;
  }
}

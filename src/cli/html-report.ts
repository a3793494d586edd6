/**
 * --html <file>: the HTML report, written beside the usual output (which still goes to stdout,
 * so a CI job can keep both). The file is checked before the run (engine/output-file.ts); the
 * page keeps what it needs of each document as the documents go by (the JSON report streams
 * them, the human report holds them); the members of the groups the page shows in detail are
 * aligned with their originals by the core (ScanAnalysis.memberAlignment) and handed to the
 * renderer as data; the page is written once the run is done.
 */
import type { DiffBlock, DocumentReport, GroupReport, ReportSource, StoryPairReport } from '../core/index.js';
import { writeOutputFile } from '../engine/index.js';
import { alignmentKey, HTML_LIMITS, htmlDocument, planHtml, renderHtmlChunks, type HtmlDocument, type HtmlGate, type HtmlLimits, type HtmlPage, type HtmlPlan } from '../render/html.js';
import { storySides } from '../render/human.js';
import { printable } from '../render/text.js';
import type { CliIO } from './io.js';

/** The run as the page needs it: the report's head and groups, and member alignments on demand. */
export interface HtmlSource extends Pick<ReportSource, 'summary' | 'options' | 'warnings'> {
  groups: readonly GroupReport[];
  memberAlignment(group: number, member: number, reference: number): DiffBlock[] | null;
  /** The report's story pairs (each member's story-level call). */
  storyPairs(): readonly StoryPairReport[];
}

/** The page's title lists what was read up to this many characters. */
const TITLE_CHARS = 120;

export class HtmlReport {
  private readonly plan: HtmlPlan;
  private readonly documents: HtmlDocument[] = [];

  constructor(
    readonly file: string,
    private readonly source: HtmlSource,
    private readonly meta: { command: 'scan' | 'check'; paths: readonly string[]; generator: string; check?: HtmlGate },
    limits: HtmlLimits = HTML_LIMITS,
  ) {
    this.plan = planHtml(source.groups, source.summary, limits);
  }

  add(doc: DocumentReport): void {
    this.documents.push(htmlDocument(doc, this.plan));
  }

  /** `docs` as they are, each kept for the page on its way through. */
  *tap(docs: Iterable<DocumentReport>): Generator<DocumentReport> {
    for (const doc of docs) {
      this.add(doc);
      yield doc;
    }
  }

  /** Writes the page; returns its size in bytes. */
  write(cwd: string): number {
    const alignments = new Map<string, DiffBlock[]>();
    for (const [group, { reference, members }] of this.plan.aligned) {
      for (const member of members) {
        const blocks = this.source.memberAlignment(group, member, reference);
        if (blocks) alignments.set(alignmentKey(group, member), blocks);
      }
    }
    const named = `dedupe${this.meta.command === 'check' ? ' check' : ''} ${this.meta.paths.join(' ')}`.trim();
    const page: HtmlPage = {
      title: named.length > TITLE_CHARS ? `${named.slice(0, TITLE_CHARS - 1)}…` : named,
      generator: this.meta.generator,
      command: this.meta.command,
      summary: this.source.summary,
      options: this.source.options,
      warnings: this.source.warnings,
      groups: this.source.groups,
      documents: this.documents,
      plan: this.plan,
      extras: { alignments, stories: storySides(this.source.storyPairs()) },
    };
    if (this.meta.check) page.check = this.meta.check;
    return writeOutputFile(this.file, cwd, renderHtmlChunks(page), '--html');
  }
}

/** `source` whose documents also go to the page as the JSON report writes them. */
export function tappedSource(source: ReportSource, html: HtmlReport): ReportSource {
  return {
    schemaVersion: source.schemaVersion,
    options: source.options,
    summary: source.summary,
    warnings: source.warnings,
    documents: () => html.tap(source.documents()),
    groups: () => source.groups(),
    storyPairs: () => source.storyPairs(),
    files: () => source.files(),
  };
}

/** Writes the page and says where (not with --quiet). */
export function finishHtml(html: HtmlReport, io: CliIO, quiet: boolean): void {
  const bytes = html.write(io.cwd);
  if (!quiet) io.stderr.write(`dedupe: --html: report written to ${printable(html.file)} (${pageSize(bytes)})\n`);
}

/** A page's size as the --html line says it: KB below 100 KB (a 48 KB page was "0.0 MB"), else MB with one decimal. */
export function pageSize(bytes: number): string {
  return bytes < 100_000 ? `${Math.max(1, Math.round(bytes / 1000))} KB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

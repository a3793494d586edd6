/**
 * Reads a printed `--json` report the way tests want it: a scan or check report is read back
 * into the in-memory Report (paths in place of file numbers, every field present:
 * core/report-json.ts), with any fields `check` adds kept; anything else is returned as parsed.
 * Tests then read what the report says rather than how it is packed.
 */
import { fromJsonReport, type JsonReport } from '../../src/core/report-json.js';

export function readReport<T = unknown>(stdout: string): T {
  return expandReport<T>(JSON.parse(stdout));
}

/** As readReport, on a report already parsed. */
export function expandReport<T = unknown>(value: unknown): T {
  const parsed = value as Record<string, unknown>;
  if (!Array.isArray(parsed.files) || !Array.isArray(parsed.documents)) return parsed as T;
  const { schemaVersion, options, summary, files, documents, groups, storyPairs, warnings, ...extra } = parsed;
  const json = { schemaVersion, options, summary, files, documents, groups, storyPairs, warnings } as unknown as JsonReport;
  return { ...fromJsonReport(json), ...extra } as T;
}

/**
 * JSONL (JSON Lines, also called NDJSON) input: one article per line,
 * `{"id": "...", "text": "...", ...}`; every other field is kept as the document's metadata.
 * A line that is not such an object is skipped with a warning naming the source and the line,
 * so one bad line of a feed does not cost the rest. Blank lines are skipped silently.
 */
import type { JsonValue, Metadata, Warning } from '../core/types.js';
import { InputError } from './errors.js';
import { NEWLINE, splitRecords, type Chunks } from './records.js';

/** Names a file has when it holds JSONL articles (compared in lower case). */
export const JSONL_EXTENSIONS = ['.jsonl', '.ndjson'];

/** What messages call standard input. */
export const STDIN_NAME = '<stdin>';

export function isJsonl(file: string): boolean {
  const lower = file.toLowerCase();
  return JSONL_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

export interface JsonlArticle {
  id: string;
  text: string;
  metadata?: Metadata;
  /** 1-based line of the source. */
  line: number;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function badLine(source: string, line: number, reason: string): Warning {
  return { code: 'bad-line', path: source, line, message: `${source}:${line}: ${reason}; line skipped` };
}

/** What a JSON value is, for messages ("a number", "an array"). */
function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** One line: an article, a warning, or null for a blank line. `first`: the source's first line (may start with a BOM). */
export function parseJsonlLine(bytes: Uint8Array, source: string, line: number, first = false): JsonlArticle | Warning | null {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return badLine(source, line, 'not valid UTF-8');
  }
  if (first) text = text.replace(/^\ufeff/, '');
  if (text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return badLine(source, line, `not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return badLine(source, line, `${kind(value)}, not an object with "id" and "text"`);
  const { id, text: article, ...rest } = value as Record<string, JsonValue>;
  if (id === undefined) return badLine(source, line, 'no "id"');
  if (!((typeof id === 'string' && id !== '') || (typeof id === 'number' && Number.isFinite(id)))) {
    return badLine(source, line, `"id" must be a non-empty string or a number, got ${JSON.stringify(id)}`);
  }
  // A number past 2^53 is read rounded: 1850000000000000001 and ...002 both became
  // 1850000000000000000, one article replaced the other in the index (a new user). Its digits
  // cannot be kept by JSON.parse, so the line is refused rather than read as another id.
  if (typeof id === 'number' && Number.isInteger(id) && !Number.isSafeInteger(id)) {
    // The number as written: of the line's "id" members (a nested object may have its own), the one that reads as this id.
    const written = [...text.matchAll(/"id"\s*:\s*(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g)].map((m) => m[1]!).find((n) => Number(n) === id) ?? String(id);
    return badLine(source, line, `"id" ${written} is a number of 2^53 or more, which JSON readers round; give it as a string: "id": "${written}"`);
  }
  if (article === undefined) return badLine(source, line, 'no "text"');
  if (typeof article !== 'string') return badLine(source, line, `"text" must be a string, got ${kind(article)}`);
  const out: JsonlArticle = { id: String(id), text: article, line };
  if (Object.keys(rest).length > 0) out.metadata = rest;
  return out;
}

/**
 * Standard input whose first this many lines (or all, if fewer) are none of them JSON is not
 * JSONL at all: a text or a list of paths piped to `-` (`cat x.txt | dedupe -`, `ls | dedupe
 * -`), which gave a warning per line before the error that nothing could be read.
 */
export const NOT_JSONL_LINES = 3;

function isJson(bytes: Uint8Array): boolean {
  try {
    JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').replace(/^\ufeff/, ''));
    return true;
  } catch {
    return false;
  }
}

function notJsonl(): InputError {
  return new InputError(
    'standard input is not JSONL: its first lines are not JSON; the path - reads articles as JSON lines, {"id": ..., "text": ...} on each; ' +
      'for a list of paths, use --files-from -',
  );
}

/**
 * The articles and bad-line warnings of a JSONL stream, in line order. Standard input
 * (`source` STDIN_NAME) that does not start as JSON lines is one InputError, NOT_JSONL_LINES.
 */
export async function* readJsonl(chunks: Chunks, source: string): AsyncGenerator<JsonlArticle | Warning> {
  // Warnings of the first lines of standard input, held until it shows itself JSON or not.
  let held: Warning[] | null = source === STDIN_NAME ? [] : null;
  for await (const { bytes, number } of splitRecords(chunks, NEWLINE)) {
    // A CRLF file's lines end in CR, which JSON.parse takes as whitespace.
    const parsed = parseJsonlLine(bytes, source, number, number === 1);
    if (!parsed) continue;
    if (held !== null) {
      if ('code' in parsed && !isJson(bytes)) {
        held.push(parsed);
        if (held.length >= NOT_JSONL_LINES) throw notJsonl();
        continue;
      }
      yield* held;
      held = null;
    }
    yield parsed;
  }
  if (held !== null && held.length > 0) throw notJsonl();
}

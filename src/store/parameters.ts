/**
 * The signing parameters an index is built with, stored in its meta table. Signatures, band
 * keys and even paragraph boundaries depend on them, so a run that asks for different ones
 * would compare incomparable hashes and report garbage: that is an error, not a warning.
 *
 * - segment, min words, shingle size, number of hashes, seed: must be equal.
 * - threshold and containment only decide which pairs count as edited, but they also choose
 *   the LSH banding (bands × rows, see core/options.ts): `check` may use other values as long
 *   as they give the same banding, else the band keys in the index would not be the ones to look up.
 */
import { resolveOptions, SEGMENT_MODES } from '../core/options.js';
import type { ResolvedOptions, ScanOptions, SegmentMode } from '../core/types.js';
import { IndexError } from './errors.js';

export interface IndexParameters {
  segment: SegmentMode;
  minWords: number;
  shingleSize: number;
  numHashes: number;
  seed: number;
  threshold: number;
  containment: number;
  bands: number;
  rows: number;
}

type NumericParameter = Exclude<keyof IndexParameters, 'segment'>;

/** Meta keys and command-line spellings, in the order messages and `index stats` list them. */
export const PARAMETER_FLAGS: ReadonlyArray<readonly [keyof IndexParameters, string]> = [
  ['segment', '--segment'],
  ['minWords', '--min-words'],
  ['shingleSize', '--shingle-size'],
  ['numHashes', '--num-hashes'],
  ['seed', '--seed'],
  ['threshold', '--threshold'],
  ['containment', '--containment'],
  ['bands', 'bands'],
  ['rows', 'rows'],
];

/** Must be identical between the index and any run against it. */
const SIGNING: ReadonlyArray<keyof ScanOptions & keyof IndexParameters> = ['segment', 'minWords', 'shingleSize', 'numHashes', 'seed'];

export const META_PREFIX = 'parameter.';

export function parametersOf(options: ResolvedOptions): IndexParameters {
  const { segment, minWords, shingleSize, numHashes, seed, threshold, containment, bands, rows } = options;
  return { segment, minWords, shingleSize, numHashes, seed, threshold, containment, bands, rows };
}

export function parametersToMeta(parameters: IndexParameters): Array<[string, string]> {
  return PARAMETER_FLAGS.map(([key]) => [`${META_PREFIX}${key}`, String(parameters[key])]);
}

/** Reads the parameters back from meta rows; a missing or malformed one means a damaged index. */
export function parametersFromMeta(file: string, meta: ReadonlyMap<string, string>): IndexParameters {
  const damaged = (key: string, value: string | undefined): IndexError =>
    new IndexError(
      'corrupt',
      file,
      `${file}: the index is damaged (parameter ${key} is ${value === undefined ? 'missing' : `'${value}'`}); rebuild it with dedupe index add`,
    );
  const segment = meta.get(`${META_PREFIX}segment`);
  if (segment === undefined || !(SEGMENT_MODES as readonly string[]).includes(segment)) throw damaged('segment', segment);
  const numbers = {} as Record<NumericParameter, number>;
  for (const [key] of PARAMETER_FLAGS) {
    if (key === 'segment') continue;
    const raw = meta.get(`${META_PREFIX}${key}`);
    const value = raw === undefined ? NaN : Number(raw);
    if (!Number.isFinite(value)) throw damaged(key, raw);
    numbers[key] = value;
  }
  return { segment: segment as SegmentMode, ...numbers };
}

function describe(parameters: IndexParameters): string {
  return `--threshold ${parameters.threshold} --containment ${parameters.containment}`;
}

/** Per option the run asks for, the config file it came from (absent: the command line). */
export type RequestOrigins = Partial<Record<keyof ScanOptions, string>>;

/**
 * The options for a run against an index: the index's parameters, with the verification
 * thresholds and report options the user gave. `requested` holds only options given on the
 * command line or a config file (undefined = not given); `from` names the config file of those
 * that came from one. Throws IndexError 'parameters' on a disagreement, and OptionsError (from
 * the core) on an invalid value.
 */
export function optionsForIndex(file: string, stored: IndexParameters, requested: Partial<ScanOptions>, from: RequestOrigins = {}): ResolvedOptions {
  for (const key of SIGNING) {
    const asked = requested[key];
    if (asked === undefined || asked === stored[key]) continue;
    const flag = PARAMETER_FLAGS.find(([k]) => k === key)![1];
    const config = from[key];
    const asks = config === undefined ? `this run asks for ${flag} ${asked}` : `${config} sets ${key} ${asked}`;
    throw new IndexError(
      'parameters',
      file,
      `${file} was built with ${flag} ${stored[key]}, but ${asks}; ` +
        `leave ${config === undefined ? 'the option' : 'it'} out to use the index's value, or build a separate index (--db) with it`,
    );
  }
  const resolved = resolveOptions({
    ...requested,
    segment: stored.segment,
    minWords: stored.minWords,
    shingleSize: stored.shingleSize,
    numHashes: stored.numHashes,
    seed: stored.seed,
    threshold: requested.threshold ?? stored.threshold,
    containment: requested.containment ?? stored.containment,
  });
  if (resolved.bands !== stored.bands || resolved.rows !== stored.rows) {
    const configs = [...new Set([from.threshold, from.containment].filter((f): f is string => f !== undefined))];
    const where = configs.length > 0 ? ` (set in ${configs.join(', ')})` : '';
    throw new IndexError(
      'parameters',
      file,
      `${describe(resolved)}${where} needs LSH banding of ${resolved.bands} bands × ${resolved.rows} rows, but ${file} was built ` +
        `for ${stored.bands} × ${stored.rows} (${describe(stored)}); leave the options out, or build a separate index (--db) with them`,
    );
  }
  return resolved;
}

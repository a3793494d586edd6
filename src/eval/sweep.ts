/**
 * Parameter sweeps (`npm run eval -- --sweep shingleSize=2,3 --sweep threshold=0.4,0.5 ...`):
 * every combination of the given scan option values is evaluated and summarised as one row,
 * which is how the defaults were chosen (README "Accuracy").
 */
import type { ScanOptions } from '../core/index.js';
import type { EvalResult } from './run.js';
import { fmt } from './table.js';

type NumericOption = 'threshold' | 'containment' | 'shingleSize' | 'minWords' | 'numHashes' | 'seed';
const NUMERIC: readonly NumericOption[] = ['threshold', 'containment', 'shingleSize', 'minWords', 'numHashes', 'seed'];

/** Parses `name=v1,v2` specs into the cartesian product of option sets (in the order given). */
export function sweepGrid(specs: readonly string[]): Array<Partial<ScanOptions>> {
  let grid: Array<Partial<ScanOptions>> = [{}];
  for (const spec of specs) {
    const m = /^([A-Za-z]+)=(.+)$/.exec(spec.trim());
    const name = m?.[1] as NumericOption | undefined;
    if (!m || !name || !NUMERIC.includes(name)) {
      throw new Error(`--sweep ${spec}: expected name=v1,v2,... with name one of ${NUMERIC.join(', ')}`);
    }
    const values = m[2]!.split(',').map((v) => {
      const n = Number(v);
      if (v.trim() === '' || !Number.isFinite(n)) throw new Error(`--sweep ${spec}: '${v}' is not a number`);
      return n;
    });
    grid = grid.flatMap((options) => values.map((value) => ({ ...options, [name]: value })));
  }
  return grid;
}

export const SWEEP_HEADER = [
  'options',
  'PAN 01 called reused',
  'PAN 02 F1',
  'PAN 03 F1',
  'PAN 04 F1',
  'PAN 05 F1',
  'PAN 02 plagdet',
  'PAN 03 plagdet',
  'COUNTER macro-F1',
  'COUNTER all-pairs F1',
  'BBC exact found',
  'Reuters exact found',
  'BBC / Reuters linked pairs',
  'seconds',
];

/** One summary row of a sweep; figures not run are blank. */
export function sweepRow(options: Partial<ScanOptions>, result: EvalResult): string[] {
  const folder = (prefix: string) => result.pan?.find((f) => f.folder.startsWith(prefix));
  const label = Object.entries(options)
    .map(([k, v]) => `${k} ${String(v)}`)
    .join(', ');
  const duplicates = (d: EvalResult['bbc']): string => (d ? `${d.exactFound}/${d.exactGroups}` : '');
  const seconds = Object.values(result.seconds).reduce((s, v) => s + v, 0);
  return [
    label || 'defaults',
    folder('01') ? String(folder('01')!.predictedReused) : '',
    folder('02') ? fmt(folder('02')!.reused.f1) : '',
    folder('03') ? fmt(folder('03')!.reused.f1) : '',
    folder('04') ? fmt(folder('04')!.reused.f1) : '',
    folder('05') ? fmt(folder('05')!.reused.f1) : '',
    folder('02') ? fmt(folder('02')!.chars.plagdet) : '',
    folder('03') ? fmt(folder('03')!.chars.plagdet) : '',
    result.counter ? fmt(result.counter.stories.macroF1) : '',
    result.counter ? fmt(result.counter.allPairs.scores.f1) : '',
    duplicates(result.bbc),
    duplicates(result.reuters),
    result.bbc || result.reuters ? `${result.bbc?.linkedPairs ?? ''} / ${result.reuters?.linkedPairs ?? ''}` : '',
    seconds.toFixed(0),
  ];
}

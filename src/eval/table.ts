/**
 * The figures as Markdown tables (pasted into the README as they are printed), the targets
 * from the issue with a pass/fail mark, and a sample of near-duplicate pairs for review.
 * Pure: returns strings.
 */
import { COUNTER_LABELS } from './counter.js';
import type { DuplicateResult } from './duplicates.js';
import type { EvalResult } from './run.js';
import type { PanFolderResult } from './pan.js';

export function fmt(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined ? 'n/a' : value.toFixed(digits);
}

export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export interface Target {
  name: string;
  goal: string;
  value: string;
  met: boolean;
}

/** The targets of issue 11 ("Find rewritten copies"), for the figures that were run. */
export function targets(result: EvalResult): Target[] {
  const out: Target[] = [];
  const folder = (prefix: string) => result.pan?.find((f) => f.folder.startsWith(prefix));
  if (result.counter) {
    const f1 = result.counter.stories.macroF1;
    out.push({ name: 'COUNTER macro-F1, thresholds fitted on the other half', goal: '>= 0.75', value: fmt(f1), met: f1 >= 0.75 });
  }
  const f03 = folder('03');
  if (f03) out.push({ name: 'PAN 03 paragraph F1', goal: '>= 0.60', value: fmt(f03.reused.f1), met: (f03.reused.f1 ?? 0) >= 0.6 });
  const f02 = folder('02');
  if (f02) out.push({ name: 'PAN 02 paragraph F1', goal: '>= 0.965', value: fmt(f02.reused.f1), met: (f02.reused.f1 ?? 0) >= 0.965 });
  const f01 = folder('01');
  if (f01) out.push({ name: 'PAN 01 paragraphs called reused', goal: '0', value: String(f01.predictedReused), met: f01.predictedReused === 0 });
  // The same targets on the path a folder scan takes (session 23: met pair by pair, not there).
  const oneScan = (prefix: string) => result.panOneScan?.find((f) => f.folder.startsWith(prefix));
  const one03 = oneScan('03');
  if (one03) out.push({ name: 'PAN 03 paragraph F1, one scan of all the pairs\' documents', goal: '>= 0.60', value: fmt(one03.reused.f1), met: (one03.reused.f1 ?? 0) >= 0.6 });
  const one01 = oneScan('01');
  if (one01) out.push({ name: 'PAN 01 paragraphs called reused, one scan', goal: '0', value: String(one01.predictedReused), met: one01.predictedReused === 0 });
  // The same with --reworded thorough (core/rewrite/families.ts), the mode for such corpora.
  const thorough = (prefix: string) => result.panOneScanThorough?.find((f) => f.folder.startsWith(prefix));
  const thorough03 = thorough('03');
  if (thorough03) out.push({ name: 'PAN 03 paragraph F1, one scan, --reworded thorough', goal: '>= 0.60', value: fmt(thorough03.reused.f1), met: (thorough03.reused.f1 ?? 0) >= 0.6 });
  const thorough01 = thorough('01');
  if (thorough01) out.push({ name: 'PAN 01 paragraphs called reused, one scan, --reworded thorough', goal: '0', value: String(thorough01.predictedReused), met: thorough01.predictedReused === 0 });
  for (const d of [result.bbc, result.reuters]) {
    if (!d) continue;
    out.push({
      name: `${d.corpus === 'bbc' ? 'BBC' : 'Reuters'} exact-duplicate groups found`,
      goal: '100%',
      value: `${d.exactFound}/${d.exactGroups}`,
      met: d.exactFound === d.exactGroups,
    });
  }
  return out;
}

function optionsLine(result: EvalResult): string {
  const o = result.options;
  return (
    `dedupe options: shingle size ${o.shingleSize}, threshold ${o.threshold}, containment ${o.containment}, ` +
    `min words ${o.minWords}, ${o.numHashes} hashes (${o.bands} bands x ${o.rows} rows), segment ${o.segment}` +
    (result.limit === undefined ? '' : `; slice: first ${result.limit} per corpus unit`)
  );
}

function panTable(result: EvalResult): string | null {
  if (!result.pan) return null;
  const pairwise = panFolderTable('**PAN 2013 text alignment** (paragraphs of the suspicious documents, each pair scanned on its own)', result.pan);
  if (!result.panOneScan) return pairwise;
  const together = panFolderTable(
    `**PAN 2013, one scan** (the same pairs, all ${result.panOneScan.reduce((n, f) => n + f.pairs, 0)} scored in one scan of all their documents together, as \`dedupe src susp\` runs)`,
    result.panOneScan,
  );
  if (!result.panOneScanThorough) return [pairwise, '', together].join('\n');
  const thorough = panFolderTable('**PAN 2013, one scan, `--reworded thorough`** (the same scan, its candidate pairs also aligned as a scan of two documents aligns them)', result.panOneScanThorough);
  return [pairwise, '', together, '', thorough].join('\n');
}

function panFolderTable(title: string, folders: readonly PanFolderResult[]): string {
  const rows = folders.map((f) => [
    f.folder,
    String(f.pairs),
    String(f.paragraphs),
    String(f.goldReused),
    String(f.predictedReused),
    fmt(f.reused.precision),
    fmt(f.reused.recall),
    fmt(f.reused.f1),
    fmt(f.calledShared),
    fmt(f.chars.precision),
    fmt(f.chars.recall),
    fmt(f.chars.granularity, 2),
    fmt(f.chars.plagdet),
  ]);
  return [
    title,
    '',
    table(
      ['folder', 'pairs', 'paragraphs', 'gold reused', 'called reused', 'precision', 'recall', 'F1', 'called shared', 'char precision', 'char recall', 'granularity', 'plagdet'],
      rows,
    ),
  ].join('\n');
}

function counterTable(result: EvalResult): string | null {
  const c = result.counter;
  if (!c) return null;
  const t = (x: { partial: number; whole: number }): string => `PD >= ${fmt(x.partial, 2)}, WD >= ${fmt(x.whole, 2)}`;
  const calls = (x: { partial: number; whole: number }): string => `PD: mean of words and bigrams >= ${fmt(x.partial, 3)}, WD: words or reused >= ${fmt(x.whole, 3)}`;
  const s = c.stories;
  const matrixRows = COUNTER_LABELS.map((label, g) => [`gold ${label}`, ...s.confusion[g]!.map(String), fmt(s.meanWords[label]), String(s.linked[label])]);
  return [
    `**COUNTER** (${c.pairs} Urdu agency/newspaper pairs, each scanned on its own): the report's story-level call, the newspaper story's words and bigrams found in its agency story`,
    '',
    table(
      ['figure', 'value'],
      [
        ['macro-F1 WD/PD/ND, story-level call (thresholds fitted on the other half)', fmt(s.macroF1)],
        ['accuracy', fmt(s.accuracy)],
        ['thresholds fitted on odd-numbered stories', calls(s.thresholds.odd)],
        ['thresholds fitted on even-numbered stories', calls(s.thresholds.even)],
        ['thresholds fitted on all stories (the constants in core/rewrite/story-reuse.ts)', calls(s.all)],
        [
          `derived vs ND over all ${c.allPairs.candidates} agency x newspaper pairs (one scan): precision / recall / F1`,
          `${fmt(c.allPairs.scores.precision)} / ${fmt(c.allPairs.scores.recall)} / ${fmt(c.allPairs.scores.f1)}`,
        ],
        [
          'the same, `--reworded thorough`',
          `${fmt(c.allPairsThorough.scores.precision)} / ${fmt(c.allPairsThorough.scores.recall)} / ${fmt(c.allPairsThorough.scores.f1)}`,
        ],
        ['before issue 11: macro-F1 of the share in matched paragraphs (held out)', fmt(c.paragraphs.macroF1)],
        ['  its thresholds, odd / even', `${t(c.paragraphs.thresholds.odd)} / ${t(c.paragraphs.thresholds.even)}`],
        [
          'reference, not dedupe: macro-F1 of whole-story word n-gram containment, n = ' + c.reference.map((r) => r.n).join(' / '),
          c.reference.map((r) => fmt(r.macroF1)).join(' / '),
        ],
      ],
    ),
    '',
    table(['', 'called WD', 'called PD', 'called ND', 'mean words', 'pairs linked'], matrixRows),
  ].join('\n');
}

function duplicatesTable(result: EvalResult): string | null {
  const rowsOf = (d: DuplicateResult | undefined, mode: string): Array<[DuplicateResult, string]> => (d ? [[d, mode]] : []);
  const list = [...rowsOf(result.bbc, ''), ...rowsOf(result.bbcThorough, ', --reworded thorough'), ...rowsOf(result.reuters, ''), ...rowsOf(result.reutersThorough, ', --reworded thorough')];
  if (list.length === 0) return null;
  return [
    '**BBC News and Reuters-21578** (whole corpus in one scan)',
    '',
    table(
      ['corpus', 'documents', 'exact-duplicate groups (byte-identical)', 'found', 'dedupe groups', 'documents in groups', 'largest group', 'linked pairs', 'near-duplicate pairs', 'paragraphs shared / edited / unique'],
      list.map(([d, mode]) => [
        (d.corpus === 'bbc' ? 'BBC' : 'Reuters-21578') + mode,
        String(d.documents),
        `${d.exactGroups} (${d.byteIdenticalGroups})`,
        `${d.exactFound} (${fmt(d.exactRecall === null ? null : d.exactRecall * 100, 1)}%)`,
        String(d.groups),
        String(d.documentsInGroups),
        String(d.largestGroup),
        String(d.linkedPairs),
        String(d.nearDuplicatePairs.length),
        `${d.paragraphs.shared} / ${d.paragraphs.edited} / ${d.paragraphs.unique}`,
      ]),
    ),
  ].join('\n');
}

/** Evenly spaced near-duplicate pairs (deterministic), with titles and shares, plus missed groups. */
export function renderSamples(result: EvalResult, count: number): string {
  const out: string[] = [];
  for (const d of [result.bbc, result.reuters]) {
    if (!d) continue;
    const name = d.corpus === 'bbc' ? 'BBC' : 'Reuters-21578';
    for (const group of d.missed) out.push(`${name}: exact-duplicate group not found: ${group.join(', ')}`);
    const pairs = d.nearDuplicatePairs;
    if (pairs.length === 0 || count === 0) continue;
    const step = pairs.length / Math.min(count, pairs.length);
    out.push(`${name}: ${Math.min(count, pairs.length)} of ${pairs.length} near-duplicate pairs (share of each in shared paragraphs):`);
    for (let i = 0; i < Math.min(count, pairs.length); i++) {
      const p = pairs[Math.floor(i * step)]!;
      out.push(`  ${p.a} (${fmt(p.shareA, 2)}) "${p.titleA}"`);
      out.push(`    ~ ${p.b} (${fmt(p.shareB, 2)}) "${p.titleB}"`);
    }
  }
  return out.join('\n');
}

export function renderTables(result: EvalResult): string {
  const parts = [optionsLine(result), panTable(result), counterTable(result), duplicatesTable(result)].filter((p): p is string => p !== null);
  const goals = targets(result);
  if (goals.length > 0) {
    parts.push(
      [
        '**Targets**',
        '',
        table(
          ['figure', 'target', 'value', 'met'],
          goals.map((g) => [g.name, g.goal, g.value, g.met ? 'yes' : 'no']),
        ),
      ].join('\n'),
    );
  }
  if (result.skipped.length > 0) parts.push(`Files the reader refused: ${result.skipped.join('; ')}`);
  return parts.join('\n\n') + '\n';
}

/**
 * The figures: precision/recall/F1 from counts, macro-F1 and confusion matrices for labelled
 * classes, and PAN's character-level measures for text alignment.
 *
 * Undefined ratios (nothing predicted, nothing to find) are null, not 0 or 1: a table then
 * shows "n/a" instead of a figure that looks measured.
 */
import { coveredLength, intersect, type Interval } from './text.js';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface PRF {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export function prf({ tp, fp, fn }: Counts): PRF {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

/** matrix[gold][predicted] = count, over the labels in order. */
export type Confusion = number[][];

export function confusion<L extends string>(labels: readonly L[], items: ReadonlyArray<{ gold: L; predicted: L }>): Confusion {
  const matrix = labels.map(() => labels.map(() => 0));
  for (const { gold, predicted } of items) {
    const g = labels.indexOf(gold);
    const p = labels.indexOf(predicted);
    if (g < 0 || p < 0) throw new RangeError(`label outside ${labels.join('/')}: ${gold} -> ${predicted}`);
    matrix[g]![p]!++;
  }
  return matrix;
}

/** Unweighted mean of the per-class F1 (a class never predicted nor present is left out). */
export function macroF1(matrix: Confusion): number {
  const scores: number[] = [];
  matrix.forEach((row, k) => {
    const tp = row[k]!;
    const fn = row.reduce((s, v) => s + v, 0) - tp;
    const fp = matrix.reduce((s, r) => s + r[k]!, 0) - tp;
    if (tp + fn + fp === 0) return;
    scores.push(prf({ tp, fp, fn }).f1 ?? 0);
  });
  return scores.length === 0 ? 0 : scores.reduce((s, v) => s + v, 0) / scores.length;
}

export function accuracy(matrix: Confusion): number | null {
  let correct = 0;
  let total = 0;
  matrix.forEach((row, g) =>
    row.forEach((v, p) => {
      total += v;
      if (g === p) correct += v;
    }),
  );
  return ratio(correct, total);
}

/**
 * A plagiarism case or a detection: a span in the suspicious document and a span in the
 * source, tagged with the pair they belong to (spans of different pairs never meet).
 */
export interface Alignment {
  pair: string;
  suspicious: Interval;
  source: Interval;
}

export interface PanCharMeasures {
  precision: number | null;
  recall: number | null;
  granularity: number | null;
  plagdet: number | null;
  cases: number;
  detections: number;
}

/**
 * PAN's character-level measures (Potthast, Stein, Barrón-Cedeño & Rosso, "An Evaluation
 * Framework for Plagiarism Detection", COLING 2010), as in PAN's perfmeasures.py:
 * a detection r detects a case s when their spans overlap in both documents; then
 * s ⊓ r is their overlap in both. recall = mean over cases of |∪_r (s ⊓ r)| / |s|,
 * precision = mean over detections of |∪_s (s ⊓ r)| / |r|, granularity = mean number of
 * detections per detected case, plagdet = F1 / log2(1 + granularity).
 */
export function panCharMeasures(cases: readonly Alignment[], detections: readonly Alignment[]): PanCharMeasures {
  const byPair = new Map<string, { cases: Alignment[]; detections: Alignment[] }>();
  const slot = (pair: string) => {
    let entry = byPair.get(pair);
    if (!entry) byPair.set(pair, (entry = { cases: [], detections: [] }));
    return entry;
  };
  for (const c of cases) slot(c.pair).cases.push(c);
  for (const d of detections) slot(d.pair).detections.push(d);

  const length = (a: Alignment): number => a.suspicious[1] - a.suspicious[0] + (a.source[1] - a.source[0]);
  const detects = (s: Alignment, r: Alignment): boolean =>
    intersect(s.suspicious, r.suspicious) !== null && intersect(s.source, r.source) !== null;
  /** |∪_o (x ⊓ o)| over the others that overlap x in both documents, and how many did. */
  const covered = (x: Alignment, others: readonly Alignment[]): { chars: number; by: number } => {
    const inSuspicious: Interval[] = [];
    const inSource: Interval[] = [];
    for (const o of others) {
      if (!detects(x, o)) continue;
      inSuspicious.push(o.suspicious);
      inSource.push(o.source);
    }
    return { chars: coveredLength(x.suspicious, inSuspicious) + coveredLength(x.source, inSource), by: inSource.length };
  };

  let recallSum = 0;
  let precisionSum = 0;
  let detected = 0;
  let detectionsOfDetected = 0;
  for (const entry of byPair.values()) {
    for (const s of entry.cases) {
      const { chars, by } = covered(s, entry.detections);
      const size = length(s);
      recallSum += size === 0 ? 0 : chars / size;
      if (by > 0) {
        detected++;
        detectionsOfDetected += by;
      }
    }
    for (const r of entry.detections) {
      const size = length(r);
      precisionSum += size === 0 ? 0 : covered(r, entry.cases).chars / size;
    }
  }
  const recall = ratio(recallSum, cases.length);
  const precision = ratio(precisionSum, detections.length);
  const granularity = ratio(detectionsOfDetected, detected);
  let plagdet: number | null = null;
  if (precision !== null && recall !== null) {
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    plagdet = f1 / Math.log2(1 + (granularity ?? 1));
  }
  return { precision, recall, granularity, plagdet, cases: cases.length, detections: detections.length };
}

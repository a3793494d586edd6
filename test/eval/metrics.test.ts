/** The scoring arithmetic on hand-made cases whose figures are worked out in the comments. */
import { describe, expect, it } from 'vitest';
import { classify, classifyStory, fitCallThresholds, fitThresholds, type CounterLabel } from '../../src/eval/counter.js';
import { accuracy, confusion, macroF1, panCharMeasures, prf, type Alignment } from '../../src/eval/metrics.js';

describe('precision, recall, F1', () => {
  it('computes them from counts and leaves undefined ratios null', () => {
    expect(prf({ tp: 8, fp: 2, fn: 8 })).toEqual({ precision: 0.8, recall: 0.5, f1: (2 * 0.8 * 0.5) / 1.3 });
    expect(prf({ tp: 0, fp: 0, fn: 3 })).toEqual({ precision: null, recall: 0, f1: null });
    expect(prf({ tp: 0, fp: 0, fn: 0 })).toEqual({ precision: null, recall: null, f1: null });
  });

  it('macro-F1 averages per-class F1 over the confusion matrix', () => {
    const labels = ['A', 'B'] as const;
    // A: tp 3, fn 1, fp 0 -> F1 6/7; B: tp 2, fn 0, fp 1 -> F1 4/5.
    const matrix = confusion(labels, [
      { gold: 'A', predicted: 'A' },
      { gold: 'A', predicted: 'A' },
      { gold: 'A', predicted: 'A' },
      { gold: 'A', predicted: 'B' },
      { gold: 'B', predicted: 'B' },
      { gold: 'B', predicted: 'B' },
    ]);
    expect(matrix).toEqual([
      [3, 1],
      [0, 2],
    ]);
    expect(macroF1(matrix)).toBeCloseTo((6 / 7 + 4 / 5) / 2, 12);
    expect(accuracy(matrix)).toBeCloseTo(5 / 6, 12);
  });
});

describe("PAN's character-level measures", () => {
  const gold: Alignment = { pair: 'p', suspicious: [100, 200], source: [0, 100] };

  it('a detection equal to the case scores 1 everywhere', () => {
    expect(panCharMeasures([gold], [{ ...gold }])).toMatchObject({ precision: 1, recall: 1, granularity: 1, plagdet: 1 });
  });

  it('half a case found in two pieces: recall 0.5, granularity 2', () => {
    const detections: Alignment[] = [
      { pair: 'p', suspicious: [100, 125], source: [0, 25] },
      { pair: 'p', suspicious: [125, 150], source: [25, 50] },
    ];
    const m = panCharMeasures([gold], detections);
    expect(m.recall).toBeCloseTo(0.5, 12);
    expect(m.precision).toBeCloseTo(1, 12);
    expect(m.granularity).toBe(2);
    // F1 = 2/3, divided by log2(3).
    expect(m.plagdet).toBeCloseTo(2 / 3 / Math.log2(3), 12);
  });

  it('a detection overlapping the case in one document only detects nothing', () => {
    const m = panCharMeasures([gold], [{ pair: 'p', suspicious: [100, 200], source: [500, 600] }]);
    expect(m).toMatchObject({ precision: 0, recall: 0, granularity: null });
  });

  it('a detection twice the size of the case halves precision; other pairs never meet', () => {
    const wide: Alignment = { pair: 'p', suspicious: [50, 250], source: [0, 200] };
    const elsewhere: Alignment = { pair: 'q', suspicious: [100, 200], source: [0, 100] };
    const m = panCharMeasures([gold], [wide, elsewhere]);
    expect(m.recall).toBeCloseTo(1, 12);
    expect(m.precision).toBeCloseTo((0.5 + 0) / 2, 12);
  });

  it('no detections: precision undefined, recall 0', () => {
    expect(panCharMeasures([gold], [])).toMatchObject({ precision: null, recall: 0, plagdet: null });
  });
});

describe('COUNTER thresholds', () => {
  it('fits two thresholds that separate well-separated classes, and classifies with them', () => {
    const items: Array<{ share: number; label: CounterLabel }> = [
      ...[0, 0.02, 0.05].map((share) => ({ share, label: 'ND' as const })),
      ...[0.2, 0.3, 0.45].map((share) => ({ share, label: 'PD' as const })),
      ...[0.8, 0.9, 1].map((share) => ({ share, label: 'WD' as const })),
    ];
    const t = fitThresholds(items);
    expect(t.partial).toBeGreaterThan(0.05);
    expect(t.partial).toBeLessThanOrEqual(0.2);
    expect(t.whole).toBeGreaterThan(0.45);
    expect(t.whole).toBeLessThanOrEqual(0.8);
    for (const item of items) expect(classify(item.share, t)).toBe(item.label);
  });
});

describe('COUNTER story-level call', () => {
  it('fits WD on words and PD on the mean of words and bigrams: a story with the words but not the phrasing is not derived', () => {
    const items = [
      { number: '1', label: 'ND' as const, words: 0.5, bigrams: 0.02, reused: 0 },
      { number: '2', label: 'ND' as const, words: 0.3, bigrams: 0.05, reused: 0 },
      { number: '3', label: 'PD' as const, words: 0.45, bigrams: 0.3, reused: 0 },
      { number: '4', label: 'PD' as const, words: 0.4, bigrams: 0.35, reused: 0 },
      { number: '5', label: 'WD' as const, words: 0.9, bigrams: 0.8, reused: 0 },
      { number: '6', label: 'WD' as const, words: 0.85, bigrams: 0.6, reused: 0 },
    ];
    const t = fitCallThresholds(items);
    for (const item of items) expect(classifyStory(item, t)).toBe(item.label);
    expect(t.whole).toBeGreaterThan(0.5);
    expect(t.whole).toBeLessThanOrEqual(0.85);
  });
});

/** Issue 11, defect 1: a reprint that keeps only the first paragraphs of a wire story is that story's reprint, not a site footer. */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/types.js';
import { runJson } from '../helpers/in-process.js';

const DIR = 'fixtures/trimmed-reprint';

describe('a trimmed reprint (fixtures/trimmed-reprint)', () => {
  it('shares its four paragraphs with the full copies and joins their group', async () => {
    const { report, result } = await runJson<Report>([DIR]);
    expect(result.code).toBe(0);
    const trimmed = report.documents.find((d) => d.path === `${DIR}/first-four.txt`)!;
    expect(trimmed.segments.map((s) => s.status)).toEqual(['shared', 'shared', 'shared', 'shared']);
    expect(trimmed.group).not.toBeNull();
    expect(report.groups).toHaveLength(1);
    expect(report.groups[0]!.documents).toEqual([`${DIR}/first-four.txt`, `${DIR}/wire-copy.txt`, `${DIR}/wire.txt`]);
    expect(report.summary.boilerplate).toBe(0);
  });
});

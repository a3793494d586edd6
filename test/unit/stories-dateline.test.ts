/**
 * A headline followed by a datelined lede opens a story whatever the gap (text/stories.ts,
 * text/dateline.ts; fixtures/bundle-datelined-story), and nothing less does at the usual gap.
 */
import { describe, expect, it } from 'vitest';
import { opensWithDateline } from '../../src/core/text/dateline.js';
import { detectStories } from '../../src/core/text/stories.js';
import { segment } from '../../src/core/text/segment.js';

const stories = (lines: string[]): Array<[number, number]> => detectStories(segment(lines.join('\n\n')).segments).map((s) => [s.startLine, s.endLine]);
const wire = ['Blast rattles homes', 'HOLLOWAY, Wales (AP) — A blast shook homes.', 'The operator said the charge was usual.', 'Residents felt the ground move.', 'The council will inspect every home.'];
const body = ['Their teacher said the singers rehearsed twice a week.', 'The judges praised the blend.', 'Parents are raising money for the trip.'];

describe('opensWithDateline', () => {
  it('reads credited and bare datelines', () => {
    expect(opensWithDateline('HOLLOWAY, Wales (AP) — A blast shook homes.')).toBe(true);
    expect(opensWithDateline('NEW YORK, June 4 (Reuters) - Stocks rose.')).toBe(true);
    expect(opensWithDateline('MARLOW BAY (Coastal Press) — The ferry ran late.')).toBe(true);
    expect(opensWithDateline('PEN-Y-GARN, Wales — The choir won.')).toBe(true);
    expect(opensWithDateline('WASHINGTON, Nov. 4, 2024 — The vote was close.')).toBe(true);
    expect(opensWithDateline('  PORTSMOUTH, Maine — The port reopened.')).toBe(true);
  });

  it('reads no dateline in running text, a label or an acronym before a hyphen', () => {
    expect(opensWithDateline('The choir of Pen-y-Garn won — again.')).toBe(false);
    expect(opensWithDateline('BREAKING — The choir won.')).toBe(false);
    expect(opensWithDateline('NASA - the US space agency - said.')).toBe(false);
    expect(opensWithDateline('Artificial general intelligence (AGI) — a term.')).toBe(false);
    // A bare place needs its region or date as a story's lede: capitals before a dash alone are
    // as often an acronym or a label, and a comma before a clause is a sentence (review).
    expect(opensWithDateline('PEN-Y-GARN — The choir won.')).toBe(false);
    expect(opensWithDateline('NATO — the alliance of 32 countries — will decide.')).toBe(false);
    expect(opensWithDateline("EDITOR'S NOTE — This story was updated.")).toBe(false);
    expect(opensWithDateline('USA, Canada and Mexico agreed on Monday - and more.')).toBe(false);
  });
});

describe('a story opened by its headline and datelined lede', () => {
  it('is cut at the usual gap', () => {
    expect(stories([...wire, 'School choir wins title', 'PEN-Y-GARN, Wales — The choir won on Saturday.', ...body])).toEqual([
      [1, 9],
      [11, 19],
    ]);
  });

  it('needs the headline: a dated lede quoted in running text is the same story', () => {
    expect(stories([...wire, 'He recalled the report:', 'PEN-Y-GARN, Wales — The choir won on Saturday.', ...body])).toHaveLength(1);
  });

  it('needs the dateline: a subhead at the usual gap is the same story', () => {
    expect(stories([...wire, 'What the council said', 'The choir won on Saturday.', ...body])).toHaveLength(1);
  });

  it('steps over a byline or a date between the headline and the lede, cutting at the headline (review)', () => {
    expect(stories([...wire, 'School choir wins title', 'By Jane Doe, Staff Writer', 'PEN-Y-GARN, Wales — The choir won on Saturday.', ...body])).toEqual([
      [1, 9],
      [11, 21],
    ]);
  });

  it('needs three paragraphs each side', () => {
    expect(stories([...wire, 'School choir wins title', 'PEN-Y-GARN, Wales — The choir won on Saturday.'])).toHaveLength(1);
    expect(stories(['Blast rattles homes', 'A blast shook homes.', 'School choir wins title', 'PEN-Y-GARN, Wales — The choir won.', ...body])).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import type { AlignParagraph } from '../../src/core/align/align.js';
import { analyseGroup, latestDate, latestMoment, publicationText, publishedDate, wireEvidence, type StoryView } from '../../src/core/scan/provenance.js';
import { scanDocuments } from '../../src/core/index.js';
import { detectStories } from '../../src/core/text/stories.js';
import { segment } from '../../src/core/text/segment.js';

const p = (text: string): AlignParagraph => ({ startLine: 1, endLine: 1, text, words: text.split(/\s+/).length, textKey: null, shingles: null, tokens: new Uint32Array(0) });

describe('wire evidence', () => {
  it('reads agency datelines, bare datelines, closing credits and attributions', () => {
    expect(wireEvidence([p('KYIV, Ukraine (AP) — US and South Korean officials said')])).toEqual([{ kind: 'dateline', detail: 'KYIV, Ukraine (AP) —', weight: 3 }]);
    expect(wireEvidence([p('LONDON (Reuters) - Britain said on Monday')])[0]).toMatchObject({ kind: 'dateline', weight: 3 });
    expect(wireEvidence([p('(Reuters) - Oil prices rose on Tuesday')])[0]).toMatchObject({ kind: 'dateline', weight: 3 });
    expect(wireEvidence([p(' date 2024-11-04 KYIV, Ukraine -- The Biden administration said'), p('Officials in Kyiv say. (AP)')])).toEqual([
      { kind: 'dateline', detail: 'KYIV, Ukraine --', weight: 1 },
      { kind: 'credit', detail: '(AP)', weight: 1 },
    ]);
    expect(wireEvidence([p('Officials said so, The Associated Press said.')])).toEqual([{ kind: 'attribution', detail: 'The Associated Press said', weight: -2 }]);
    // The credit line closing an outlet's story names its source too (a new user's run).
    expect(wireEvidence([p('The council voted on Tuesday.'), p('The Associated Press contributed to this report.')])).toEqual([
      { kind: 'attribution', detail: 'The Associated Press contributed to this report', weight: -2 },
    ]);
    expect(wireEvidence([p('Reuters contributed reporting.')])[0]).toMatchObject({ kind: 'attribution', detail: 'Reuters contributed reporting' });
    // The other credit lines a newspaper closes a rewrite of wire copy with (a new user's run: a
    // rewrite with the first came out a wire "version").
    const credited = (line: string): string | undefined => wireEvidence([p('The council voted on Tuesday.'), p(line)]).find((r) => r.kind === 'attribution')?.detail;
    expect(credited('Information from The Associated Press was used in this report.')).toBe('Information from The Associated Press was used');
    expect(credited('Material from Reuters was used in this story.')).toBe('Material from Reuters was used');
    expect(credited('This article includes reporting from The Associated Press.')).toBe('includes reporting from The Associated Press');
    expect(credited('The Associated Press contributed to this story.')).toBe('The Associated Press contributed to this story');
    expect(credited('With additional reporting by AFP.')).toBe('With additional reporting by AFP');
    // Names the agencies alone: a person's reporting, or a word that merely ends like one, is none.
    expect(credited('This article includes reporting from Jane Roe.')).toBeUndefined();
    expect(credited('Information from the county was used in this report.')).toBeUndefined();
    // As written, whatever the dash (a new user's run).
    expect(wireEvidence([p('MARLOW BAY — The Marlow town council voted')])).toEqual([{ kind: 'dateline', detail: 'MARLOW BAY —', weight: 1 }]);
    // A name in brackets no list holds is as often the outlet's own credit (the bench corpus's
    // reprints carry theirs) and is no evidence; agencies beyond the attribution list are (review).
    expect(wireEvidence([p('MARLOW BAY (Coastal Press) — The Marlow town council voted')])).toEqual([]);
    expect(wireEvidence([p('NEW YORK (The Kingsbury Courier) — The')])).toEqual([]);
    expect(wireEvidence([p('TORONTO (Canadian Press) — The')])).toEqual([{ kind: 'dateline', detail: 'TORONTO (Canadian Press) —', weight: 3 }]);
    expect(wireEvidence([p('The council met. (AAP)'), p('It voted. (AAP)')])).toEqual([{ kind: 'credit', detail: '(AAP)', weight: 1 }]);
    // A date in a credited dateline, a hyphen after a bare one (a new user's Reuters copies).
    expect(wireEvidence([p('NEW YORK, June 4 (Reuters) - Oil prices rose')])).toEqual([{ kind: 'dateline', detail: 'NEW YORK, June 4 (Reuters) -', weight: 3 }]);
    expect(wireEvidence([p('WASHINGTON, Nov. 4, 2024 (AP) — The')])[0]).toMatchObject({ detail: 'WASHINGTON, Nov. 4, 2024 (AP) —', weight: 3 });
    expect(wireEvidence([p('NEW YORK, June 4 - Oil prices rose more than 2% - on')])).toEqual([{ kind: 'dateline', detail: 'NEW YORK, June 4 -', weight: 1 }]);
    // Acronyms that are as often no agency, an all-capitals headline or name before a hyphen: none (review).
    for (const lede of ['Artificial general intelligence (AGI) — is near', 'Canadian Pacific Kansas City (CP) - said', 'PEP BOYS - said it', 'NASA - the US space agency - said', 'NEW YORK - Oil']) {
      expect(wireEvidence([p(lede)]), lede).toEqual([]);
    }
    expect(wireEvidence([p('LONDON (REUTERS) - Oil')])[0]).toMatchObject({ weight: 3 });
    // A story's label, a ticker, a figure in brackets, a two-letter word: no dateline (review).
    for (const label of ['UPDATE (2) — Officials said', 'EXCLUSIVE (VIDEO) — The mayor', 'ACME CORP (NASDAQ: ACME) — The company', 'OPINION (Guest column) — I have', 'BREAKING (LIVE UPDATES) — Police say', 'UPDATE — Officials', 'US - China talks resume']) {
      expect(wireEvidence([p(label)]), label).toEqual([]);
    }
    expect(wireEvidence([p('Russian President Vladimir Putin and North Korean leader Kim Jong Un. (AFP)')])).toEqual([]);
  });

  it('finds the latest full date a text mentions', () => {
    expect(latestDate('date 2024-11-04 ... said Thursday, October 31, 2024, that')).toBe('2024-11-04');
    expect(latestDate('on Oct. 27, 2024 and 3 November 2024')).toBe('2024-11-03');
    expect(latestDate('since August 2023')).toBeNull();
    expect(latestDate('Sunday, 27 February\n\n1500 GMT')).toBeNull();
    expect(latestDate('in 27 Feb 1066')).toBeNull();
  });

  it('reads the time of day written after the latest date, on a 24-hour clock', () => {
    expect(latestMoment('Published June 13, 2026 3:05 PM')).toEqual({ date: '2026-06-13', time: '15:05' });
    expect(latestMoment('Updated 13 June 2026, at 9:40 p.m. ET')).toEqual({ date: '2026-06-13', time: '21:40' });
    expect(latestMoment('2026-06-13 15:05')).toEqual({ date: '2026-06-13', time: '15:05' });
    expect(latestMoment('June 13, 2026 12:30 a.m.')).toEqual({ date: '2026-06-13', time: '00:30' });
    // The latest time on the latest day; a date without a time has none.
    expect(latestMoment('Published June 13, 2026 3:05 PM. Updated June 13, 2026 9:40 PM')).toEqual({ date: '2026-06-13', time: '21:40' });
    expect(latestMoment('Published June 13, 2026 3:05 PM. Updated June 14, 2026')).toEqual({ date: '2026-06-14', time: null });
    // Not a time: a figure after the date, an hour that does not exist.
    expect(latestMoment('June 13, 2026 3,000 people')).toEqual({ date: '2026-06-13', time: null });
    expect(latestMoment('June 13, 2026 13:05 PM')).toEqual({ date: '2026-06-13', time: null });
    expect(latestMoment('no date here 3:05 PM')).toBeNull();
  });

  it('reads only days that exist: a typo such as "February 31" is no latest date', () => {
    expect(latestDate('Published February 31, 2024; updated February 28, 2024')).toBe('2024-02-28');
    expect(latestDate('2024-13-01 and 2024-04-31')).toBeNull();
    expect(latestDate('0 March 2024')).toBeNull();
    expect(latestDate('29 Feb 2024')).toBe('2024-02-29');
    expect(latestDate('29 Feb 2023')).toBeNull();
  });

  it("reads a story's dates where it says when it was published, not in its text (found by a new user)", () => {
    const body = (...texts: string[]): string | null => latestDate(publicationText(texts.map(p)));
    const long = 'The council voted on Tuesday to rebuild the old road along the river, after a decade of debate over its cost.';
    // Above the lede (a date line, a byline), in the dateline, or just past its dash.
    expect(body('Published March 3, 2025', long)).toBe('2025-03-03');
    expect(body('WASHINGTON, Nov. 4, 2024 (Reuters) - ' + long)).toBe('2024-11-04');
    expect(body('PORTSMOUTH, Maine (AP) — Nov. 4, 2024: ' + long)).toBe('2024-11-04');
    // A short publication line anywhere.
    expect(body(long, 'Updated 14:02 GMT, 5 November 2024')).toBe('2024-11-05');
    // A date the story is about: in its text, or in a notice's lede without a dateline.
    expect(body(long, 'The river road was first paved on May 9, 1955, and last resurfaced in 1990.')).toBeNull();
    expect(body('The Hokkaido Bank Ltd is issuing a 100 mln dlr eurobond due March 30, 1990 paying 4-1/8 pct and priced at 100, lead manager Nomura said.')).toBeNull();
    expect(body(long, 'The road was paved on May 9, 1955.')).toBeNull();
    // A dash that ends no dateline, and a short line that only mentions posting (found in review).
    expect(body("The state's oldest covered bridge, which first opened to traffic on May 9, 1955 - will close for eight months of repairs, officials said.")).toBeNull();
    expect(body(long, 'The video was posted on May 9, 2019.')).toBeNull();
    expect(body(long, 'Last updated: 4 November 2024')).toBe('2024-11-04');
  });
});

describe('group analysis', () => {
  const view = (path: string, texts: string[], holds = 0.5): StoryView => ({ path, story: 0, startLine: 1, endLine: texts.length, body: texts.map(p), holds });

  it('leaves the original undecided when nothing tells the copies apart', () => {
    const result = analyseGroup([view('a', ['Same words here for all.']), view('b', ['Same words here for all.'])], { threshold: 0.5, containment: 0.8 });
    expect(result).toMatchObject({ original: null, confidence: null });
    expect(result.members.map((m) => m.role)).toEqual([null, null]);
  });

  it('an earlier date decides when nothing else does, and a weak file time alone gives a low confidence', () => {
    const dated = analyseGroup([view('a', ['Published 2024-11-04. Words.']), view('b', ['Published 2024-10-01. Words.'])], { threshold: 0.5, containment: 0.8 });
    expect(dated.original).toBe(1);
    const timed = analyseGroup(
      [{ ...view('a', ['Words.']), modifiedAt: 10_000_000 }, { ...view('b', ['Words.']), modifiedAt: 1_000 }],
      { threshold: 0.5, containment: 0.8 },
    );
    expect(timed.original).toBe(1);
    expect(timed.confidence).toBeLessThan(0.6);
  });
});

describe('identical copies (issue 11, defect 2)', () => {
  const view = (path: string, texts: string[], modifiedAt?: number): StoryView => ({
    path,
    story: 0,
    startLine: 1,
    endLine: texts.length,
    body: texts.map(p),
    holds: 0.5,
    ...(modifiedAt === undefined ? {} : { modifiedAt }),
  });
  const rule = { threshold: 0.5, containment: 0.8 };

  it('are one candidate: a copy of the original does not tie with it', () => {
    const wire = ['KYIV, Ukraine (AP) — Officials said on Wednesday.'];
    const result = analyseGroup([view('a', wire), view('b', ['Officials said on Wednesday, the AP said.']), view('c', wire)], rule, [0, 1, 0]);
    expect(result.original).toBe(0);
    expect(result.members.map((m) => [m.role, m.duplicateOf])).toEqual([
      ['original', null],
      ['reprint', null],
      ['reprint', 0],
    ]);
  });

  it('a tie between the full story and a trimmed copy (both with the dateline) goes to the one holding more of the group', () => {
    const lede = 'KYIV, Ukraine (AP) — Officials said on Wednesday.';
    const full = { ...view('full', [lede, 'A second paragraph.', 'A third one.']), holds: 1 };
    const trimmed = { ...view('trimmed', [lede]), holds: 0.3 };
    const result = analyseGroup([trimmed, full], rule);
    expect(result.original).toBe(1);
    expect(result.members[1]!.reasons).toContainEqual({ kind: 'containment', detail: "holds 100% of the group's shared text", weight: 1 });
  });

  it('only copies: undecided, unless one file is clearly the oldest', () => {
    const same = ['Same words here for all.'];
    const undecided = analyseGroup([view('a', same), view('b', same)], rule, [0, 0]);
    expect(undecided.original).toBeNull();
    expect(undecided.members.map((m) => m.duplicateOf)).toEqual([null, 0]);
    const timed = analyseGroup([view('a', same, 10_000_000), view('b', same, 1_000)], rule, [0, 0]);
    expect(timed.original).toBe(1);
    expect(timed.members[1]!.reasons).toEqual([{ kind: 'file-time', detail: 'oldest of 2 identical copies', weight: 0.25 }]);
    expect(timed.members.map((m) => m.duplicateOf)).toEqual([1, null]);
    expect(timed.confidence).toBeLessThan(0.6);
  });
});

describe('stories in one file', () => {
  it('splits at a gap wider than the file’s usual one, with enough paragraphs on each side', () => {
    const text = ['A.', 'B.', 'C.', '', '', '', 'D.', '', 'E.', '', 'F.'].join('\n');
    expect(detectStories(segment(text).segments).map((s) => [s.startLine, s.endLine])).toEqual([
      [1, 3],
      [7, 11],
    ]);
  });

  it('needs a headline after a double blank line, or a wider gap', () => {
    const body = ['A b.', 'C d.', 'E f.'];
    const withHeadline = [...body, '', '', 'Another Story Begins Here', '', 'G h.', '', 'I j.'].join('\n');
    expect(detectStories(segment(withHeadline).segments)).toHaveLength(2);
    const sentence = [...body, '', '', 'The article simply goes on.', '', 'G h.', '', 'I j.'].join('\n');
    expect(detectStories(segment(sentence).segments)).toHaveLength(1);
  });

  it('does not split when every paragraph is two blank lines apart, or the tail is short', () => {
    expect(detectStories(segment('A.\n\n\nB.\n\n\nC.\n\n\nD.\n\n\nE.\n\n\nF.').segments)).toHaveLength(1);
    expect(detectStories(segment('A.\nB.\nC.\nD.\n\n\n\nE.').segments)).toHaveLength(1);
  });

  it('reports a bundled unrelated story apart from the reprinted one', async () => {
    const story = Array.from({ length: 4 }, (_, i) => Array.from({ length: 25 }, (_, j) => `s${i}w${j}`).join(' ') + '.');
    const other = Array.from({ length: 4 }, (_, i) => Array.from({ length: 25 }, (_, j) => `o${i}w${j}`).join(' ') + '.');
    const report = await scanDocuments([
      { id: 'bundle', text: `${story.join('\n')}\n\n\n\n${other.join('\n')}` },
      { id: 'wire', text: story.join('\n\n') },
    ]);
    const bundle = report.documents.find((d) => d.path === 'bundle')!;
    expect(bundle.stories.map((s) => [s.startLine, s.endLine, s.reusedShare, s.group])).toEqual([
      [1, 4, 1, 1],
      [8, 11, 0, null],
    ]);
    expect(report.groups[0]!.members.map((m) => [m.path, m.story])).toEqual([
      ['bundle', 0],
      ['wire', 0],
    ]);
  });
});

describe('publication dates in metadata (JSONL articles; found by a new user)', () => {
  it('reads the first date field given, to the day, in the forms feeds write', () => {
    expect(publishedDate({ published: '2024-10-23' })).toEqual({ date: '2024-10-23', field: 'published' });
    expect(publishedDate({ published_at: '2024-10-23T23:30:00-05:00' })).toEqual({ date: '2024-10-23', field: 'published_at', instant: Date.UTC(2024, 9, 24, 4, 30) });
    expect(publishedDate({ pubDate: 'Fri, 25 Oct 2024 10:00:00 GMT' })).toEqual({ date: '2024-10-25', field: 'pubDate', instant: Date.UTC(2024, 9, 25, 10) });
    expect(publishedDate({ date: 1729677600 })).toEqual({ date: '2024-10-23', field: 'date', instant: 1729677600000 });
    expect(publishedDate({ date: 1729677600000 })).toEqual({ date: '2024-10-23', field: 'date', instant: 1729677600000 });
    expect(publishedDate({ published: '1729677600' })).toEqual({ date: '2024-10-23', field: 'published', instant: 1729677600000 });
    // A compact date is no count of milliseconds (it read as 1976; review).
    expect(publishedDate({ published: '202406121000' })).toEqual({ date: '2024-06-12', field: 'published' });
    expect(publishedDate({ published: '20240612' })).toEqual({ date: '2024-06-12', field: 'published' });
    expect(publishedDate({ published: '12345' })).toBeNull();
    expect(publishedDate({ date: 20240612 })).toEqual({ date: '2024-06-12', field: 'date' });
    expect(publishedDate({ published: 1, pubDate: 'Wed, 12 Jun 2024 09:00:00 GMT' })).toEqual({ date: '2024-06-12', field: 'pubDate', instant: Date.UTC(2024, 5, 12, 9) });
    expect(publishedDate({ date: 86400 })).toBeNull();
    expect(publishedDate({ published: 'yesterday', date: '2024-01-02' })).toEqual({ date: '2024-01-02', field: 'date' });
    expect(publishedDate({ published: '2024-13-40' })).toBeNull();
    expect(publishedDate({ published: '2024-02-31' })).toBeNull();
    expect(publishedDate({ date: 'October 23, 2024' })).toEqual({ date: '2024-10-23', field: 'date' });
    expect(publishedDate({ date: '23 October 2024' })).toEqual({ date: '2024-10-23', field: 'date' });
    // As written, whatever the zone: the RFC 2822 form and the ISO form of one moment agree.
    expect(publishedDate({ date: 'Wed, 23 Oct 2024 22:00:00 -0500' })).toEqual({ date: '2024-10-23', field: 'date', instant: Date.UTC(2024, 9, 24, 3) });
    // A moment only with its zone: a time without one, or a day alone, has none.
    expect(publishedDate({ date: '2024-10-23T08:00:00' })).toEqual({ date: '2024-10-23', field: 'date' });
    expect(publishedDate({ date: '2024-10-23 08:00+02:00' })).toEqual({ date: '2024-10-23', field: 'date', instant: Date.UTC(2024, 9, 23, 6) });
    expect(publishedDate({ date: '2024-10-23T08:00:00.250Z' })).toEqual({ date: '2024-10-23', field: 'date', instant: Date.UTC(2024, 9, 23, 8) });
    expect(publishedDate({ date: '2024-10-23T25:00:00Z' })).toEqual({ date: '2024-10-23', field: 'date' });
    // No lenient parsing: no year, or no date at all.
    expect(publishedDate({ date: 'Sept. 5' })).toBeNull();
    expect(publishedDate({ date: 'Page 12' })).toBeNull();
    expect(publishedDate({ date: 'Spring 2023' })).toBeNull();
    expect(publishedDate({ source: 'Gazette' })).toBeNull();
    expect(publishedDate(undefined)).toBeNull();
  });
});


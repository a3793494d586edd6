/**
 * The HTML report's renderer: what it keeps of a large corpus (planHtml), the compact line
 * spans, the data escaped so an article cannot end the script element, and the page's own
 * script, which is a string: it must parse, and keep to the no-function-over-100-lines rule.
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { scanDocuments } from '../../src/core/index.js';
import type { GroupReport, Summary } from '../../src/core/types.js';
import { decodeStarts, encodeSpans, htmlDocument, htmlNotes, planHtml, renderHtmlChunks, scriptJson, HTML_LIMITS, type HtmlLimits } from '../../src/render/html.js';
import { PAGE_SCRIPT } from '../../src/render/html-page.js';
import { named, pageData } from '../helpers/html.js';

function group(id: number, documents: number, original = true): GroupReport {
  const paths = Array.from({ length: documents }, (_, i) => `g${id}/d${i}.txt`);
  return {
    id,
    documents: paths,
    clusters: 1,
    original: original ? paths[0]! : null,
    originalStory: original ? 0 : null,
    confidence: original ? 0.73 : null,
    originalReasons: [],
    members: paths.map((path, i) => ({ path, story: 0, startLine: 1, endLine: 3, role: original ? (i === 0 ? 'original' : 'reprint') : null, score: 0, reasons: [], comparison: null, duplicateOf: null })),
  };
}

const summary = (paragraphs: number): Summary => ({ documents: 0, paragraphs, continuingPieces: 0, shared: 0, edited: 0, unique: 0, boilerplate: 0, repeats: 0, groups: 0, clusters: 0, candidatePairs: 0, verifiedPairs: 0, rewordedPairs: 0 });
const limits = (over: Partial<HtmlLimits>): HtmlLimits => ({ ...HTML_LIMITS, ...over });

describe('planHtml', () => {
  it('shows the largest groups in detail while they hold at most detailDocuments documents', () => {
    const groups = [group(1, 2), group(2, 5), group(3, 3), group(4, 2)];
    const plan = planHtml(groups, summary(10), limits({ detailDocuments: 8 }));
    expect([...plan.aligned.keys()]).toEqual([2, 3]);
    expect(plan.textDocuments.size).toBe(8);
    expect(plan.aligned.get(2)).toEqual({ reference: 0, members: [1, 2, 3, 4] });
  });

  it('always shows the largest group, however large, and at most alignedMembers of its members side by side', () => {
    const plan = planHtml([group(1, 50), group(2, 2)], summary(10), limits({ detailDocuments: 10, alignedMembers: 3 }));
    expect([...plan.aligned.keys()]).toEqual([1]);
    expect(plan.aligned.get(1)!.members).toEqual([1, 2, 3]);
    expect(htmlNotes({ groups: [group(1, 50), group(2, 2)], documents: [], plan, summary: summary(10) }, { distinct: 0 }, { total: 0 })).toEqual([
      'The 1 largest group (50 documents) is shown in detail, each member side by side with its original; the other 1 are listed with their members\' roles, coverage and kinds of edit (dedupe diff <original> <member> shows any of them side by side).',
      'Group 1: side by side for the first 3 of its 49 copies.',
    ]);
  });

  it('compares the members of a group without an original with its first member', () => {
    const plan = planHtml([group(1, 3, false)], summary(10));
    expect(plan.aligned.get(1)).toEqual({ reference: 0, members: [1, 2] });
  });

  it('includes every document\'s texts up to allTextsParagraphs paragraphs, and says when it does not', () => {
    expect(planHtml([], summary(100), limits({ allTextsParagraphs: 100 })).allTexts).toBe(true);
    const plan = planHtml([], summary(101), limits({ allTextsParagraphs: 100 }));
    expect(plan.allTexts).toBe(false);
    expect(htmlNotes({ groups: [], documents: [], plan, summary: summary(101) }, { distinct: 0 }, { total: 0 })[0]).toMatch(
      /^Paragraph texts and matches are included for the 0 documents of the groups shown in detail; .* texts are included for all up to 100\)\.$/,
    );
  });
});

describe('line spans', () => {
  it('encode compactly and decode to the same start lines', () => {
    const segments = [
      { startLine: 1, endLine: 1 },
      { startLine: 3, endLine: 5 },
      { startLine: 5, endLine: 5 },
      { startLine: 120, endLine: 121 },
    ];
    expect(encodeSpans(segments)).toBe('1,2+2,0,115+1');
    expect(decodeStarts(encodeSpans(segments))).toEqual([1, 3, 5, 120]);
    expect(decodeStarts('')).toEqual([]);
    // A later sentence piece of a long paragraph is marked, and decodes the same.
    const pieces = [{ startLine: 3, endLine: 3 }, { startLine: 3, endLine: 3, continues: true as const }, { startLine: 3, endLine: 4, continues: true as const }];
    expect(encodeSpans(pieces)).toBe('3,~0,~0+1');
    expect(decodeStarts(encodeSpans(pieces))).toEqual([3, 3, 3]);
  });
});

describe('the embedded data', () => {
  it('has no "<", so "</script>" or "<!--" in an article cannot end or change the script element', () => {
    const json = scriptJson({ text: 'a </script><script>alert(1)</script> <!-- b' });
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual({ text: 'a </script><script>alert(1)</script> <!-- b' });
  });

  it('keeps an article\'s text whole through the page', async () => {
    const hostile = 'Breaking: </script><script>window.pwned = 1</script> and <!-- a comment --> and <b>bold</b> & more.';
    const report = await scanDocuments([
      { id: 'a.txt', text: `${hostile}\n\nA second paragraph long enough to be compared with others here.` },
      { id: 'b.txt', text: `${hostile}\n\nA second paragraph long enough to be compared with others there.` },
    ]);
    const plan = planHtml(report.groups, report.summary);
    const html = [
      ...renderHtmlChunks({
        title: 'dedupe </title><script>',
        generator: 'dedupe test',
        command: 'scan',
        summary: report.summary,
        options: report.options,
        warnings: report.warnings,
        groups: report.groups,
        documents: report.documents.map((d) => htmlDocument(d, plan)),
        plan,
        extras: { alignments: new Map() },
      }),
    ].join('');
    // The data's script element and the page's: two closing tags, none from the article.
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).toContain('<title>dedupe &#60;/title&#62;&#60;script&#62;</title>');
    const data = pageData(html);
    const details = data.details as Array<[string[]]>;
    expect(details[0]![0][0]).toBe(hostile);
    expect(named(data.documentFields, data.documents).map((d) => d.statuses)).toEqual(['se', 'se']);
  });
});

describe('the page script', () => {
  it('parses (compiled, not run)', () => {
    expect(() => new Function(PAGE_SCRIPT)).not.toThrow();
  });

  it('has no function longer than 100 lines', () => {
    const source = ts.createSourceFile('page.js', PAGE_SCRIPT, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
    const long: string[] = [];
    // The outer wrapper holds the script; its functions are what the rule is about.
    const visit = (node: ts.Node, depth: number): void => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
        const end = source.getLineAndCharacterOfPosition(node.end).line;
        if (depth > 0 && end - start + 1 > 100) long.push(`line ${start + 1} (${end - start + 1} lines)`);
        depth++;
      }
      ts.forEachChild(node, (child) => visit(child, depth));
    };
    visit(source, 0);
    expect(long).toEqual([]);
  });
});

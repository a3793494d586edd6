/** Reading the HTML report back: the JSON its page embeds, parsed. */

/** The page's data as its script reads it (the parts the tests look at). */
export interface PageData {
  title: string;
  summary: { documents: number; paragraphs: number; groups: number };
  notes: string[];
  documentFields: string[];
  memberFields: string[];
  documents: unknown[][];
  details: unknown[][];
  groups: Array<{ id: number; original: string | null; detail: boolean; reference: number | null; members: unknown[][]; reasons: Array<[string, string, number]> }>;
  boilerplate: { total: number; distinct: number; shown: unknown[][] };
  repeats: { total: number; shown: unknown[][] };
}

export function pageData(html: string): PageData {
  const match = /<script type="application\/json" id="dedupe-data">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error('no <script id="dedupe-data"> in the page');
  return JSON.parse(match[1]!) as PageData;
}

/** Rows given as arrays, as objects named by `fields`. */
export function named(fields: readonly string[], rows: readonly unknown[][]): Array<Record<string, unknown>> {
  return rows.map((row) => Object.fromEntries(fields.map((f, i) => [f, row[i]])));
}

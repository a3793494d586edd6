/** Small text helpers shared by the renderers. */

/** Whitespace collapsed and cut to `width` characters with an ellipsis. */
export function preview(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (width <= 1) return flat.length > 0 ? '…' : '';
  return flat.length <= width ? flat : `${flat.slice(0, width - 1).trimEnd()}…`;
}

export function lineSpan(startLine: number, endLine: number): string {
  return startLine === endLine ? String(startLine) : `${startLine}-${endLine}`;
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** `other` shortened to its file name when it sits in the same folder as `from`. */
export function relativeName(from: string, other: string): string {
  const folder = (p: string): string => p.slice(0, p.lastIndexOf('/') + 1);
  return folder(from) === folder(other) ? other.slice(folder(other).length) : other;
}

/**
 * The longest of `texts` (at least `floor`). A loop, not Math.max(...spread): a spread of a
 * document's 130,000 paragraphs overflows the call stack.
 */
export function widest(texts: Iterable<string>, floor = 0): number {
  let width = floor;
  for (const text of texts) if (text.length > width) width = text.length;
  return width;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

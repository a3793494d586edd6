/**
 * Fitting lines to a terminal's width: how many columns a line takes, cutting it with an
 * ellipsis (from the right, or from the left for paths, whose end tells files apart), and
 * wrapping it at spaces with a hanging indent. All of it reads through colour codes (SGR
 * escapes, which take no column): a colour open where a line is cut or wrapped is closed at
 * the end of that line and opened again on the next, so no colour bleeds into the margin.
 *
 * Columns: a character of the East Asian wide or fullwidth ranges (CJK, Hangul, fullwidth
 * forms, most emoji) takes two, a combining mark or zero-width character none, others one
 * (Unicode UAX #11, the rule `wcwidth` implements; ranges below are its main blocks).
 */

/** An SGR escape: what chalk writes (`\u001b[31m`, `\u001b[39m`). */
const SGR = /\u001b\[([0-9;]*)m/y;

/** Characters that take no column: combining marks, zero-width spaces and joiners, variation selectors. */
const ZERO_WIDTH = /[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u1ab0-\u1aff\u1dc0-\u1dff\u200b-\u200f\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f]/u;

/** The main East Asian wide and fullwidth blocks, and the emoji blocks terminals draw two wide. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** Columns one character takes. */
export function charWidth(char: string): number {
  if (ZERO_WIDTH.test(char)) return 0;
  return isWide(char.codePointAt(0) ?? 0) ? 2 : 1;
}

/** One visible character of a line, with the escapes written just before it. */
interface Cell {
  escapes: string;
  char: string;
  width: number;
}

/** A line as cells, and the escapes after its last character (closing colours). */
function cellsOf(text: string): { cells: Cell[]; tail: string } {
  const cells: Cell[] = [];
  let escapes = '';
  let i = 0;
  while (i < text.length) {
    SGR.lastIndex = i;
    const escape = SGR.exec(text);
    if (escape) {
      escapes += escape[0];
      i += escape[0].length;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i) ?? 0);
    cells.push({ escapes, char, width: charWidth(char) });
    escapes = '';
    i += char.length;
  }
  return { cells, tail: escapes };
}

/** Columns `text` takes on a terminal, colour codes left out. */
export function visibleWidth(text: string): number {
  if (!text.includes('\u001b')) {
    let width = 0;
    for (const char of text) width += charWidth(char);
    return width;
  }
  return cellsOf(text).cells.reduce((sum, cell) => sum + cell.width, 0);
}

/**
 * The colours in force after `escapes`, by what closes them: 39 the foreground, 49 the
 * background, 22 bold and dim, 23 italic, 24 underline, 27 inverse, 29 strikethrough, 0 all.
 */
function applyEscapes(open: Map<string, string>, escapes: string): void {
  for (const match of escapes.matchAll(/\u001b\[([0-9;]*)m/g)) {
    const code = Number((match[1] ?? '').split(';')[0] || 0);
    if (code === 0) open.clear();
    else if (code === 39) open.delete('fg');
    else if (code === 49) open.delete('bg');
    else if (code === 22) {
      open.delete('1');
      open.delete('2');
    } else if (code >= 23 && code <= 29) open.delete(String(code - 20));
    else if ((code >= 30 && code <= 38) || (code >= 90 && code <= 97)) open.set('fg', match[0]);
    else if ((code >= 40 && code <= 48) || (code >= 100 && code <= 107)) open.set('bg', match[0]);
    else open.set(String(code), match[0]);
  }
}

const RESET = '\u001b[0m';

/** Cells [from, to) as text: the colours open at `from` reopened, and closed at the end if still open. */
function renderCells(cells: readonly Cell[], from: number, to: number, before: ReadonlyMap<string, string>, tail = ''): string {
  const open = new Map(before);
  let text = [...open.values()].join('');
  for (let i = from; i < to; i++) {
    const cell = cells[i]!;
    applyEscapes(open, cell.escapes);
    text += cell.escapes + cell.char;
  }
  applyEscapes(open, tail);
  return text + tail + (open.size > 0 ? RESET : '');
}

/** `line` cut to `width` columns with an ellipsis at the end; as it is when it fits. */
export function cutEnd(line: string, width: number): string {
  if (visibleWidth(line) <= width) return line;
  if (width <= 0) return '';
  const { cells } = cellsOf(line);
  let used = 0;
  let end = 0;
  while (end < cells.length && used + cells[end]!.width <= width - 1) used += cells[end++]!.width;
  // Spaces before the ellipsis say nothing.
  while (end > 0 && cells[end - 1]!.char === ' ') end--;
  return `${renderCells(cells, 0, end, new Map())}…`;
}

/**
 * What cutStart keeps or drops whole: an escape that text.ts's `printable` writes for a control
 * character (`\x07`, `\u{202e}`, `\n`), or one character. A path cut inside an escape read as
 * other characters ("…07b.txt" of "a\x07b.txt"; review).
 */
const PRINTABLE_UNITS = /\\x[0-9a-f]{2}|\\u\{[0-9a-f]+\}|\\[nrt]|[\s\S]/gu;

/** Plain `text` (a path, no colour, through `printable`) cut to `width` columns from the left: `…/000_2c77.txt`. */
export function cutStart(text: string, width: number): string {
  if (visibleWidth(text) <= width) return text;
  if (width <= 1) return width === 1 ? '…' : '';
  const units = text.match(PRINTABLE_UNITS) ?? [];
  // An escape is ASCII: its width is its length; any other unit is one character.
  const widthOf = (unit: string): number => (unit.length > 1 && unit.startsWith('\\') ? unit.length : charWidth(unit));
  let used = 0;
  let start = units.length;
  while (start > 0 && used + widthOf(units[start - 1]!) <= width - 1) used += widthOf(units[--start]!);
  return `…${units.slice(start).join('')}`;
}

/**
 * `line` wrapped at spaces into lines of at most `width` columns; lines after the first start
 * with `indent` spaces. A word longer than a line is broken where the line ends. The first
 * line keeps its own leading spaces.
 */
export function wrap(line: string, width: number, indent = 0): string[] {
  if (visibleWidth(line) <= width) return [line];
  const { cells, tail } = cellsOf(line);
  const margin = indent < width ? indent : 0;
  const lines: string[] = [];
  const open = new Map<string, string>();
  let start = 0;
  let first = true;
  while (start < cells.length) {
    const room = first ? width : width - margin;
    let used = 0;
    let end = start;
    let lastSpace = -1;
    let word = false;
    while (end < cells.length && used + cells[end]!.width <= room) {
      // A space after a word is a place to break (not the leading spaces of an indented line).
      if (cells[end]!.char !== ' ') word = true;
      else if (word) lastSpace = end;
      used += cells[end++]!.width;
    }
    // Break at the last space unless the rest fits, or the line is one long word.
    if (end < cells.length && cells[end]!.char !== ' ' && lastSpace > start) end = lastSpace;
    if (end === start) end = start + 1; // a character wider than the room: it goes alone
    let last = end;
    while (last > start && cells[last - 1]!.char === ' ') last--;
    const before = new Map(open);
    for (let i = start; i < end; i++) applyEscapes(open, cells[i]!.escapes);
    const text = renderCells(cells, start, last, before, end >= cells.length ? tail : '');
    lines.push(`${first ? '' : ' '.repeat(margin)}${text}`);
    first = false;
    start = end;
    // Spaces where a line broke are not carried to the next (their colour codes are).
    while (start < cells.length && cells[start]!.char === ' ') applyEscapes(open, cells[start++]!.escapes);
  }
  return lines;
}

/** Every line of `text` cut to `width` columns: the last guard that a report fits its terminal. */
export function fitLines(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => cutEnd(line, width))
    .join('\n');
}

/**
 * The one-pass tokenizer (text/normalize.ts, tokenizeInto) must give exactly the tokens of
 * `tokenize` wherever it reads a text: checked on every line of every public corpus the project
 * is measured on (../shared/corpora, or DEDUPE_CORPORA; skipped with a message when absent), on
 * the fixtures, and on generated strings built from the characters where the two could differ.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenize, tokenizeInto, TokenBuffer } from '../../src/core/text/normalize.js';
import { repoRoot } from '../helpers/cli.js';

const corpora = process.env.DEDUPE_CORPORA ?? path.resolve(repoRoot, '../shared/corpora');
const present = existsSync(corpora);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Lines on which the two tokenizers disagree (at most a few, for the message), and how many lines the fast one read. */
function compare(texts: Iterable<string>): { differ: string[]; read: number; lines: number } {
  const buffer = new TokenBuffer();
  const differ: string[] = [];
  let read = 0;
  let lines = 0;
  for (const text of texts) {
    for (const line of text.split(/\r\n|\r|\n/)) {
      lines++;
      if (!tokenizeInto(line, buffer)) continue;
      read++;
      const fast = buffer.strings();
      const slow = tokenize(line).tokens;
      if (fast.length !== slow.length || fast.some((t, i) => t !== slow[i])) {
        if (differ.length < 5) differ.push(JSON.stringify(line.slice(0, 200)));
      }
    }
  }
  return { differ, read, lines };
}

describe('the one-pass tokenizer', () => {
  it('gives the tokens of tokenize on generated strings of the characters that matter', () => {
    // With characters at and beyond the edges of the ranges the tokenizer reads (Latin-1, the
    // General Punctuation block): ÿ, ×, U+2070, U+2FFF, an ideographic space, Ā, a lone
    // surrogate and an emoji.
    const alphabet = ["a", "Z", "0", "9", "'", "\u2018", "\u2019", ".", ",", " ", "-", "\u00a0", "\u2026", "\u2014", "\u201c", "\u00e9", "\u2024", "\u00ad", "\u00b2", "\u200b", "\t", "q", "\u00ff", "\u00d7", "\u2070", "\u2fff", "\u3000", "\u0100", "\ud800", "\u{1f600}"];
    let state = 7;
    const random = (n: number): number => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) % n);
    const texts = Array.from({ length: 20_000 }, () => Array.from({ length: 1 + random(14) }, () => alphabet[random(alphabet.length)]).join(''));
    const { differ, read } = compare(texts);
    expect(differ).toEqual([]);
    expect(read).toBeGreaterThan(2000);
  });

  it('gives the tokens of tokenize on the fixtures', () => {
    const { differ, read } = compare(filesUnder(path.join(repoRoot, 'fixtures')).map((f) => readFileSync(f, 'latin1')));
    expect(differ).toEqual([]);
    expect(read).toBeGreaterThan(100);
  });

  it.skipIf(!present)('gives the tokens of tokenize on every line of the public corpora', () => {
    const { differ, read, lines } = compare(
      (function* () {
        for (const name of ['bbc', 'reuters21578', 'pan13-text-alignment', 'counter']) {
          const dir = path.join(corpora, name);
          if (!existsSync(dir)) continue;
          for (const file of filesUnder(dir)) yield readFileSync(file, 'utf8');
        }
      })(),
    );
    expect(differ).toEqual([]);
    // Most lines of English news are read in one pass (COUNTER's Urdu is not).
    expect(read / lines).toBeGreaterThan(0.5);
  });
});

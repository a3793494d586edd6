/**
 * Names close to a misspelt one, for "did you mean": an option given to the library
 * (options.ts), a config file's key and a command (cli/).
 */

/** Levenshtein distance. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The names close to a misspelt `word`: at most two edits, and fewer than half its letters
 * (`foo` is two edits from `top` but names nothing like it; `treshold` is one from `threshold`).
 */
export function closeNames(word: string, known: readonly string[]): string[] {
  return known.filter((k) => {
    const edits = distance(k.toLowerCase(), word.toLowerCase());
    return edits <= 2 && edits < word.length / 2;
  });
}

/**
 * Synthetic articles for index tests: paragraphs of words drawn at random from the seed
 * articles' vocabulary, so every article is distinct from every other (no accidental reuse)
 * while looking like news text to the tokenizer. Deterministic for a given seed.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seeds } from './fixtures.js';

let vocabulary: string[] | undefined;

function words(): string[] {
  if (!vocabulary) {
    const all = new Set<string>();
    for (const name of readdirSync(seeds)) {
      for (const word of readFileSync(path.join(seeds, name), 'utf8').split(/\s+/)) if (/^[A-Za-z]{3,}$/.test(word)) all.add(word);
    }
    vocabulary = [...all].sort();
  }
  return vocabulary;
}

/** xorshift32: small, deterministic, good enough to pick words. */
export function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x100000000;
  };
}

export function syntheticArticle(next: () => number, paragraphs: number): string {
  const vocab = words();
  const out: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const length = 20 + Math.floor(next() * 40);
    const sentence: string[] = [];
    for (let w = 0; w < length; w++) sentence.push(vocab[Math.floor(next() * vocab.length)]!);
    out.push(`${sentence.join(' ')}.`);
  }
  return `${out.join('\n\n')}\n`;
}

/** Writes `count` articles named `<prefix>0000.txt`... into `dir`; returns their paths. */
export function writeArticles(dir: string, count: number, options: { seed: number; paragraphs?: number; prefix?: string }): string[] {
  mkdirSync(dir, { recursive: true });
  const next = random(options.seed);
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = path.join(dir, `${options.prefix ?? 'article-'}${String(i).padStart(4, '0')}.txt`);
    writeFileSync(file, syntheticArticle(next, options.paragraphs ?? 12));
    files.push(file);
  }
  return files;
}

/**
 * The benchmark corpus generator (src/bench/generate.ts): deterministic, about the size asked,
 * and the edits it claims are really in the files. Needs the BBC corpus at ../shared/corpora/bbc;
 * skipped, with a message, where it is absent (it is never copied into the repository).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanDocuments } from '../../src/core/index.js';
import { applyStyle, curlQuotes, DEFAULT_SOURCE, EDIT_KINDS, generateCorpus, loadSource, type Source } from '../../src/bench/generate.js';
import { tempDir } from '../helpers/fixtures.js';

const hasSource = existsSync(DEFAULT_SOURCE);
if (!hasSource) console.warn(`bench generator tests skipped: no BBC corpus at ${DEFAULT_SOURCE}`);

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (sub: string): void => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.txt')) out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

describe('bench corpus edits', () => {
  it('applies house style: US -> American, per cent -> percent, no Mr, British -> American spelling', () => {
    expect(applyStyle('The US media giant said the UK economy grew 2 per cent, Mr Brown told the organisation.')).toBe(
      'The American media giant said the British economy grew 2 percent, Brown told the organization.',
    );
    expect(applyStyle('Profits rose to £600m in the US.')).toBe('Profits rose to 600 million pounds in the United States.');
  });

  it('curls quotes and apostrophes', () => {
    expect(curlQuotes(`"It's here," he said.`)).toBe('\u201cIt\u2019s here,\u201d he said.');
  });
});

describe.skipIf(!hasSource)(`bench corpus generator (needs ${DEFAULT_SOURCE})`, () => {
  let source: Source;
  beforeAll(() => {
    source = loadSource(DEFAULT_SOURCE, 1);
  });

  it('is deterministic, about the size asked, and a smaller corpus is a prefix of a larger one', () => {
    const [a, b, small] = [tempDir(), tempDir(), tempDir()];
    const target = 300_000;
    const ma = generateCorpus({ source, out: a, targetBytes: target, seed: 1 });
    const mb = generateCorpus({ source, out: b, targetBytes: target, seed: 1 });
    expect(mb).toEqual(ma);
    const files = listFiles(a);
    expect(listFiles(b)).toEqual(files);
    for (const f of files) expect(readFileSync(path.join(b, f), 'utf8'), f).toBe(readFileSync(path.join(a, f), 'utf8'));

    const onDisk = files.reduce((sum, f) => sum + statSync(path.join(a, f)).size, 0);
    expect(ma.bytes).toBe(onDisk);
    expect(ma.files).toBe(files.length);
    const largest = Math.max(...files.map((f) => statSync(path.join(a, f)).size));
    expect(onDisk).toBeGreaterThanOrEqual(target);
    expect(onDisk).toBeLessThan(target + largest);

    generateCorpus({ source, out: small, targetBytes: target / 3, seed: 1 });
    for (const f of listFiles(small)) expect(readFileSync(path.join(small, f), 'utf8'), f).toBe(readFileSync(path.join(a, f), 'utf8'));

    const other = tempDir();
    generateCorpus({ source, out: other, targetBytes: target, seed: 2 });
    expect(listFiles(other)).not.toEqual(files);
  });

  it('writes originals and reprints with every kind of edit, in both layouts, that dedupe finds', async () => {
    const dir = tempDir();
    const manifest = generateCorpus({ source, out: dir, targetBytes: 400_000, seed: 1 });
    for (const kind of EDIT_KINDS) expect(manifest.edits[kind], kind).toBeGreaterThan(0);
    expect(manifest.reprints).toBeGreaterThan(manifest.files / 4);
    expect(manifest.layouts.line).toBeGreaterThan(0);
    expect(manifest.layouts.blank).toBeGreaterThan(0);

    const texts = listFiles(dir).map((f) => ({ id: f, text: readFileSync(path.join(dir, f), 'utf8') }));
    const all = texts.map((t) => t.text).join('\n');
    expect(all).toMatch(/\bAmerican\b|\bpercent\b|\bthe United States\b/);
    expect(all).toMatch(/^[A-Z ]+ \(The [A-Za-z]+ [A-Za-z]+\) \u2014 /m); // dateline
    expect(all).toMatch(/," said [A-Z][a-z]+ [A-Z][a-z]+, /); // local quote
    expect(all).toMatch(/\u201c|\u2019/);
    expect(all).toMatch(/Leave a Reply|Share this:|Related Posts|All rights reserved|Read more:/);
    const headlineTwice = texts.filter(({ text }) => {
      const [first, second] = text.split('\n').filter((l) => l.trim() !== '');
      return first === second;
    });
    expect(headlineTwice.length).toBeGreaterThan(0);
    // One paragraph per line (consecutive non-blank lines) and blank-line separated files.
    expect(texts.some(({ text }) => /[.!?"\u201d]\n[A-Z"\u201c]/.test(text))).toBe(true);
    expect(texts.some(({ text }) => text.split('\n\n').length > 5 && !/[.!?"\u201d]\n[A-Z"\u201c]/.test(text))).toBe(true);

    const report = await scanDocuments(texts);
    expect(report.summary.shared).toBeGreaterThan(0);
    expect(report.summary.edited).toBeGreaterThan(0);
    expect(report.summary.unique).toBeGreaterThan(0);
    expect(report.summary.groups).toBeGreaterThan(0);
  });
});

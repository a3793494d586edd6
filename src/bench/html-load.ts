/**
 * `npm run bench:html -- <report.html>...`: how large each HTML report is and how long a
 * browser takes to open it, the figures in the README's "HTML report" section. Each page is
 * loaded `--runs` times (3) in Debian's chromium-headless-shell through playwright-core, every
 * non-file request aborted, and timed from `page.goto` to the page's ready marker (`data-ready`
 * on <html>, set once the first view is drawn). Figures are printed, never asserted.
 *
 *   dedupe -q --html /tmp/bbc.html ../shared/corpora/bbc
 *   npm run bench:html -- /tmp/bbc.html
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { isMainModule } from './script.js';

const CHROMIUM = process.env.DEDUPE_CHROMIUM ?? '/usr/lib/chromium/chromium-headless-shell';

/** Milliseconds from navigation to the ready marker, once per run, each in a fresh context (nothing cached). */
export async function loadTimes(file: string, runs: number): Promise<number[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--disable-gpu'] });
  try {
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.route(/^(?!file:|data:)/, (route) => route.abort());
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const started = performance.now();
      await page.goto(pathToFileURL(path.resolve(file)).href);
      await page.waitForSelector('html[data-ready="true"]', { timeout: 120_000 });
      times.push(performance.now() - started);
      await context.close();
      if (errors.length > 0) throw new Error(`${file}: ${errors.join('; ')}`);
    }
    return times;
  } finally {
    await browser.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { runs: { type: 'string', default: '3' } } });
  const runs = Number(values.runs);
  if (positionals.length === 0 || !(Number.isInteger(runs) && runs > 0)) {
    process.stderr.write('usage: npm run bench:html -- [--runs 3] <report.html>...\n');
    return 2;
  }
  process.stdout.write('report | size (MB) | load to ready, fastest (s) | median (s)\n--- | --- | --- | ---\n');
  for (const file of positionals) {
    const times = (await loadTimes(file, runs)).sort((a, b) => a - b);
    const mb = statSync(file).size / 1e6;
    process.stdout.write(`${file} | ${mb.toFixed(1)} | ${(times[0]! / 1000).toFixed(2)} | ${(times[Math.floor(times.length / 2)]! / 1000).toFixed(2)}\n`);
  }
  return 0;
}

if (isMainModule(import.meta.url)) process.exitCode = await main(process.argv.slice(2));

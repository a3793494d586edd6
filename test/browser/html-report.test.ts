/**
 * The HTML report in a real browser: Debian's chromium-headless-shell (package
 * chromium-headless-shell, which .ci/run installs), driven by playwright-core, which downloads
 * no browser of its own. Every request that is not a file: or data: URL is aborted and
 * recorded, so a page that reached for the network fails; so does any script error or console
 * error. Screenshots go to test/browser/screenshots/ (ignored by git) for a person to look at.
 *
 * Without the browser the tests are skipped with a message, except under CI, where the missing
 * browser is itself the failure.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolveOptions } from '../../src/core/index.js';
import { scanPaths } from '../../src/engine/index.js';
import { HtmlReport } from '../../src/cli/html-report.js';
import { HTML_LIMITS } from '../../src/render/html.js';
import { repoRoot } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';

const CHROMIUM = process.env.DEDUPE_CHROMIUM ?? '/usr/lib/chromium/chromium-headless-shell';
const available = existsSync(CHROMIUM);
const inCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';
if (!available && !inCi) {
  console.warn(`browser tests skipped: ${CHROMIUM} not found (apt-get install chromium-headless-shell, or set DEDUPE_CHROMIUM; .ci/run installs it)`);
}
const screenshots = path.join(repoRoot, 'test/browser/screenshots');

it.runIf(!available && inCi)('the browser for the HTML report tests is installed (CI)', () => {
  expect.fail(`${CHROMIUM} not found: .ci/run should have installed the Debian package chromium-headless-shell`);
});

describe.skipIf(!available)('the HTML report in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let context: BrowserContext;
  let problems: string[];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--disable-gpu'] });
    mkdirSync(screenshots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A page on `file` (relative to the test's folder), opened and drawn, with every problem recorded. */
  async function open(file: string, hash = ''): Promise<Page> {
    problems = [];
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.route(/^(?!file:|data:)/, (route) => {
      problems.push(`request to ${route.request().url()}`);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    await page.goto(`${pathToFileURL(path.join(dir, file)).href}${hash}`);
    await page.waitForSelector('html[data-ready="true"]');
    return page;
  }

  afterEach(async () => {
    await context?.close();
    expect(problems).toEqual([]);
  });

  beforeAll(async () => {
    // One folder for the whole file (helpers' tempDir is emptied after each test).
    dir = mkdtempSync(path.join(os.tmpdir(), 'dedupe-browser-'));
    const result = await runInProcess(['-q', '--html', 'seeds.html', path.join(repoRoot, 'fixtures/seeds')], { cwd: dir });
    expect(result.code).toBe(0);
  });

  it("shows group 1 and, side by side, 000's lede with US deleted and American inserted", async () => {
    const page = await open('seeds.html');
    await page.locator('#group-link-1').click();
    await expect.poll(() => page.locator('#group-title').textContent()).toBe('Group 1: 4 documents');
    expect(await page.locator('main').textContent()).toContain('confidence 0.73');
    expect(await page.locator('ul.evidence').textContent()).toContain('dateline "KYIV, Ukraine (AP) —"');
    const reprint = page.locator('tbody tr', { hasText: '000_2c77c33462164435.txt' });
    expect(await reprint.locator('td').first().textContent()).toBe('reprint');
    expect(await reprint.textContent()).toContain('paragraphs merged (5)');
    // The story-level call against the original, as the human report's group line gives it.
    expect(await reprint.locator('td.story').textContent()).toMatch(/^derived \(words \d+%\)$/);
    await reprint.getByRole('link', { name: 'side by side' }).click();
    const sideBySide = page.locator('#side-by-side');
    await sideBySide.waitFor();
    const lede = sideBySide.locator('tbody tr', { has: page.locator('ins', { hasText: /^American$/ }) });
    expect(await lede.count()).toBe(1);
    expect(await lede.locator('del').allTextContents()).toEqual(['KYIV, Ukraine (AP) — US']);
    expect(await lede.locator('td.change').textContent()).toBe('edited · similarity 0.84');
    expect(await sideBySide.locator('td.change', { hasText: 'merged 2 → 1' }).count()).toBe(5);
    // Each side in its own words: 002 says "the Russian Army", 000 reprints "the Russian army" (found by a new user).
    const wearing = sideBySide.locator('tbody tr', { hasText: 'wearing down the Russian' });
    expect(await wearing.locator('td.side').first().textContent()).toContain('wearing down the Russian Army');
    expect(await wearing.locator('td.side').last().textContent()).toContain('wearing down the Russian army');
    expect(page.url()).toMatch(/#group=1&member=0$/);
    await page.screenshot({ path: path.join(screenshots, 'seeds-side-by-side.png'), fullPage: true });
    await page.goBack();
    await expect.poll(() => page.locator('#side-by-side').count()).toBe(0);
  });

  it('filters documents by file name and shows a paragraph map with statuses named in words', async () => {
    const page = await open('seeds.html', '#documents');
    // The boilerplate tab counts the texts it lists: 5 boilerplate and 10 repeated (it added 8 paragraphs to 10 texts; found by a new user).
    expect(await page.locator('#tab-noise').textContent()).toBe('Boilerplate and repeats (15)');
    await page.locator('#filter').fill('004_');
    await expect.poll(() => page.locator('#view tbody tr').count()).toBe(1);
    await page.locator('#view tbody tr a', { hasText: '004_7a4f2c888cc0ca1e.txt' }).click();
    await expect.poll(() => page.locator('#document-title').textContent()).toBe(path.join(repoRoot, 'fixtures/seeds/004_7a4f2c888cc0ca1e.txt'));
    const footer = page.locator('tbody tr', { hasText: 'Leave a Reply' });
    expect(await footer.locator('td.status').textContent()).toBe('boilerplatefooter');
    expect(await page.locator('.strip a').count()).toBe(42);
    expect(await page.locator('.strip a[title$=": unique"]').count()).toBe(38);
    await page.screenshot({ path: path.join(screenshots, 'seeds-document.png'), fullPage: false });
    await page.locator('#filter').fill('no such name');
    await page.locator('#tab-documents').click();
    await expect.poll(() => page.locator('#view').textContent()).toContain('No document matches the filter.');
  });

  it("marks a long paragraph's later sentence pieces \"+3\" and counts paragraphs and pieces, as the human report does", async () => {
    const result = await runInProcess(['-q', '--html', 'long.html', path.join(repoRoot, 'fixtures/merged-long-paragraphs')], { cwd: dir });
    expect(result.code).toBe(0);
    const page = await open('long.html', '#document=0');
    expect(await page.locator('#document-title').textContent()).toMatch(/merged\.txt$/);
    expect(await page.locator('main').textContent()).toContain('3 paragraphs in 6 pieces (+ continues a long paragraph)');
    expect(await page.locator('#view tbody td.num').allTextContents()).toEqual(['1', '3', '+3', '+3', '+3', '5']);
    // The documents table counts both, as the terminal's does (it said 6; review).
    await page.context().close();
    const documents = await open('long.html', '#documents');
    expect(await documents.locator('#view tbody tr', { hasText: 'merged.txt' }).textContent()).toContain('3 in 6');
  });

  it('a file whose two stories are in two groups links both, with a role in each (fixtures/bundle-two-groups)', async () => {
    const result = await runInProcess(['-q', '--html', 'two-groups.html', path.join(repoRoot, 'fixtures/bundle-two-groups')], { cwd: dir });
    expect(result.code).toBe(0);
    const page = await open('two-groups.html', '#documents');
    const row = page.locator('#view tbody tr', { hasText: 'daily-page.txt' });
    expect(await row.locator('td').nth(0).textContent()).toBe('1, 2');
    expect(await row.locator('td').nth(0).locator('a').count()).toBe(2);
    expect(await row.locator('td').nth(1).textContent()).toBe('reprint, copy');
    await row.locator('a', { hasText: 'daily-page.txt' }).click();
    await expect.poll(() => page.locator('#view').textContent()).toContain('groups 1 and 2 (reprint, copy)');
  });

  it('answers a link to something that is not there with a sentence, not a script error', async () => {
    const page = await open('seeds.html', '#group=1&member=2');
    expect(await page.locator('#no-side-by-side').textContent()).toBe('No side-by-side view for this member: it is the one the others are compared with.');
    for (const [hash, text] of [
      ['#group=1&member=9', 'there is no member 9 in this group'],
      ['#group=7', 'There is no group 7 in this report.'],
      ['#document=99', 'There is no document 99 in this report.'],
      ['#document=x', 'There is no document "x" in this report.'],
      ['#group=', 'There is no group "" in this report.'],
    ] as const) {
      await page.evaluate((h) => ((globalThis as unknown as { location: { hash: string } }).location.hash = h), hash);
      await expect.poll(() => page.locator('#view').textContent()).toContain(text);
    }
  });

  it('lists boilerplate by text and repeated lines', async () => {
    const page = await open('seeds.html', '#noise');
    const rows = page.locator('#view table').first().locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await page.locator('#view').textContent()).toContain('Repeated lines (28 paragraphs, 10 texts)');
    const tt = page.locator('tbody tr', { hasText: /^TT/ });
    expect(await tt.locator('td').nth(1).textContent()).toBe('artifact');
    expect(await tt.locator('td').nth(2).textContent()).toBe('4');
  });

  it('shows an article that holds </script> and markup as text, running none of it', async () => {
    const corpus = path.join(dir, 'hostile');
    mkdirSync(corpus);
    const hostile = 'Breaking: </script><script>window.pwned = 1</script> and <img src=x onerror="window.pwned = 2"> <!-- and a comment';
    for (const name of ['a', 'b']) writeFileSync(path.join(corpus, `${name}.txt`), `${hostile}\n\nA paragraph that both files share word for word, long enough to match.\n`);
    expect((await runInProcess(['-q', '--html', 'hostile.html', corpus], { cwd: dir })).code).toBe(0);
    const page = await open('hostile.html', '#document=0');
    expect(await page.evaluate(() => (globalThis as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('td.text').first().textContent()).toBe(hostile);
    expect(await page.locator('main img').count()).toBe(0);
  });

  it('says a reworded match is reworded, with the similarity of its content words', async () => {
    expect((await runInProcess(['-q', '--html', 'reworded.html', path.join(repoRoot, 'fixtures/reworded-reprint')], { cwd: dir })).code).toBe(0);
    const page = await open('reworded.html', '#document=0');
    const flooding = page.locator('#view tbody tr', { hasText: 'Twice in the past ten years' });
    expect(await flooding.locator('td.path .muted').textContent()).toBe('edited (reworded), similarity of content words 0.74');
    // And side by side: the block's similarity is of content words too, as the text report's "~0.74" (a new user's trial read a bare "similarity 0.59").
    await page.goto(page.url().replace(/#.*$/, '#group=1&member=1'));
    const sideBySide = page.locator('#side-by-side');
    await sideBySide.waitFor();
    const row = sideBySide.locator('tbody tr', { hasText: 'Twice in the past ten years' });
    expect(await row.locator('td.change').textContent()).toMatch(/^edited · reworded, similarity of content words 0\.\d\d$/);
    expect(await sideBySide.locator('td.change', { hasText: /^edited · similarity/ }).count()).toBe(0);
  });

  it("a check's page says what the gate decided and marks the members found in the index", async () => {
    const seed = (name: string): string => path.join(repoRoot, 'fixtures/seeds', name);
    expect((await runInProcess(['index', 'add', '--db', 'check.db', seed('002_b644d28894aa6977.txt')], { cwd: dir })).code).toBe(0);
    const check = await runInProcess(['check', '-q', '--db', 'check.db', '--fail-on', 'document', '--html', 'check.html', seed('000_2c77c33462164435.txt')], { cwd: dir });
    expect(check.code).toBe(1);
    const page = await open('check.html', '#group=1');
    expect(await page.locator('#gate').textContent()).toBe(`Gate. --fail-on document (copy share 0.8): 1 incoming article flagged: ${seed('000_2c77c33462164435.txt')}.`);
    const original = page.locator('#view tbody tr', { hasText: '002_b644d28894aa6977.txt' });
    expect(await original.locator('.archived').textContent()).toBe('in the index');
    const reprint = page.locator('#view tbody tr', { hasText: '000_2c77c33462164435.txt' });
    expect(await reprint.locator('.archived').count()).toBe(0);
    await page.screenshot({ path: path.join(screenshots, 'check-gate.png'), fullPage: false });
  });

  it('summarises a large corpus and says so: notes, groups in summary with the command to compare, maps without texts', async () => {
    // Small limits stand in for a large corpus: fixtures/ holds several groups.
    const run = await scanPaths({ paths: [path.join(repoRoot, 'fixtures')], include: [], exclude: [], cwd: dir, options: resolveOptions({}), threads: 1, wordOps: false });
    const { analysis } = run;
    const html = new HtmlReport(
      'small-limits.html',
      { summary: analysis.summary, options: analysis.options, warnings: analysis.warnings, groups: analysis.groups(), memberAlignment: (g, m, r) => analysis.memberAlignment(g, m, r), storyPairs: () => analysis.storyPairs() },
      { command: 'scan', paths: ['fixtures'], generator: 'dedupe test' },
      { ...HTML_LIMITS, detailDocuments: 4, allTextsParagraphs: 10, repeatsShown: 2 },
    );
    for (const doc of analysis.documents()) html.add(doc);
    html.write(dir);
    const page = await open('small-limits.html');
    const notes = await page.locator('.notes').textContent();
    expect(notes).toMatch(/The 1 largest group \(\d+ documents\) is shown in detail/);
    expect(notes).toContain('Repeated lines: the first 2 of');
    // A group shown in summary that has an original (fixtures/ also holds groups of mere copies).
    const summarised = page.locator('#view tbody tr', { hasText: 'summary' }).filter({ hasText: '1 original' }).first();
    await summarised.locator('a').first().click();
    await page.locator('#group-title').waitFor();
    // The command compares the member with the group's original.
    const original = await page.locator('#view p', { hasText: 'Likely original' }).locator('a').textContent();
    const firstCopy = page.locator('#view tbody tr', { hasText: 'reprint' }).first();
    expect(await firstCopy.locator('code').textContent()).toBe(`dedupe diff ${original} ${await firstCopy.locator('td').nth(1).textContent()}`);
    await page.screenshot({ path: path.join(screenshots, 'summarised-group.png'), fullPage: false });
    await page.locator('#tab-documents').click();
    await page.locator('#filter').fill('site-footer');
    await page.locator('#view tbody tr a', { hasText: 'site-footer' }).first().click();
    await page.locator('#document-title').waitFor();
    expect(await page.locator('#view').textContent()).toContain('Texts and matches of this document are not included in this page');
    expect(await page.locator('#view thead th').allTextContents()).toEqual(['Lines', 'Status']);
  });
});

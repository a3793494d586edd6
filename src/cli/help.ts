/** The help texts shown after each command's options: statuses, exit codes, examples. */

/** The environment variables dedupe reads (cli/requests.ts), with what each takes. */
const ENVIRONMENT = [
  ['DEDUPE_THREADS', ['threads to read and prepare articles on: a whole number', 'from 1, at most 64 used (default: one per core, at most 8)']],
  ['DEDUPE_FILE_TIMES', ["0: files' modification times are no evidence of which", 'copy came first (a fresh checkout); default 1']],
  ['DEDUPE_REWORDING', ['0: scan and check leave out reworded paragraphs, as', '--no-reworded does (benchmarks measure the stage\'s cost', 'this way); default 1']],
] as const;

/** The help's section on the environment variables (in the help of every command that reads them). */
const ENVIRONMENT_SECTION = [
  'Environment:',
  ...ENVIRONMENT.flatMap(([name, text]) => text.map((line, i) => `  ${(i === 0 ? name : '').padEnd(19)}${line}`)),
  '  Another value of any of them is a usage error (exit 2).',
].join('\n');

export const SCAN_HELP = `
Statuses:
  shared   another document has a paragraph with exactly the same words
           (after normalising case, punctuation, quotes and Unicode forms)
  edited   another document has a paragraph this one derives from, or that
           derives from it (so an original's paragraphs are edited too): shingle
           Jaccard >= --threshold, or one lies >= --containment inside the other,
           or paragraphs lying inside one make up half of it (a merge), or
           passage alignment pairs them as reworded
  unique   neither
  boilerplate  a site footer or scraper junk ("Leave a Reply", a bare "TT");
           it links no documents and counts toward no reuse
  A text repeated inside its own file is marked as a repeat; that alone does
  not make it shared. Paragraphs under --min-words words match only when
  identical and never link documents into a group.

Reading the report:
  best match  the matching paragraph (file:line), its similarity, and +n when
           n more paragraphs match; a group's original is listed first, so a
           shared paragraph may show an edited match there before its copies.
           ~0.62: a reworded match, its similarity over content words; passage
           alignment finds those whatever --threshold says (--no-reworded
           leaves them out).
  original ... (confidence 0.73: dateline KYIV (AP) —): how sure the pick of
           the group's original is (0 to 1), and the evidence that decided it.
  roles    original; version (a write-through or update of the same wire story:
           most of its text its own); reprint (another outlet's copy, trimmed or
           edited as it may be); partial (a story of its own that uses part of
           the original: most of its text its own, not the wire's version); copy
           (a member of a group whose original is undecided)
  story derived / partly derived (words, bigrams, reused): how much of the
           story's vocabulary and phrasing is found in the other, and the share
           of its words in matched paragraphs
  [repeated], [repeat of line 3]: the text recurs inside its own file;
           [artifact]: scraper junk (boilerplate); [template fill, links
           nothing]: one frame filled in with other names (two companies'
           notices); [template lines, link nothing]: a template's lines

Input:
  Folders are walked for *.txt, *.jsonl and *.ndjson. A .jsonl or .ndjson file holds
  one article per line, {"id": ..., "text": ...}; its other fields are kept as the
  document's metadata. The path - reads such lines from standard input.
  --files-from <file> adds the paths listed in <file> (- for standard input), one per
  line, or NUL-separated with -0. A folder named like a command: ./check, or -- check.

Config:
  Options can be kept in .dedupe.json, or under "dedupe" in package.json, here or in
  a folder above (or --config <file>; --no-config for none): long option names in
  camelCase, e.g. {"minWords": 6, "check": {"failOn": "document"}}. Flags win.

HTML report:
  --html <file> also writes the report as one self-contained page (data, style and
  script inside; opens from disk, fetches nothing): groups with their original and
  evidence, each copy side by side with the original, every document's paragraph map,
  boilerplate, a filter by file name. Standard output keeps the usual report. An
  existing <file> is replaced once the run succeeds; a folder, a missing folder or a
  name ending in .txt, .jsonl or .ndjson is refused. A large corpus is summarised:
  the largest groups in detail, the rest listed, as the page says.

${ENVIRONMENT_SECTION}

Exit codes:
  0  finished (reuse may have been found; see --fail-on)
  1  --fail-on given and such paragraphs found
  2  usage or input error (bad option, config or environment variable, missing
     path, no files to scan, an --html path that cannot be written), or the
     report could not be written (a full disk)

Examples:
  dedupe fixtures/seeds
  dedupe --html report.html fixtures/seeds
  dedupe --json archive/ | jq '.groups'
  dedupe --fail-on edited today/          (a batch with copies inside it)
  dedupe check --fail-on document today/  (against an index of the archive)
  dedupe --top 20 --only reused archive/
  find archive/ -name '*.txt' -mtime -1 -print0 | dedupe --files-from - -0
  my-scraper --jsonl | dedupe --fail-on edited -`;

export const DIFF_HELP = `
Changes:
  same     identical words (after normalising case, punctuation and quotes)
  edited   one paragraph changed into one
  merged   several consecutive paragraphs became one (n → 1)
  split    one paragraph became several (1 → n)
  dropped  only in <from>;  added  only in <to>
  [moved]  the paragraph changed place
Without colour, deleted words read [-like this-] and inserted ones {+like this+}.

-q (--quiet) prints nothing and implies --exit-code, as git diff --quiet does.

Exit codes:
  0  compared (with --exit-code or -q: the two are the same, paragraph for paragraph)
  1  with --exit-code or -q: the two differ (a paragraph edited, merged, split,
     dropped, added or moved)
  2  usage or input error (missing or unreadable file)

Examples:
  dedupe diff fixtures/seeds/002_b644d28894aa6977.txt fixtures/seeds/000_2c77c33462164435.txt
  dedupe diff -q old.txt new.txt || echo "the articles differ"`;

export const CHECK_HELP = `
Compares incoming articles with the index (dedupe index add) and with each other, and
reports them as the scan does: shared, edited and unique paragraphs, and their matches,
archived or incoming. Nothing is written to the index unless --add is given.

--fail-on:
  shared    exit 1 if an incoming paragraph of at least --min-words words (not
            boilerplate, not repeated in its file) has an exact copy elsewhere
  edited    the same for shared or edited paragraphs
  document  exit 1 if an incoming article is a copy: at least --copy-share (default
            0.8) of the words of one of its stories (a file can bundle several), in-file
            repeats left out, are in paragraphs shared with or edited from another
            article; boilerplate does not count
--add stores the articles that do not trip the --fail-on rule (without --fail-on:
those with no shared or edited paragraph) after the check.

${ENVIRONMENT_SECTION}

Exit codes:
  0  finished; nothing found that --fail-on asks about
  1  --fail-on given and such reuse found
  2  usage or input error, or the index is missing, not a dedupe index, damaged,
     built with other parameters, or in a folder that cannot be used; with
     --fail-on, also an incoming article that could not be read (not checked)

Incoming articles can be files, folders, JSONL (.jsonl, or - for standard input) and
paths listed with --files-from, as for the scan.

Examples:
  dedupe check incoming/
  dedupe check --html check.html incoming/
  dedupe check --fail-on edited --json incoming/ | jq '.documents[].reusedShare'
  dedupe check --fail-on document --add incoming/
  find incoming/ -newer .last-run -print0 | dedupe check --files-from - -0`;

export const INDEX_HELP = `
The index is an SQLite database (default .dedupe/index.db). Documents are stored under
their path relative to the current folder (JSONL articles under their ids; a file outside
it given by its absolute path, under that path, which any folder recognises), or to the
config file's folder when "db" comes from a config file: run index commands and checks
from the same folder (with such a config, any folder under it). Each add is one
transaction: if it is interrupted, the index is as it was before. While another process
writes to the index, add waits for it (up to 30 s) and says so. A file that is empty now
does not replace its stored version. A renamed or moved file is stored again under its new
name, with a warning giving the index remove that takes the old entry out; index list
--missing lists the stored paths with no file there now.

${ENVIRONMENT_SECTION}

Exit codes:
  0  finished
  2  usage or input error, or the --db file is missing, not a dedupe index, damaged,
     built with other parameters, or in a folder that cannot be written

Examples:
  dedupe index add archive/
  dedupe index stats
  dedupe index list --missing
  dedupe index remove archive/2024-01-03/
  dedupe check --fail-on edited incoming/`;

export const SIGN_HELP = `
Writes the paths' articles, prepared as the scan prepares them, as Parquet files in
<dir>/shard-<i>-of-<n>: documents, paragraphs (text, lines, tokens, shingles), shingles
and LSH band keys, and the warnings met. Run it once per shard, on as many machines as
there are shards, all with the same paths from the same folder and the same options; then
dedupe join <dir> and dedupe report <dir>.

Shards: a file belongs to shard (FNV-1a 32-bit hash of its path as walked, in UTF-8,
modulo n) + 1; a JSONL file goes whole to one shard; the articles of standard input (-)
are split by the same hash of their ids. A shard is written under a hidden
name and renamed when complete, so a killed sign leaves nothing a join would read.
The signing options are stored in every file: shards signed with other options, or a
folder holding another run (another shard count, other options), stop with an error.

${ENVIRONMENT_SECTION}

Exit codes:
  0  the shard was written
  2  usage or input error (bad option, missing path, no files, nothing readable), or
     <dir> already holds this shard or another run

Examples:
  dedupe sign fixtures/seeds --out /tmp/seeds-parquet
  dedupe sign archive/ --out /data/signed --shard 3/8`;

export const JOIN_HELP = `
Reads every shard in <dir>, checks that they are one complete run (all shards present,
the same options, every file readable), and runs the SQL in sql/ in DuckDB: identical
texts collapsed, the LSH band join one band at a time (a bucket larger than 65 texts is
paired in a sliding window of 64, as the scan does), containment anchors, and exact
verification (shingle Jaccard >= --threshold, or containment >= --containment, the
options the shards were signed with). Writes <dir>/join/pairs.parquet, replacing an
earlier join. DuckDB stays within --memory-limit and spills the rest to <dir>.

${ENVIRONMENT_SECTION}

Exit codes:
  0  joined
  2  usage or input error: no such folder, no shards, a shard missing, a file truncated
     or damaged, shards signed with other options, an id in two shards, or DuckDB out of
     memory within --memory-limit

Example:
  dedupe join /tmp/seeds-parquet --memory-limit 1GB --threads 2`;

export const REPORT_HELP = `
Prints the scan's report from the Parquet files alone (the articles need not be there):
the same statuses, matches, groups, originals and word diffs as dedupe on the same files,
in the same formats (human, --json, --ndjson, -q).

${ENVIRONMENT_SECTION}

Exit codes:
  0  finished (reuse may have been found; see --fail-on)
  1  --fail-on given and such paragraphs found
  2  usage or input error: no join in <dir> (run dedupe join), a join made from other
     shards, a file truncated or damaged

Example:
  dedupe report /tmp/seeds-parquet --json | jq '.summary'`;

/** The help texts shown after each command's options: statuses, exit codes, examples. */

export const SCAN_HELP = `
Statuses:
  shared   another document has a paragraph with exactly the same words
           (after normalising case, punctuation, quotes and Unicode forms)
  edited   another document has a paragraph this one derives from: shingle
           Jaccard >= --threshold, or this one lies >= --containment inside it,
           or paragraphs lying inside this one make up half of it (a merge)
  unique   neither
  boilerplate  a site footer or scraper junk ("Leave a Reply", a bare "TT");
           it links no documents and counts toward no reuse
  A text repeated inside its own file is marked as a repeat; that alone does
  not make it shared. Paragraphs under --min-words words match only when
  identical and never link documents into a group.

Exit codes:
  0  finished (reuse may have been found; see --fail-on)
  1  --fail-on given and such paragraphs found
  2  usage or input error (bad option, missing path, no files to scan)

Examples:
  dedupe fixtures/seeds
  dedupe --json archive/ | jq '.groups'
  dedupe --fail-on edited incoming/ archive/`;

export const DIFF_HELP = `
Changes:
  same     identical words (after normalising case, punctuation and quotes)
  edited   one paragraph changed into one
  merged   several consecutive paragraphs became one (n → 1)
  split    one paragraph became several (1 → n)
  dropped  only in <from>;  added  only in <to>
  [moved]  the paragraph changed place
Without colour, deleted words read [-like this-] and inserted ones {+like this+}.

Exit codes:
  0  compared (with --exit-code: the two are the same, paragraph for paragraph)
  1  with --exit-code: the two differ (a paragraph edited, merged, split, dropped,
     added or moved)
  2  usage or input error (missing or unreadable file)

Example:
  dedupe diff fixtures/seeds/002_b644d28894aa6977.txt fixtures/seeds/000_2c77c33462164435.txt`;

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

Exit codes:
  0  finished; nothing found that --fail-on asks about
  1  --fail-on given and such reuse found
  2  usage or input error, or the index is missing, not a dedupe index, damaged,
     built with other parameters, or in a folder that cannot be used

Examples:
  dedupe check incoming/
  dedupe check --fail-on edited --json incoming/ | jq '.documents[].reusedShare'
  dedupe check --fail-on document --add incoming/`;

export const INDEX_HELP = `
The index is an SQLite database (default .dedupe/index.db). Documents are stored under
their path relative to the current folder: run index commands and checks from the same
folder. Each add is one transaction: if it is interrupted, the index is as it was before.

Exit codes:
  0  finished
  2  usage or input error, or the --db file is missing, not a dedupe index, damaged,
     built with other parameters, or in a folder that cannot be written

Examples:
  dedupe index add archive/
  dedupe index stats
  dedupe index remove archive/2024-01-03/
  dedupe check --fail-on edited incoming/`;

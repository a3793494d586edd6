-- Candidate pairs from one LSH band (src/core/matching/lsh.ts, addBandPairs): variants whose
-- band keys agree in this band share a bucket. A bucket of n variants would give n(n-1)/2
-- pairs; instead each variant is paired with the next ${bucket_window} variants of its bucket
-- in the order of their text keys as unsigned 64-bit numbers, as the scan takes a bucket that
-- large (BUCKET_WINDOW and TextKeys in lsh.ts): file names and shards change nothing. A bucket of up to ${bucket_window} + 1 variants
-- gives all its pairs; a larger one (a template line in a million variants) gives at most
-- ${bucket_window} pairs per variant, which still joins them all into one cluster.
--
-- Equi-joins only, so no engine can turn a large bucket into a quadratic join: a bucket's
-- members are cut into blocks of ${bucket_window} in that order, and a pair lies in one block
-- or in two neighbouring ones.
--
-- band_rows may hold one band (DuckDB here runs it once per band, to bound its memory) or
-- all of them (an engine that shuffles by band and key, such as Spark).
-- Input:  band_rows (shard, band, band_key, text_key), variants (variants.sql).
-- Output: pairs of items, a < b (the same pair may come from several bands).
WITH members AS (
  SELECT b.band, b.band_key, v.item, v.text_key
  FROM band_rows b
  JOIN variants v ON v.text_key = b.text_key AND v.owner = b.shard
), ranked AS (
  SELECT
    band,
    band_key,
    item,
    -- Unsigned order of the signed keys: those with the top bit set (negative) come last.
    row_number() OVER (PARTITION BY band, band_key ORDER BY text_key < 0, text_key) - 1 AS pos,
    count(*) OVER (PARTITION BY band, band_key) AS bucket_size
  FROM members
), shared AS (
  SELECT band, band_key, item, pos, CAST(floor(pos / ${bucket_window}) AS BIGINT) AS block
  FROM ranked
  WHERE bucket_size > 1
)
SELECT least(a.item, b.item) AS a, greatest(a.item, b.item) AS b
FROM shared a
JOIN shared b ON b.band = a.band AND b.band_key = a.band_key AND b.block = a.block
WHERE b.pos > a.pos
UNION ALL
SELECT least(a.item, b.item) AS a, greatest(a.item, b.item) AS b
FROM shared a
JOIN shared b ON b.band = a.band AND b.band_key = a.band_key AND b.block = a.block + 1
WHERE b.pos <= a.pos + ${bucket_window}

-- Every candidate pair once, from both channels (src/core/matching/candidates.ts), but for
-- pairs of variants that both occur in one and the same document only, as the scan leaves them
-- out (src/core/matching/pairs.ts): they say nothing about reuse across documents. Their
-- number is the report's candidatePairs.
--
-- Input:  band_pairs (band_pairs.sql, all bands), anchor_pairs (anchor_pairs.sql), variants (variants.sql).
-- Output: pairs of items, a < b, each once.
SELECT DISTINCT c.a, c.b
FROM (
  SELECT a, b FROM band_pairs
  UNION ALL
  SELECT a, b FROM anchor_pairs
) c
JOIN variants va ON va.item = c.a
JOIN variants vb ON vb.item = c.b
WHERE NOT (va.docs = 1 AND vb.docs = 1 AND va.some_doc = vb.some_doc)

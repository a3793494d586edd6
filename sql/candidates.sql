-- Every candidate pair once, from both channels (src/core/matching/candidates.ts). Their
-- number is the report's candidatePairs.
--
-- Input:  band_pairs (band_pairs.sql, all bands), anchor_pairs (anchor_pairs.sql).
-- Output: pairs of items, a < b, each once.
SELECT DISTINCT a, b
FROM (
  SELECT a, b FROM band_pairs
  UNION ALL
  SELECT a, b FROM anchor_pairs
) c

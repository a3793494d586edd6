-- The candidates to measure, with what measuring needs of each side: text key, the shard its
-- shingles are read from, its size. (Pairs of variants that both occur in one and the same
-- document only are no candidates: candidates.sql.)
--
-- Input:  candidates (candidates.sql), variants (variants.sql).
-- Output: one row per pair to measure.
SELECT
  c.a, c.b,
  va.text_key AS a_key, vb.text_key AS b_key,
  va.owner AS a_owner, vb.owner AS b_owner,
  va.size AS a_size, vb.size AS b_size
FROM candidates c
JOIN variants va ON va.item = c.a
JOIN variants vb ON vb.item = c.b

-- Exact verification (src/core/scan/edges.ts, rule in src/core/classify.ts): every candidate
-- is measured on the shingle sets, so an LSH false positive never reaches the report. A pair
-- is derived when its Jaccard similarity is at least --threshold (${threshold}) or either
-- variant lies at least --containment (${containment}) inside the other. The measures are
-- computed as the scan computes them: double division of whole counts.
--
-- Input:  pair_shingles (pair_shingles.sql), shingles, verify_pairs (verify_pairs.sql).
-- Output: one row per derived pair: items a < b, their text keys, sizes and shared shingles.
WITH measured AS (
  SELECT ps.a, ps.b, count(*) AS common
  FROM pair_shingles ps
  JOIN shingles s ON s.text_key = ps.b_key AND s.shard = ps.b_owner AND s.shingle = ps.shingle
  GROUP BY ps.a, ps.b
)
SELECT p.a, p.b, p.a_key, p.b_key, p.a_size, p.b_size, m.common
FROM verify_pairs p
JOIN measured m ON m.a = p.a AND m.b = p.b
WHERE CAST(m.common AS DOUBLE) / CAST(p.a_size + p.b_size - m.common AS DOUBLE) >= CAST('${threshold}' AS DOUBLE)
   OR CAST(m.common AS DOUBLE) / CAST(p.a_size AS DOUBLE) >= CAST('${containment}' AS DOUBLE)
   OR CAST(m.common AS DOUBLE) / CAST(p.b_size AS DOUBLE) >= CAST('${containment}' AS DOUBLE)

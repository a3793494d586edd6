-- Exact verification (src/core/scan/edges.ts, rule in src/core/classify.ts): every candidate
-- is measured on the shingle sets, so an LSH false positive never reaches the report. A pair
-- is derived when its Jaccard similarity is at least --threshold (${threshold}) or either
-- variant lies at least --containment (${containment}) inside the other. Pairs of variants
-- that both occur in one and the same document only are skipped, as the scan skips them.
-- The measures are computed as the scan computes them (double division of whole counts).
--
-- Input:  candidates (candidates.sql), variants (variants.sql), shingles.
-- Output: one row per derived pair: items a < b, their text keys, sizes and shared shingles.
WITH pairs AS (
  SELECT
    c.a, c.b,
    va.text_key AS a_key, vb.text_key AS b_key,
    va.owner AS a_owner, vb.owner AS b_owner,
    va.size AS a_size, vb.size AS b_size
  FROM candidates c
  JOIN variants va ON va.item = c.a
  JOIN variants vb ON vb.item = c.b
  WHERE NOT (va.docs = 1 AND vb.docs = 1 AND va.some_doc = vb.some_doc)
), measured AS (
  SELECT p.a, p.b, count(*) AS common
  FROM pairs p
  JOIN shingles sa ON sa.text_key = p.a_key AND sa.shard = p.a_owner
  JOIN shingles sb ON sb.text_key = p.b_key AND sb.shard = p.b_owner AND sb.shingle = sa.shingle
  GROUP BY p.a, p.b
)
SELECT p.a, p.b, p.a_key, p.b_key, p.a_size, p.b_size, o.common
FROM pairs p
JOIN measured o ON o.a = p.a AND o.b = p.b
WHERE CAST(o.common AS DOUBLE) / CAST(p.a_size + p.b_size - o.common AS DOUBLE) >= CAST('${threshold}' AS DOUBLE)
   OR CAST(o.common AS DOUBLE) / CAST(p.a_size AS DOUBLE) >= CAST('${containment}' AS DOUBLE)
   OR CAST(o.common AS DOUBLE) / CAST(p.b_size AS DOUBLE) >= CAST('${containment}' AS DOUBLE)

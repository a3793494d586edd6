-- Comparable variants: paragraphs with the same text key (the same normalised words) are one
-- variant, compared once however many times the text occurs (a footer on a million pages is
-- one row here). Only variants with shingles (at least --min-words words) take part in the
-- join. Mirrors src/core/scan/variants.ts.
--
-- Input:  paragraphs (every shard), doc_order (doc_order.sql).
-- Output: one row per comparable variant:
--   text_key      the variant's text key (signed 64-bit)
--   owner         the lowest shard holding it: its shingles and band keys are read from there
--                 (a text in several shards is written by each)
--   item          where it first occurs: ord * 2^32 + paragraph number. Unique; not
--                 renumbered 0, 1, 2...: that would need one global sort, which Spark runs in
--                 a single task. (band_pairs.sql orders a large bucket's members by text
--                 key, as the scan does: no result depends on this order.)
--   docs          documents holding it; some_doc one of them (pairs inside a single document
--                 are not verified, as in the scan)
--   size          its number of distinct shingles
--   anchor_first, anchor_last   its first and last shingle (src/core/matching/anchors.ts)
SELECT
  p.text_key,
  min(p.shard) AS owner,
  min(o.ord * 4294967296 + p.idx) AS item,
  count(DISTINCT p.doc) AS docs,
  min(p.doc) AS some_doc,
  max(p.shingle_count) AS size,
  max(p.anchor_first) AS anchor_first,
  max(p.anchor_last) AS anchor_last
FROM paragraphs p
JOIN doc_order o ON o.doc = p.doc
WHERE p.shingle_count IS NOT NULL
GROUP BY p.text_key

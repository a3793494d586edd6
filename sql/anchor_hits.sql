-- Where the anchors are found: every shingle row (of every comparable variant) that is an
-- anchor some variant needs. Kept as its own step so that the next one joins on equalities
-- only; at most ${anchor_max_paragraphs} variants need any one anchor, so this is linear in
-- the shingles.
--
-- Input:  anchors (anchors.sql), shingles (shard, text_key, shingle).
-- Output: one row per hit: item (the variant needing the anchor), its size and wanted, and the
--         text_key and shard of the shingle row (the container).
SELECT a.item, a.size, a.wanted, s.text_key, s.shard
FROM anchors a
JOIN shingles s ON s.shingle = a.anchor

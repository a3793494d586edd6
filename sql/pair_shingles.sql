-- Each pair to measure with the shingles of its first variant: a step of its own, so that the
-- next joins them with the second variant's shingles on (text key, shingle) together. (Left to
-- itself, an optimizer may join the two sides' shingles on the shingle alone first: 144
-- million rows for 270,000 pairs on the 100 MB bench corpus.)
--
-- Input:  verify_pairs (verify_pairs.sql), shingles (shard, text_key, shingle).
-- Output: one row per pair and shingle of its first variant.
SELECT p.a, p.b, p.b_key, p.b_owner, s.shingle
FROM verify_pairs p
JOIN shingles s ON s.text_key = p.a_key AND s.shard = p.a_owner

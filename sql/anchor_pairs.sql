-- Candidate pairs from containment anchors (src/core/matching/anchors.ts): a variant lying
-- inside a larger one keeps its first and last shingle (its anchors) there. A pair when every
-- anchor the variant needs is in the container, the container being another variant at least
-- 10/${smaller_share_tenths} of its size (SMALLER_SHARE_TENTHS): near-duplicates of similar
-- size are LSH's to find.
--
-- Input:  anchor_hits (anchor_hits.sql), variants (variants.sql).
-- Output: pairs of items, a < b.
SELECT least(h.item, c.item) AS a, greatest(h.item, c.item) AS b
FROM anchor_hits h
JOIN variants c ON c.text_key = h.text_key AND c.owner = h.shard
WHERE c.item <> h.item AND h.size * 10 <= c.size * ${smaller_share_tenths}
GROUP BY h.item, c.item, h.wanted
HAVING count(*) = h.wanted

-- Candidate pairs from containment anchors (src/core/matching/anchors.ts): a variant lying
-- inside a larger one keeps its first and last shingle (its anchors) there. An anchor shared
-- by more than ${anchor_max_paragraphs} variants is a common phrase and is not looked up
-- (ANCHOR_MAX_PARAGRAPHS); a variant needs every anchor it has that is not common. The
-- container must be at least 10/${smaller_share_tenths} of the variant's size
-- (SMALLER_SHARE_TENTHS): near-duplicates of similar size are LSH's to find.
--
-- Input:  variants (variants.sql), shingles (shard, text_key, shingle).
-- Output: pairs of items, a < b.
WITH entries AS (
  SELECT item, anchor_first AS anchor FROM variants
  UNION
  SELECT item, anchor_last AS anchor FROM variants
), usable AS (
  SELECT anchor FROM entries GROUP BY anchor HAVING count(*) <= ${anchor_max_paragraphs}
), needed AS (
  SELECT e.item, e.anchor, v.size
  FROM entries e
  JOIN usable u ON u.anchor = e.anchor
  JOIN variants v ON v.item = e.item
), wanted AS (
  SELECT item, count(*) AS anchors FROM needed GROUP BY item
), found AS (
  SELECT n.item, c.item AS container, count(*) AS anchors
  FROM needed n
  JOIN shingles s ON s.shingle = n.anchor
  JOIN variants c ON c.text_key = s.text_key AND c.owner = s.shard
  WHERE c.item <> n.item AND n.size * 10 <= c.size * ${smaller_share_tenths}
  GROUP BY n.item, c.item
)
SELECT least(f.item, f.container) AS a, greatest(f.item, f.container) AS b
FROM found f
JOIN wanted w ON w.item = f.item AND w.anchors = f.anchors

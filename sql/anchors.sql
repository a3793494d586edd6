-- The containment anchors each variant needs found (src/core/matching/anchors.ts): its first
-- and last shingle, leaving out an anchor shared by more than ${anchor_max_paragraphs}
-- variants (ANCHOR_MAX_PARAGRAPHS): a common phrase ("said on Tuesday"), not looked up; the
-- variant then needs only its other anchor. A variant whose anchors are both common is left out.
--
-- Input:  variants (variants.sql).
-- Output: one row per variant and anchor it needs: item, anchor, size (its shingles), wanted
--         (how many anchors it needs: 1 or 2).
WITH entries AS (
  SELECT item, anchor_first AS anchor FROM variants
  UNION
  SELECT item, anchor_last AS anchor FROM variants
), usable AS (
  SELECT anchor FROM entries GROUP BY anchor HAVING count(*) <= ${anchor_max_paragraphs}
), needed AS (
  SELECT e.item, e.anchor FROM entries e JOIN usable u ON u.anchor = e.anchor
), wanted AS (
  SELECT item, count(*) AS wanted FROM needed GROUP BY item
)
SELECT n.item, n.anchor, v.size, w.wanted
FROM needed n
JOIN wanted w ON w.item = n.item
JOIN variants v ON v.item = n.item

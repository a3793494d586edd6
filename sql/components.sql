-- The components found by large-star and small-star once neither changes the edges: every
-- node is linked to its component's smallest node (a star), which names the component.
--
-- Input:  cc_edges (a, b) after the last round.
-- Output: one row per node of a verified pair: item, component (the smallest item linked to it).
WITH adjacency AS (
  SELECT a AS node, b AS neighbour FROM cc_edges
  UNION
  SELECT b AS node, a AS neighbour FROM cc_edges
)
SELECT node AS item, least(node, min(neighbour)) AS component
FROM adjacency
GROUP BY node

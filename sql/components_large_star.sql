-- Connected components of the verified pairs, one round of large-star (Kiveris, Lattanzi,
-- Mirrokni, Rastogi, Vassilvitskii, "Connected Components in MapReduce and Beyond", SoCC
-- 2014): every node's larger neighbours are linked to the smallest node of its neighbourhood.
-- Alternated with small-star (components_small_star.sql) until neither changes the edges,
-- which takes O(log n) rounds; each is a shuffle of the edges, so a graph of billions of
-- edges is done in a few dozen shuffles. The paragraph clusters of the report are the same
-- components, found there by union-find (src/core/scan/clusters.ts).
--
-- Input:  cc_edges (a, b): the graph's edges, each once, either way round.
-- Output: the new edges (a, b), a > b.
WITH adjacency AS (
  SELECT a AS node, b AS neighbour FROM cc_edges
  UNION
  SELECT b AS node, a AS neighbour FROM cc_edges
), smallest AS (
  SELECT node, least(node, min(neighbour)) AS m FROM adjacency GROUP BY node
)
SELECT DISTINCT j.neighbour AS a, s.m AS b
FROM adjacency j
JOIN smallest s ON s.node = j.node
WHERE j.neighbour > j.node

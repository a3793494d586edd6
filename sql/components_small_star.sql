-- Connected components, one round of small-star (Kiveris et al. 2014; see
-- components_large_star.sql): every node and its smaller neighbours are linked to the
-- smallest of them.
--
-- Input:  cc_edges (a, b): the edges, each once, either way round.
-- Output: the new edges (a, b), a > b.
WITH adjacency AS (
  SELECT a AS node, b AS neighbour FROM cc_edges
  UNION
  SELECT b AS node, a AS neighbour FROM cc_edges
), lower AS (
  SELECT node, neighbour FROM adjacency WHERE neighbour < node
), smallest AS (
  SELECT node, min(neighbour) AS m FROM lower GROUP BY node
)
SELECT DISTINCT l.neighbour AS a, s.m AS b
FROM lower l
JOIN smallest s ON s.node = l.node
WHERE l.neighbour <> s.m
UNION
SELECT node AS a, m AS b FROM smallest

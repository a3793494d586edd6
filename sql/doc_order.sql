-- Every document's place in the scan's order: documents sorted by id.
--
-- Input:  documents (shard, doc, id, ...), every shard's documents.parquet.
-- Output: one row per document: doc, ord (0-based).
--
-- The in-memory scan sorts ids by UTF-16 code units; SQL engines sort strings by their UTF-8
-- bytes. The two orders differ only between characters above U+FFFF and characters from
-- U+E000 to U+FFFF, and here the order only names each variant by where it first occurs
-- (variants.sql, item): no result depends on it (band_pairs.sql orders by text key).
--
-- A numbering of all rows needs one global sort, which Spark runs in a single task: for a
-- hundred million documents sql/spark_join.py numbers them with zipWithIndex instead (the
-- same numbers, computed in parallel).
SELECT doc, row_number() OVER (ORDER BY id) - 1 AS ord
FROM documents

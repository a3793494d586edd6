"""dedupe join on Spark: the SQL files of this folder over the Parquet files `dedupe sign` wrote.

    spark-submit sql/spark_join.py <dir> [--out <dir>/join-spark] [--partitions 2000]

<dir> is a folder (local, HDFS, S3...) holding shard-NNNNN-of-NNNNN folders written by
`dedupe sign --out <dir> --shard i/n`. The verified pairs are written to --out as Parquet
(a folder of part files), with the columns of <dir>/join/pairs.parquet: a, b, a_key, b_key,
a_size, b_size, common; and their connected components to --out/components (item, component,
text_key), by large-star and small-star rounds as dedupe join finds them. `dedupe report` reads the pairs DuckDB wrote; to report from Spark's,
see docs/scale.md ("After the join").

The statements are the ones `dedupe join` runs in DuckDB, unchanged; what differs is how
their inputs are defined and their results kept (docs/scale.md, "DuckDB and Spark SQL"):

- each step's result is written to Parquet and read back (DuckDB keeps temporary tables),
  which also cuts Spark's query plans into the same steps;
- all bands are joined at once, shuffled by (band, band_key) (DuckDB runs one band at a time
  to bound its memory);
- documents are numbered by sorting their ids and zipWithIndex, in parallel (doc_order.sql's
  row_number() over the whole table would run in a single task);
- the parameters come from the shards' Parquet key-value metadata (read with pyarrow) and are
  put into the statements as spark-sql's variable substitution would (${name}).

Written for Spark 3.x; it has not been run here (these machines have no Spark). The SQL files
themselves run in DuckDB in every `dedupe join`, and the same statements' constructs are
documented by both engines (docs/scale.md lists them).
"""

import argparse
import json
import os
import re

import pyarrow.parquet as pq
from pyspark.sql import SparkSession
from pyspark.sql.types import LongType, StructField, StructType

HERE = os.path.dirname(os.path.abspath(__file__))

# The constants of src/core/matching (lsh.ts BUCKET_WINDOW, anchors.ts ANCHOR_MAX_PARAGRAPHS
# and SMALLER_SHARE_TENTHS). dedupe join reads them from the code; change them together.
BUCKET_WINDOW = 64
ANCHOR_MAX_PARAGRAPHS = 32
SMALLER_SHARE_TENTHS = 7


def statement(name, parameters):
    with open(os.path.join(HERE, name + ".sql"), encoding="utf-8") as f:
        text = f.read()
    return re.sub(r"\$\{([a-z_]+)\}", lambda m: str(parameters[m.group(1)]), text)


def signing_parameters(spark, folder):
    """The signing parameters stored in the first shard's documents.parquet (key-value metadata)."""
    jvm_path = spark._jvm.org.apache.hadoop.fs.Path(folder)
    fs = jvm_path.getFileSystem(spark._jsc.hadoopConfiguration())
    shards = sorted(s.getPath().toString() for s in fs.globStatus(spark._jvm.org.apache.hadoop.fs.Path(folder + "/shard-*-of-*")))
    if not shards:
        raise SystemExit(f"{folder} holds no signed shards")
    count = int(shards[0].rsplit("-of-", 1)[1])
    if len(shards) != count:
        raise SystemExit(f"{folder} holds {len(shards)} of {count} shards; sign the missing ones first")
    local = shards[0].replace("file:", "")
    meta = pq.read_metadata(local + "/documents.parquet").metadata  # for remote storage, copy the footer locally
    return json.loads(meta[b"dedupe.signing"]), shards


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir")
    parser.add_argument("--out")
    parser.add_argument("--partitions", type=int, default=2000)
    args = parser.parse_args()
    out = args.out or args.dir.rstrip("/") + "/join-spark"
    work = out + "/_steps"

    spark = SparkSession.builder.appName("dedupe join").getOrCreate()
    spark.conf.set("spark.sql.shuffle.partitions", str(args.partitions))
    signing, _ = signing_parameters(spark, args.dir)
    parameters = {
        "bucket_window": BUCKET_WINDOW,
        "anchor_max_paragraphs": ANCHOR_MAX_PARAGRAPHS,
        "smaller_share_tenths": SMALLER_SHARE_TENTHS,
        "threshold": signing["threshold"],
        "containment": signing["containment"],
    }

    def view(name, path):
        spark.read.parquet(path).createOrReplaceTempView(name)

    view("documents", args.dir + "/shard-*/documents.parquet")
    view("paragraphs", args.dir + "/shard-*/paragraphs.parquet")
    view("shingles", args.dir + "/shard-*/shingles.parquet")
    view("band_rows", args.dir + "/shard-*/bands/band=*/*.parquet")

    def step(name):
        path = f"{work}/{name}"
        spark.sql(statement(name, parameters)).write.mode("overwrite").parquet(path)
        view(name, path)

    # doc_order.sql in parallel: ids sorted, numbered by zipWithIndex (the same numbers).
    ordered = spark.table("documents").select("doc", "id").orderBy("id").rdd.zipWithIndex()
    schema = StructType([StructField("doc", LongType()), StructField("ord", LongType())])
    spark.createDataFrame(ordered.map(lambda row: (row[0]["doc"], row[1])), schema).write.mode("overwrite").parquet(work + "/doc_order")
    view("doc_order", work + "/doc_order")

    for name in ["variants", "band_pairs", "anchors", "anchor_hits", "anchor_pairs", "candidates", "verify_pairs", "pair_shingles", "verified"]:
        step(name)

    spark.table("verified").orderBy("a", "b").write.mode("overwrite").parquet(out + "/pairs")
    rounds = components(spark, view, work, parameters)
    spark.sql("SELECT c.item, c.component, v.text_key FROM components c JOIN variants v ON v.item = c.item").write.mode("overwrite").parquet(out + "/components")
    candidates = spark.table("candidates").count()
    verified = spark.table("verified").count()
    print(json.dumps({"candidatePairs": candidates, "verifiedPairs": verified, "componentRounds": rounds, "pairs": out + "/pairs"}))


def components(spark, view, work, parameters, max_rounds=60):
    """Large-star and small-star rounds (components_*.sql) until a round changes no edge."""
    spark.sql("SELECT DISTINCT greatest(a, b) AS a, least(a, b) AS b FROM verified").write.mode("overwrite").parquet(f"{work}/cc_0")
    view("cc_edges", f"{work}/cc_0")
    for round_ in range(1, max_rounds + 1):
        before = f"{work}/cc_{round_ - 1}"
        for half, name in (("l", "components_large_star"), ("s", "components_small_star")):
            path = f"{work}/cc_{round_}{half}"
            spark.sql(statement(name, parameters)).write.mode("overwrite").parquet(path)
            view("cc_edges", path)
        view("cc_before", before)
        changed = spark.sql(
            "SELECT count(*) FROM ((SELECT a, b FROM cc_edges EXCEPT SELECT a, b FROM cc_before)"
            " UNION ALL (SELECT a, b FROM cc_before EXCEPT SELECT a, b FROM cc_edges)) d"
        ).first()[0]
        spark.read.parquet(f"{work}/cc_{round_}s").write.mode("overwrite").parquet(f"{work}/cc_{round_}")
        if changed == 0:
            spark.sql(statement("components", parameters)).write.mode("overwrite").parquet(f"{work}/components")
            view("components", f"{work}/components")
            return round_
    raise SystemExit(f"connected components did not settle in {max_rounds} rounds")


if __name__ == "__main__":
    main()

/**
 * The SQL of the join, kept in files under sql/ at the package's root (shipped with it), so the
 * same statements run here in DuckDB and on Spark SQL over the same Parquet files (see
 * docs/scale.md and sql/spark_join.py). Each file is one SELECT over named inputs; the caller
 * decides how each result is kept (here: DuckDB temporary tables). `${name}` stands for a
 * parameter (a number), replaced before the statement runs, as spark-sql's variable
 * substitution (`--define name=value`) does.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The folder: sql/ next to src/ (from src/engine/parquet or dist/engine/parquet). */
const SQL_FOLDER = new URL('../../../sql/', import.meta.url);

export type SqlName = 'doc_order' | 'variants' | 'band_pairs' | 'anchors' | 'anchor_hits' | 'anchor_pairs' | 'candidates' | 'verify_pairs' | 'pair_shingles' | 'verified' | 'components_large_star' | 'components_small_star' | 'components';

/** The statement of sql/<name>.sql with its parameters filled in. */
export function statement(name: SqlName, parameters: Readonly<Record<string, number>>): string {
  const text = readFileSync(fileURLToPath(new URL(`${name}.sql`, SQL_FOLDER)), 'utf8');
  return text.replace(/\$\{([a-z_]+)\}/g, (_, key: string) => {
    const value = parameters[key];
    if (value === undefined) throw new Error(`sql/${name}.sql uses \${${key}}, which is not given`);
    return String(value);
  });
}

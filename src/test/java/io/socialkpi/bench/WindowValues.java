package io.socialkpi.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Window values keyed by metric, entity and window start, from either engine, so the benchmark
 * proves that Spark and DuckDB did the same arithmetic before it compares their times.
 */
record WindowValues(Map<String, Double> values) {
  static String key(String metric, String entity, LocalDate windowStart) {
    return metric + '\u0000' + entity + '\u0000' + windowStart;
  }

  /** The run's window_metrics rows that had observations (DuckDB has no empty windows). */
  static WindowValues fromTable(SparkSession spark, Path output, LocalDate runDate) {
    Map<String, Double> values = new HashMap<>();
    for (Row r :
        spark
            .read()
            .parquet(output.resolve("window_metrics/run_date=" + runDate).toString())
            .where("n_obs > 0")
            .select("metric", "entity", "window_start", "value")
            .collectAsList()) {
      values.put(
          key(r.getString(0), r.getString(1), r.getDate(2).toLocalDate()),
          r.isNullAt(3) ? null : r.getDouble(3));
    }
    return new WindowValues(values);
  }

  /** How many of {@code duck}'s values this holds too, equal to 1e-9 relative. */
  String compare(WindowValues duck) {
    int equal = 0;
    int differ = 0;
    int missing = 0;
    String example = "";
    for (var e : duck.values().entrySet()) {
      if (!values.containsKey(e.getKey())) {
        missing++;
        example =
            " e.g. " + e.getKey().replace('\u0000', '/') + " duckdb=" + e.getValue() + " only";
        continue;
      }
      Double a = values.get(e.getKey());
      Double b = e.getValue();
      boolean same =
          a == null ? b == null : b != null && Math.abs(a - b) <= 1e-9 * Math.max(1.0, Math.abs(a));
      if (same) {
        equal++;
      } else {
        differ++;
        example = " e.g. " + e.getKey().replace('\u0000', '/') + " spark=" + a + " duckdb=" + b;
      }
    }
    return String.format(
        Locale.ROOT,
        "%,d of %,d DuckDB window values equal Spark's, %,d differ, %,d missing from Spark;"
            + " Spark has %,d non-empty windows%s",
        equal,
        duck.values().size(),
        differ,
        missing,
        values.size(),
        example);
  }
}

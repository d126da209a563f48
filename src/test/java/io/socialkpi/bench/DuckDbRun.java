package io.socialkpi.bench;

import io.socialkpi.config.Settings;
import io.socialkpi.source.SourceLayout;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

/**
 * Times {@link DuckDbWindows}' query in an in-memory DuckDB, then checks inside DuckDB that every
 * window value it computed equals the job's {@code window_metrics} (read from the Parquet output):
 * the benchmark proves both engines did the same arithmetic before it compares their times, and the
 * check scales to hundreds of millions of windows without collecting them to the JVM.
 *
 * @param addedRssMb how much the query raised this process's peak resident memory above its size
 *     before the query (DuckDB runs in the JVM, so its own memory is not measured apart); -1
 *     unknown
 * @param agreement a sentence with the numbers of equal, differing and missing values
 */
record DuckDbRun(double seconds, long addedRssMb, String agreement) {
  /** Equal to 1e-9 relative; a count of 0 equals a window whose rows all missed the filter. */
  private static final String SAME =
      "(d.value IS NULL AND s.value IS NULL"
          + " OR abs(d.value - s.value) <= 1e-9 * greatest(1.0, abs(s.value))"
          + " OR (s.n_obs = 0 AND d.value = 0))";

  static DuckDbRun run(Settings settings, Map<String, SourceLayout> layouts, Path windowMetrics)
      throws Exception {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = duck.createStatement()) {
      long rssBefore = ProcessMemory.resetPeak() ? ProcessMemory.currentKib() : -1;
      long t0 = System.nanoTime();
      st.execute("CREATE TABLE d AS " + DuckDbWindows.query(settings, layouts));
      double seconds = (System.nanoTime() - t0) / 1e9;
      long peak = ProcessMemory.peakKib();
      long addedMb = rssBefore < 0 || peak < 0 ? -1 : Math.max(0, peak - rssBefore) >> 10;
      st.execute(
          "CREATE VIEW s AS SELECT metric, entity, window_start, value, n_obs FROM read_parquet('"
              + windowMetrics.toAbsolutePath().resolve("*.parquet")
              + "')");
      String join = " FROM d LEFT JOIN s USING (metric, entity, window_start)";
      try (ResultSet rs =
          st.executeQuery(
              "SELECT count(*) FILTER (WHERE s.metric IS NOT NULL AND "
                  + SAME
                  + "), count(*) FILTER (WHERE s.metric IS NOT NULL AND NOT "
                  + SAME
                  + "), count(*) FILTER (WHERE s.metric IS NULL), count(*),"
                  + " (SELECT count(*) FROM s WHERE n_obs > 0)"
                  + join)) {
        rs.next();
        String example = "";
        if (rs.getLong(2) + rs.getLong(3) > 0) {
          try (Statement ex = duck.createStatement();
              ResultSet e =
                  ex.executeQuery(
                      "SELECT metric, entity, window_start, s.value, d.value"
                          + join
                          + " WHERE s.metric IS NULL OR NOT "
                          + SAME
                          + " LIMIT 1")) {
            e.next();
            example =
                String.format(
                    " e.g. %s/%s/%s spark=%s duckdb=%s",
                    e.getString(1), e.getString(2), e.getString(3), e.getObject(4), e.getObject(5));
          }
        }
        return new DuckDbRun(
            seconds,
            addedMb,
            String.format(
                Locale.ROOT,
                "%,d of %,d DuckDB window values equal Spark's, %,d differ, %,d missing from Spark;"
                    + " Spark has %,d non-empty windows%s",
                rs.getLong(1),
                rs.getLong(4),
                rs.getLong(2),
                rs.getLong(3),
                rs.getLong(5),
                example));
      }
    }
  }
}

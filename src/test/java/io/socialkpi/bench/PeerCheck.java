package io.socialkpi.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares the pandas peer's results with the job's tables, inside an in-memory DuckDB (the job's
 * tables are Parquet, the peer's CSV): every window value against {@code window_metrics} (1e-9
 * relative, as {@link DuckDbRun}), its Pearson and Spearman coefficients against the job's level
 * correlations (1e-9), and its before/after rows (window counts, means, Welch's t) against {@code
 * intervention_effects}. The benchmark prints the counts, so a peer that computed something else
 * shows before its time is compared.
 */
final class PeerCheck {
  private PeerCheck() {}

  /** Relative equality of doubles, both null counting as equal. */
  private static String same(String a, String b) {
    return String.format(
        "(%1$s IS NULL AND %2$s IS NULL OR abs(%1$s - %2$s) <= 1e-9 * greatest(1.0, abs(%2$s)))",
        a, b);
  }

  static String compare(Path peerDir, Path jobOut, String runDate) throws SQLException {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = duck.createStatement()) {
      String partition = "/run_date=" + runDate + "/*.parquet";
      st.execute(
          "CREATE VIEW s AS SELECT metric, entity, window_start, value, n_obs FROM read_parquet('"
              + jobOut.toAbsolutePath()
              + "/window_metrics"
              + partition
              + "')");
      st.execute(
          "CREATE VIEW p AS SELECT * FROM read_csv('"
              + peerDir.resolve("windows.csv")
              + "', header = true, columns = {'metric': 'VARCHAR', 'entity': 'VARCHAR',"
              + " 'window_start': 'DATE', 'value': 'DOUBLE'})");
      // A count of 0 equals a window whose rows all missed the filter (n_obs = 0).
      String windowSame = "(" + same("p.value", "s.value") + " OR (s.n_obs = 0 AND p.value = 0))";
      List<String> out = new ArrayList<>();
      out.add(
          count(
              st,
              "SELECT count(*) FILTER (WHERE s.metric IS NOT NULL AND "
                  + windowSame
                  + "),"
                  + " count(*), count(*) FILTER (WHERE s.metric IS NOT NULL AND NOT "
                  + windowSame
                  + "), count(*) FILTER (WHERE s.metric IS NULL),"
                  + " (SELECT count(*) FROM s ANTI JOIN p USING (metric, entity, window_start)"
                  + " WHERE s.n_obs > 0)"
                  + " FROM p LEFT JOIN s USING (metric, entity, window_start)",
              "%,d of %,d pandas window values equal Spark's, %,d differ, %,d missing from Spark,"
                  + " %,d non-empty Spark windows missing from pandas",
              "SELECT metric || '/' || entity || '/' || window_start || ' job=' || "
                  + text("s.value")
                  + " || ' pandas=' || "
                  + text("p.value")
                  + " FROM p LEFT JOIN s USING (metric, entity, window_start)"
                  + " WHERE s.metric IS NULL OR NOT "
                  + windowSame
                  + " LIMIT 1"));

      st.execute(
          "CREATE VIEW jc AS SELECT objective_id, entity, lead_metric, lag, method, coefficient"
              + " FROM read_parquet('"
              + jobOut.toAbsolutePath()
              + "/correlations"
              + partition
              + "') WHERE transform = 'level' AND method IN ('pearson', 'spearman')");
      st.execute(
          "CREATE VIEW pc AS WITH c AS (SELECT * FROM read_csv('"
              + peerDir.resolve("correlations.csv")
              + "', header = true))"
              + " SELECT objective_id, entity, lead_metric, lag, 'pearson' AS method,"
              + " CAST(pearson AS DOUBLE) AS coefficient FROM c UNION ALL"
              + " SELECT objective_id, entity, lead_metric, lag, 'spearman',"
              + " CAST(spearman AS DOUBLE) FROM c");
      String corrSame = same("pc.coefficient", "jc.coefficient");
      String corrJoin =
          " FROM pc LEFT JOIN jc USING (objective_id, entity, lead_metric, lag, method)";
      out.add(
          count(
              st,
              "SELECT count(*) FILTER (WHERE jc.method IS NOT NULL AND "
                  + corrSame
                  + "),"
                  + " count(*), count(*) FILTER (WHERE jc.method IS NOT NULL AND NOT "
                  + corrSame
                  + "), count(*) FILTER (WHERE jc.method IS NULL), 0"
                  + corrJoin,
              "%,d of %,d pandas Pearson and Spearman coefficients equal the job's, %,d differ,"
                  + " %,d missing from the job",
              "SELECT objective_id || '/' || entity || '/' || lead_metric || '/lag ' || lag"
                  + " || '/' || method || ' job=' || "
                  + text("jc.coefficient")
                  + " || ' pandas=' || "
                  + text("pc.coefficient")
                  + corrJoin
                  + " WHERE jc.method IS NULL OR NOT "
                  + corrSame
                  + " LIMIT 1"));

      st.execute(
          "CREATE VIEW je AS SELECT objective_id, entity, tactic_id, metric, n_before, n_after,"
              + " mean_before, mean_after, t_stat FROM read_parquet('"
              + jobOut.toAbsolutePath()
              + "/intervention_effects"
              + partition
              + "')");
      st.execute(
          "CREATE VIEW pe AS SELECT * FROM read_csv('"
              + peerDir.resolve("before_after.csv")
              + "', header = true, types = {'mean_before': 'DOUBLE', 'mean_after': 'DOUBLE',"
              + " 't_stat': 'DOUBLE', 'p_value': 'DOUBLE'})");
      String effectSame =
          "(je.n_before = pe.n_before AND je.n_after = pe.n_after AND "
              + same("pe.mean_before", "je.mean_before")
              + " AND "
              + same("pe.mean_after", "je.mean_after")
              + " AND "
              + same("pe.t_stat", "je.t_stat")
              + ")";
      String effectJoin = " FROM pe LEFT JOIN je USING (objective_id, entity, tactic_id, metric)";
      out.add(
          count(
              st,
              "SELECT count(*) FILTER (WHERE je.metric IS NOT NULL AND "
                  + effectSame
                  + "),"
                  + " count(*), count(*) FILTER (WHERE je.metric IS NOT NULL AND NOT "
                  + effectSame
                  + "), count(*) FILTER (WHERE je.metric IS NULL), 0"
                  + effectJoin,
              "%,d of %,d pandas before/after rows (windows, means, Welch's t) equal the job's,"
                  + " %,d differ, %,d missing from the job",
              "SELECT objective_id || '/' || entity || '/' || tactic_id || '/' || metric"
                  + " || ' job: n ' || "
                  + text("je.n_before")
                  + " || '+' || "
                  + text("je.n_after")
                  + " || ', means ' || "
                  + text("je.mean_before")
                  + " || ' ' || "
                  + text("je.mean_after")
                  + " || ', t ' || "
                  + text("je.t_stat")
                  + " || '; pandas: n ' || pe.n_before || '+'"
                  + " || pe.n_after || ', means ' || "
                  + text("pe.mean_before")
                  + " || ' ' || "
                  + text("pe.mean_after")
                  + " || ', t ' || "
                  + text("pe.t_stat")
                  + effectJoin
                  + " WHERE je.metric IS NULL OR NOT "
                  + effectSame
                  + " LIMIT 1"));
      return String.join("; ", out);
    }
  }

  /**
   * The four counts of {@code sql} (equal, all, differing, missing; a fifth when the format asks
   * for it) in {@code format}, followed by the first line {@code example} describes if any differ.
   */
  private static String count(Statement st, String sql, String format, String example)
      throws SQLException {
    Object[] n = new Object[5];
    long off = 0;
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      for (int i = 0; i < n.length; i++) {
        long v = rs.getLong(i + 1);
        n[i] = v;
        off += i >= 2 ? v : 0;
      }
    }
    String text = String.format(Locale.ROOT, format, n);
    if (off == 0) {
      return text;
    }
    try (ResultSet e = st.executeQuery(example)) {
      return e.next() ? text + " (e.g. " + e.getString(1) + ")" : text;
    }
  }

  /** A nullable SQL value as text. */
  private static String text(String expr) {
    return "coalesce(CAST(" + expr + " AS VARCHAR), 'null')";
  }
}

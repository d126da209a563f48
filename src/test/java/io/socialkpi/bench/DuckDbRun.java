package io.socialkpi.bench;

import io.socialkpi.config.Settings;
import io.socialkpi.source.SourceLayout;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** Times {@link DuckDbWindows}' query in an in-memory DuckDB and keeps its values. */
record DuckDbRun(double seconds, WindowValues values) {
  static DuckDbRun run(Settings settings, Map<String, SourceLayout> layouts) throws Exception {
    String sql = DuckDbWindows.query(settings, layouts);
    Map<String, Double> values = new HashMap<>();
    long t0 = System.nanoTime();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = duck.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        double v = rs.getDouble(4);
        values.put(
            WindowValues.key(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate()),
            rs.wasNull() ? null : v);
      }
    }
    return new DuckDbRun((System.nanoTime() - t0) / 1e9, new WindowValues(values));
  }
}

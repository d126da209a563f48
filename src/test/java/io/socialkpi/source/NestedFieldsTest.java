package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nested data as GA4's BigQuery export and Zendesk's JSON export hand it over: a metric's column
 * and its {@code where} name fields by path ({@code traffic_source.medium}), and times are epoch
 * microseconds ({@code event_timestamp}). The files are written by DuckDB in the layout Google and
 * Zendesk document (../shared/EXPORTS.md), and DuckDB computes the expected window values from the
 * same files, with its own reading of nested fields and timestamps.
 */
class NestedFieldsTest {
  @TempDir Path dir;

  @BeforeAll
  static void session() {
    SparkTestSession.get(); // the scans run in the shared session, started here once
  }

  /** GA4 events of three weeks: session starts and purchases from several sources. */
  private static final String EVENTS =
      """
      SELECT strftime(t, '%Y%m%d') AS event_date,
             epoch_us(t) AS event_timestamp,
             CASE WHEN i % 5 = 0 THEN 'purchase' ELSE 'session_start' END AS event_name,
             {'name': CASE WHEN i % 3 = 0 THEN 'spring' ELSE '(organic)' END,
              'medium': CASE WHEN i % 4 = 0 THEN 'social' WHEN i % 4 = 1 THEN 'organic'
                             ELSE 'referral' END,
              'source': CASE WHEN i % 2 = 0 THEN 'facebook.com' ELSE 'google' END}
               AS traffic_source,
             {'manual_campaign': {'source': CASE WHEN i % 7 = 0 THEN 'instagram' ELSE NULL END,
                                  'medium': 'paid_social'}}
               AS session_traffic_source_last_click,
             {'value_in_usd': (i % 11) * 3.5} AS ecommerce
      FROM (SELECT i, TIMESTAMPTZ '2024-03-04 00:00:00+00' + INTERVAL (i * 617) SECOND AS t
            FROM range(0, 3000) r(i))
      """;

  private static void duckdb(String sql) throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = db.createStatement()) {
      st.execute("SET TimeZone = 'UTC'");
      st.execute(sql);
    }
  }

  /** week start (Monday) to value, from a DuckDB query returning (week, value). */
  private static Map<String, Double> duckdbWeeks(String sql) throws SQLException {
    Map<String, Double> out = new TreeMap<>();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = db.createStatement()) {
      st.execute("SET TimeZone = 'UTC'");
      try (ResultSet rs = st.executeQuery(sql)) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getDouble(2));
        }
      }
    }
    return out;
  }

  private SourceScan scan(String source) throws IOException {
    return ExportScans.scan(dir, "2026-01-01", source);
  }

  private static Map<String, Double> values(SourceScan scan, String metric) {
    return ExportScans.values(scan, metric);
  }

  private static final String METRICS =
      " metrics {\n"
          + "  social-sessions { aggregate = count, where { event_name = session_start,"
          + " traffic_source.medium = social } }\n"
          + "  campaign-sessions { aggregate = count, where {"
          + " session_traffic_source_last_click.manual_campaign.source = instagram } }\n"
          + "  revenue { column = ecommerce.value_in_usd, where { event_name = purchase } }\n"
          + "}";

  private static final String WEEK =
      "strftime(date_trunc('week', to_timestamp(event_timestamp / 1e6)), '%Y-%m-%d')";

  private void expectGa4Values(SourceScan scan, String file) throws SQLException {
    String from = " FROM '" + file + "' GROUP BY 1 HAVING count(*) > 0 ORDER BY 1";
    assertThat(values(scan, "s.social-sessions"))
        .isEqualTo(
            duckdbWeeks(
                "SELECT "
                    + WEEK
                    + ", count(*) FILTER (WHERE event_name = 'session_start' AND"
                    + " traffic_source.medium = 'social')"
                    + from));
    assertThat(values(scan, "s.campaign-sessions"))
        .isEqualTo(
            duckdbWeeks(
                "SELECT "
                    + WEEK
                    + ", count(*) FILTER (WHERE"
                    + " session_traffic_source_last_click.manual_campaign.source = 'instagram')"
                    + from));
    Map<String, Double> revenue =
        duckdbWeeks(
            "SELECT "
                + WEEK
                + ", sum(ecommerce.value_in_usd) FILTER (WHERE event_name = 'purchase')"
                + from);
    assertThat(values(scan, "s.revenue")).hasSameSizeAs(revenue);
    revenue.forEach(
        (week, v) ->
            assertThat(values(scan, "s.revenue").get(week))
                .isCloseTo(v, org.assertj.core.api.Assertions.within(1e-9)));
    assertThat(scan.quarantine().collectAsList()).isEmpty();
    assertThat(scan.quality().rowsAccepted()).isEqualTo(3000);
  }

  @Test
  void ga4BigQueryParquetWithNestedSourcesAndEpochMicroseconds() throws Exception {
    Path file = dir.resolve("events_20240304.parquet");
    duckdb("COPY (" + EVENTS + ") TO '" + file + "' (FORMAT PARQUET)");
    SourceScan scan = scan("path = \"" + file + "\", preset = ga4-bigquery," + METRICS);
    expectGa4Values(scan, file.toString());
    scan.release();
  }

  @Test
  void ga4BigQueryJsonLinesWithNestedSourcesAndEpochMicroseconds() throws Exception {
    Path file = dir.resolve("events_20240304.json");
    duckdb("COPY (" + EVENTS + ") TO '" + file + "' (FORMAT JSON)");
    assertThat(Files.readAllLines(file).get(0)).contains("\"traffic_source\":{");
    SourceScan scan =
        scan(
            "path = \""
                + file
                + "\", format = json,"
                + " time { column = event_timestamp, pattern = epoch-micros },"
                + METRICS);
    expectGa4Values(scan, file.toString());
    scan.release();
  }

  @Test
  void aKeyHoldingTheWholeDottedNameWinsOverAPath() throws IOException {
    Path file = dir.resolve("tickets.json");
    // Zendesk's ticket export: created_at in UTC, the channel under via, the rating under
    // satisfaction_rating; a flattened copy of one field as a dotted key of its own.
    Files.writeString(
        file,
        """
        {"id":1,"created_at":"2024-03-04T09:00:00Z","via":{"channel":"twitter"},"satisfaction_rating":{"score":"good"}}
        {"id":2,"created_at":"2024-03-05T09:00:00Z","via":{"channel":"web"},"satisfaction_rating":{"score":"bad"}}
        {"id":3,"created_at":"2024-03-06T09:00:00Z","via":{"channel":"twitter"},"via.channel":"email","satisfaction_rating":{"score":"offered"}}
        {"id":4,"created_at":"2024-03-07T09:00:00Z","via":{"channel":"facebook"},"satisfaction_rating":null}
        """);
    SourceScan scan =
        scan(
            "path = \""
                + file
                + "\", format = json,"
                + " time { column = created_at, pattern = \"yyyy-MM-dd'T'HH:mm:ssX\" },"
                + " metrics { social { aggregate = count, where { via.channel = [twitter,"
                + " facebook] } }, good { aggregate = count, where {"
                + " satisfaction_rating.score = good } } }");
    assertThat(values(scan, "s.social")).containsExactly(Map.entry("2024-03-04", 2.0));
    assertThat(values(scan, "s.good")).containsExactly(Map.entry("2024-03-04", 1.0));
    assertThat(scan.quality().rowsAccepted()).isEqualTo(4);
    scan.release();
  }
}

package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.ConfigError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Google Analytics reports downloaded as CSV, in the layout ../shared/EXPORTS.md records: a "#"
 * comment block with the report's start date, then tables separated by blank lines. The source
 * reads the table whose header has its columns (each by its own header), skips the others, and
 * reads GA4's "Nth day" offsets from the start date; values summed by hand from the rows shown.
 */
class GaExportsTest {
  @TempDir Path dir;

  @BeforeAll
  static void session() {
    SparkTestSession.get(); // the scans run in the shared session, started here once
  }

  /** A GA4 "Reports snapshot": users by channel, then users by Nth day, then new users. */
  static final String GA4_SNAPSHOT =
      """
      # ----------------------------------------
      # Reports snapshot
      # Account: Demo Account
      # Property: GA4 - Demo Shop
      # ----------------------------------------
      #
      # Start date: 20240101
      # End date: 20240114
      Session default channel group,Users
      Organic Social,310
      Direct,250

      Nth day,Users
      0000,40
      0001,45
      0006,50
      0007,60
      0013,70

      Nth day,New users
      0000,30
      0001,35
      """;

  private SourceScan scan(Map<String, String> files, String source) throws IOException {
    Path exports = Files.createDirectories(dir.resolve("ga"));
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.writeString(exports.resolve(f.getKey()), f.getValue());
    }
    return ExportScans.scan(dir, "2026-01-01", "path = \"" + exports + "\", " + source);
  }

  private static Map<String, Double> values(SourceScan scan, String metric) {
    return ExportScans.values(scan, metric);
  }

  @Test
  void ga4SnapshotReadsTheNthDayTableFromItsStartDate() throws IOException {
    SourceScan scan =
        scan(
            Map.of("snapshot.csv", GA4_SNAPSHOT),
            "preset = ga4-csv, time { column = \"Nth day\", pattern = nth-day },"
                + " metrics { users { column = Users } }");
    // 2024-01-01 is a Monday: days 0, 1, 6 in its week, 7 and 13 in the next.
    assertThat(values(scan, "s.users"))
        .containsExactly(Map.entry("2024-01-01", 135.0), Map.entry("2024-01-08", 130.0));
    assertThat(scan.quarantine().collectAsList()).isEmpty();
    assertThat(scan.quality().rowsRead()).isEqualTo(5);
    assertThat(scan.quality().lastDate()).isEqualTo(java.time.LocalDate.of(2024, 1, 14));
    scan.release();
  }

  @Test
  void aDayOffsetWithoutAStartDateIsABadTimeNamingTheComment() throws IOException {
    String noStart = GA4_SNAPSHOT.replace("# Start date: 20240101\n", "");
    SourceScan scan =
        scan(
            Map.of("snapshot.csv", noStart),
            "preset = ga4-csv, time { column = \"Nth day\", pattern = nth-day },"
                + " metrics { users { column = Users } }");
    List<Row> q = scan.quarantine().collectAsList();
    assertThat(q).hasSize(5);
    assertThat(q.get(0).<String>getAs("reason")).isEqualTo("bad_time");
    assertThat(q.get(0).<String>getAs("detail"))
        .contains("no '# Start date: YYYYMMDD' comment line");
    scan.release();
  }

  @Test
  void universalAnalyticsDailyTableWithTotalsRowPercentsAndDurations() throws IOException {
    String ua =
        """
        # ----------------------------------------
        # All Web Site Data
        # Audience Overview
        # 20240304-20240312
        # ----------------------------------------

        Default Channel Grouping,Sessions
        Social,"1,000"

        # ----------------------------------------
        Day Index,Sessions,Bounce Rate,Avg. Session Duration
        3/4/24,"3,215",96.02%,00:00:12
        3/5/24,"2,100",50.00%,00:01:00
        3/11/24,900,40.00%,00:00:30
        ,"6,215",72.01%,00:00:34
        """;
    SourceScan scan =
        scan(
            Map.of("Analytics All Web Site Data Audience Overview.csv", ua),
            "preset = universal-analytics-csv, metrics { sessions { column = Sessions },"
                + " duration { column = \"Avg. Session Duration\", aggregate = mean } }");
    assertThat(scan.quarantine().collectAsList()).isEmpty();
    assertThat(scan.quality().rowsRead()).isEqualTo(3);
    assertThat(values(scan, "s.sessions"))
        .containsExactly(Map.entry("2024-03-04", 5315.0), Map.entry("2024-03-11", 900.0));
    assertThat(values(scan, "s.duration").get("2024-03-04")).isCloseTo(36.0, within(1e-12));
    scan.release();
  }

  @Test
  void aReportWithoutTheSourcesTableIsAnErrorListingItsTables() {
    assertThatThrownBy(
            () ->
                scan(
                    Map.of("snapshot.csv", GA4_SNAPSHOT),
                    "preset = ga4-csv, time { column = \"Nth day\", pattern = nth-day },"
                        + " metrics { views { column = Views } }"))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("has no table whose header names [Nth day, Views]")
        .hasMessageContaining(
            "Session default channel group,Users | Nth day,Users | Nth day,New users");
  }
}

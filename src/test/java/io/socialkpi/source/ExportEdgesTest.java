package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.config.Aggregate;
import io.socialkpi.config.CsvOptions;
import io.socialkpi.config.GapPolicy;
import io.socialkpi.config.MetricSpec;
import io.socialkpi.config.SourceFormat;
import io.socialkpi.config.SourceSpec;
import io.socialkpi.config.TimeSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edge cases of issue 14's exports found in review: each once failed. */
class ExportEdgesTest {
  @TempDir Path dir;

  private SourceScan scan(String file, String text, String source) throws IOException {
    Path exports = Files.createDirectories(dir.resolve("exports"));
    Files.writeString(exports.resolve(file), text);
    return ExportScans.scan(dir, "2026-01-01", "path = \"" + exports + "\", " + source);
  }

  private static Map<String, Double> values(SourceScan scan) {
    Map<String, Double> out = new TreeMap<>();
    for (Row r : scan.windowValues().collectAsList()) {
      out.put(r.getAs("window_start").toString(), r.getAs("value"));
    }
    return out;
  }

  private static final String NTH_DAY =
      "preset = ga4-csv, time { column = \"Nth day\", pattern = nth-day },"
          + " metrics { users { column = Users } }";

  @Test
  void aStartDateThatIsNoDateQuarantinesTheRowsInsteadOfFailingTheJob() throws IOException {
    // LocalDate.parse threw inside the Spark task: the whole run failed with a stack trace.
    SourceScan scan =
        scan("a.csv", "# Start date: 20241301\nNth day,Users\n0000,40\n0001,41\n", NTH_DAY);
    List<Row> q = scan.quarantine().collectAsList();
    assertThat(q).hasSize(2);
    assertThat(q.get(0).<String>getAs("reason")).isEqualTo("bad_time");
    assertThat(q.get(0).<String>getAs("detail")).contains("20241301").contains("Start date");
    scan.release();
  }

  @Test
  void aDayOffsetOnARecordWithALineBreakIsReadAsItsDate() throws IOException {
    // The record held across lines was parsed again whole, after the offset was turned into a
    // date on its first line: '0001' then failed as a yyyy-MM-dd date (bad_time).
    SourceScan scan =
        scan(
            "a.csv",
            "# Start date: 20240101\nNth day,Users,Note\n0000,40,x\n0001,2,\"two\nlines\"\n",
            NTH_DAY);
    assertThat(scan.quarantine().collectAsList()).isEmpty();
    assertThat(values(scan)).containsExactly(Map.entry("2024-01-01", 42.0));
    scan.release();
  }

  @Test
  void aCentSignIsNoCurrencyAmount() {
    // 50¢ is half a dollar: read as 50 it would be a hundred times too much among "$0.50" rows.
    NumberText text =
        NumberText.of(
            SourceSpec.of(
                "s",
                "s.csv",
                SourceFormat.CSV,
                CsvOptions.of(',', '.', null, null),
                new TimeSpec("date", "yyyy-MM-dd", ZoneId.of("UTC")),
                List.of(new MetricSpec("s", "v", "v", Aggregate.SUM, Map.of(), GapPolicy.ZERO))));
    assertThat(text.parse("50¢")).isNaN();
    assertThat(text.parse("50\uFFE0")).isNaN();
    assertThat(text.parse("$0.50")).isEqualTo(0.5);
  }

  @Test
  void aCopyOfAReportListsTheRowsOfItsReadTableOnly() throws IOException {
    // A byte copy's lines were all listed as duplicate_file: blank lines, the headers and rows of
    // tables the source does not read (9 of 11 rows "quarantined", where its original reads 2).
    String report =
        """
        # Start date: 20240101
        Channel,Users
        Social,1
        Direct,2

        Nth day,Users
        0000,40
        0001,41

        Nth day,New users
        0000,3
        """;
    Path exports = Files.createDirectories(dir.resolve("exports"));
    Files.writeString(exports.resolve("copy.csv"), report);
    SourceScan scan = scan("report.csv", report, NTH_DAY);
    assertThat(values(scan)).containsExactly(Map.entry("2024-01-01", 81.0));
    List<Row> q = scan.quarantine().collectAsList();
    assertThat(q).extracting(r -> r.<String>getAs("reason")).containsOnly("duplicate_file");
    assertThat(q).extracting(r -> r.<String>getAs("raw")).containsExactly("0000,40", "0001,41");
    assertThat(scan.quality().rowsRead()).isEqualTo(4);
    scan.release();
  }
}

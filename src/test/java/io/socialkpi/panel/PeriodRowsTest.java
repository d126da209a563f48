package io.socialkpi.panel;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_date;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import io.socialkpi.source.InputCheck;
import io.socialkpi.source.SourceScan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows that stand for a week or a month ({@code time.grain}, {@code time.stamp}): each covers its
 * whole period, so the window of an export's last (or first) period is complete, where a row read
 * as its own day leaves it partial and out of the analysis. A row stamped off its period's first or
 * last day is quarantined with the reason, the same in the compiled text scan and the Parquet scan.
 */
class PeriodRowsTest {
  private static SparkSession spark;

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    spark = SparkTestSession.get();
  }

  /** The CSV {@code day,revenue} with one row per day given, revenue 10, 20, 30, ... */
  private void csv(String... days) throws IOException {
    StringBuilder text = new StringBuilder("day,revenue\n");
    for (int i = 0; i < days.length; i++) {
      text.append(days[i]).append(',').append(10 * (i + 1)).append('\n');
    }
    Files.writeString(dir.resolve("sales.csv"), text.toString());
  }

  private SourceScan scan(String window, String runDate, String path, String time)
      throws IOException {
    Files.writeString(
        dir.resolve("job.conf"),
        "socialkpi {\n"
            + "  run { zone = \"UTC\", window = "
            + window
            + ", run-date = "
            + runDate
            + ", quarantine-max-fraction = 1.0 }\n"
            + "  sources { sales { path = \""
            + path
            + "\", format = "
            + (path.endsWith(".csv") ? "csv" : "parquet")
            + "\n    time { column = day"
            + time
            + " }\n    metrics { revenue { column = revenue } } } }\n"
            + "}\n");
    Settings s = SettingsLoader.load(dir.resolve("job.conf"));
    return SourceScan.run(
        spark, s.sources().get("sales"), InputCheck.check(s).get("sales"), s.run());
  }

  /** Each window of the source as {@code start value complete|partial}, in order. */
  private List<String> windows(String window, String runDate, String path, String time)
      throws IOException {
    SourceScan scan = scan(window, runDate, path, time);
    return WindowMetrics.complete(
            spark,
            List.of(scan),
            io.socialkpi.calendar.WindowUnit.valueOf(window.toUpperCase(java.util.Locale.ROOT)),
            java.time.LocalDate.parse(runDate))
        .orderBy("window_start")
        .collectAsList()
        .stream()
        .map(
            r ->
                r.getAs("window_start")
                    + " "
                    + r.<Double>getAs("value")
                    + " "
                    + (r.<Boolean>getAs("complete") ? "complete" : "partial"))
        .toList();
  }

  /** The quarantined rows of a scan as {@code line reason: detail}. */
  private static List<String> quarantined(SourceScan scan) {
    return scan.quarantine().orderBy("line").collectAsList().stream()
        .map(r -> r.getAs("line") + " " + r.getAs("reason") + ": " + r.getAs("detail"))
        .toList();
  }

  @Test
  void aMondayStampedWeeklyExportKeepsItsLastWeekComplete() throws IOException {
    csv("2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22");
    assertThat(windows("week", "2024-03-31", "sales.csv", ", grain = week"))
        .containsExactly(
            "2024-01-01 10.0 complete",
            "2024-01-08 20.0 complete",
            "2024-01-15 30.0 complete",
            "2024-01-22 40.0 complete");
    // Read as rows of their own day (the default), the last Monday covers one day of its week.
    assertThat(windows("week", "2024-03-31", "sales.csv", ""))
        .endsWith("2024-01-15 30.0 complete", "2024-01-22 40.0 partial");
  }

  @Test
  void aSundayStampedWeeklyExportEndsItsWeekOnTheStamp() throws IOException {
    csv("2024-01-07", "2024-01-14", "2024-01-21", "2024-01-28");
    assertThat(windows("week", "2024-03-31", "sales.csv", ", grain = week, stamp = end"))
        .containsExactly(
            "2024-01-01 10.0 complete",
            "2024-01-08 20.0 complete",
            "2024-01-15 30.0 complete",
            "2024-01-22 40.0 complete");
    // As days, the first Sunday covers one day of its week: the first week was the one dropped.
    assertThat(windows("week", "2024-03-31", "sales.csv", ""))
        .startsWith("2024-01-01 10.0 partial", "2024-01-08 20.0 complete");
  }

  @Test
  void aMonthlyExportStampedOnTheFirstKeepsItsLastMonth() throws IOException {
    csv("2024-01-01", "2024-02-01", "2024-03-01");
    assertThat(windows("month", "2024-06-30", "sales.csv", ", grain = month"))
        .containsExactly(
            "2024-01-01 10.0 complete", "2024-02-01 20.0 complete", "2024-03-01 30.0 complete");
    assertThat(windows("month", "2024-06-30", "sales.csv", "")).endsWith("2024-03-01 30.0 partial");
  }

  @Test
  void aMonthlyExportStampedOnItsLastDayCoversTheWholeMonth() throws IOException {
    csv("2024-01-31", "2024-02-29", "2024-03-31");
    assertThat(windows("month", "2024-06-30", "sales.csv", ", grain = month, stamp = end"))
        .containsExactly(
            "2024-01-01 10.0 complete", "2024-02-01 20.0 complete", "2024-03-01 30.0 complete");
  }

  @Test
  void aPeriodStillRunningOnTheRunDateIsNotComplete() throws IOException {
    // The week of 2024-01-22 is exported on Wednesday the 24th: its value is the week so far.
    csv("2024-01-08", "2024-01-15", "2024-01-22");
    assertThat(windows("week", "2024-01-24", "sales.csv", ", grain = week"))
        .containsExactly(
            "2024-01-08 10.0 complete", "2024-01-15 20.0 complete", "2024-01-22 30.0 partial");
    // From the Sunday the week ends on, it is over.
    assertThat(windows("week", "2024-01-28", "sales.csv", ", grain = week"))
        .endsWith("2024-01-22 30.0 complete");
  }

  @Test
  void aRowStampedOffItsPeriodIsQuarantinedNeverShifted() throws IOException {
    // A Wednesday in a Monday-stamped export: its week runs into the next window.
    csv("2024-01-01", "2024-01-10", "2024-01-15");
    SourceScan scan = scan("week", "2024-03-31", "sales.csv", ", grain = week");
    assertThat(quarantined(scan))
        .containsExactly(
            "3 unaligned_period: '2024-01-10' is on 2024-01-10, not a Monday: with time.grain ="
                + " week and time.stamp = start a row is stamped on the Monday its week starts"
                + " (weeks run Monday to Sunday, as the windows do), so this row's week would"
                + " span two windows");
    assertThat(scan.quality().rowsAccepted()).isEqualTo(2);
  }

  @Test
  void aSundayToSaturdayWeekIsNoWindowSoItsRowsAreQuarantined() throws IOException {
    // US weeks (Google Trends): stamped on the Sunday they start. Six of seven days lie in the next
    // ISO week; putting the value in either window would misplace days, so none is read.
    csv("2024-01-07", "2024-01-14");
    SourceScan scan = scan("week", "2024-03-31", "sales.csv", ", grain = week");
    assertThat(quarantined(scan))
        .extracting(q -> q.substring(0, q.indexOf(':')))
        .containsExactly("2 unaligned_period", "3 unaligned_period");
    assertThat(scan.quality().rowsAccepted()).isZero();
  }

  @Test
  void aMonthlyRowOffItsFirstDayIsQuarantinedToo() throws IOException {
    csv("2024-01-01", "2024-02-15");
    assertThat(quarantined(scan("month", "2024-06-30", "sales.csv", ", grain = month")))
        .containsExactly(
            "3 unaligned_period: '2024-02-15' is on 2024-02-15, not the first day of a month:"
                + " with time.grain = month and time.stamp = start a row is stamped on the 1st of"
                + " its month, so this row's month would span two windows");
  }

  @Test
  void parquetDatesGetTheSameWindowsAndReasons() throws IOException {
    csv("2024-01-07", "2024-01-14", "2024-01-20", "2024-01-28");
    spark
        .read()
        .option("header", true)
        .option("inferSchema", false)
        .csv(dir.resolve("sales.csv").toString())
        .withColumn("day", to_date(col("day")))
        .withColumn("revenue", col("revenue").cast("double"))
        .coalesce(1)
        .write()
        .parquet(dir.resolve("sales_pq").toString());
    Files.delete(dir.resolve("sales.csv"));
    String time = ", grain = week, stamp = end";
    assertThat(windows("week", "2024-03-31", "sales_pq", time))
        .containsExactly(
            "2024-01-01 10.0 complete",
            "2024-01-08 20.0 complete",
            // The week's row was quarantined: unknown (gap missing), never a week of zero sales.
            "2024-01-15 null complete",
            "2024-01-22 40.0 complete");
    assertThat(quarantined(scan("week", "2024-03-31", "sales_pq", time)))
        .containsExactly(
            "3 unaligned_period: '2024-01-20' is on 2024-01-20, not a Sunday: with time.grain ="
                + " week and time.stamp = end a row is stamped on the Sunday its week ends (weeks"
                + " run Monday to Sunday, as the windows do), so this row's week would span two"
                + " windows");
  }
}

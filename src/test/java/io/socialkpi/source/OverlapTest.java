package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.ConfigError;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Consecutive exports of overlapping periods ({@code overlap.keep = newest}): each day counts once,
 * from the newest export, whose revised values win; nothing is quarantined, and the older rows are
 * counted as superseded. The exports are cut from the real public Facebook page export (same bytes
 * per line, Windows-1252, CRLF): days 1-40 in one file, days 31-58 in the next with its two first
 * metrics revised upwards, as a later download of the same page would give.
 */
class OverlapTest {
  private static final Path PAGE =
      Path.of(
              "src/test/resources/exports/facebook-insights/Facebook Insights Data Export -"
                  + " Visualization Studio VIC - 2014-01-01 - 2014-02-27.csv")
          .toAbsolutePath();
  private static final Charset CP1252 = Charset.forName("windows-1252");
  private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/yyyy");

  private static SparkSession spark;

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    spark = SparkTestSession.get();
    TextScanTest.start();
  }

  /** The real export's lines: two header rows, then 58 days. */
  private static List<String> lines() throws IOException {
    return List.of(Files.readString(PAGE, CP1252).split("\r\n"));
  }

  /** An export of days [from, to) (0-based) with fans + fansUp and new likes + newUp. */
  private Path export(String name, int from, int to, int fansUp, int newUp) throws IOException {
    List<String> lines = lines();
    StringBuilder b = new StringBuilder(lines.get(0) + "\r\n" + lines.get(1) + "\r\n");
    for (String line : lines.subList(2 + from, 2 + to)) {
      String[] f = line.split(",", -1);
      f[1] = Integer.toString(Integer.parseInt(f[1]) + fansUp);
      f[2] = Integer.toString(Integer.parseInt(f[2]) + newUp);
      b.append(String.join(",", f)).append("\r\n");
    }
    Path file = dir.resolve("exports").resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, b, CP1252);
    return file;
  }

  private SourceScan scan(String overlap) throws IOException {
    String conf =
        "socialkpi {\n  run { zone = \"UTC\", window = week, run-date = 2026-01-01 }\n"
            + "  sources { s { path = \""
            + dir.resolve("exports")
            + "/*.csv\", preset = facebook-page-insights, csv.encoding = windows-1252, "
            + overlap
            + " metrics { fans { column = \"Lifetime Total Likes\", aggregate = last },"
            + " new-likes { column = \"Daily New Likes\" } } } }\n}\n";
    Files.writeString(dir.resolve("job.conf"), conf);
    Settings s = SettingsLoader.load(dir.resolve("job.conf"));
    // The compiled scan's NewestRows gives the groups of Spark's windows (Overlaps).
    assertThat(TextScanTest.sameGroups(s)).isEqualTo(1);
    return SourceScan.run(spark, s.sources().get("s"), InputCheck.check(s).get("s"), s.run());
  }

  /** Expected weekly (Monday) values: per day the newest file's fields, then sum and last. */
  private static Map<String, double[]> expected(Map<LocalDate, int[]> days) {
    Map<String, double[]> out = new TreeMap<>();
    days.forEach(
        (day, v) -> {
          String week = day.with(DayOfWeek.MONDAY).toString();
          double[] w = out.computeIfAbsent(week, k -> new double[2]);
          w[0] = v[0]; // days come in order: the last day of the week stays
          w[1] += v[1];
        });
    return out;
  }

  private static Map<LocalDate, int[]> days(int from, int to, int fansUp, int newUp)
      throws IOException {
    Map<LocalDate, int[]> out = new TreeMap<>();
    for (String line : lines().subList(2 + from, 2 + to)) {
      String[] f = line.split(",", -1);
      out.put(
          LocalDate.parse(f[0], US),
          new int[] {Integer.parseInt(f[1]) + fansUp, Integer.parseInt(f[2]) + newUp});
    }
    return out;
  }

  private static Map<String, double[]> actual(SourceScan scan) {
    Map<String, double[]> out = new TreeMap<>();
    for (Row r : scan.windowValues().collectAsList()) {
      double[] w = out.computeIfAbsent(r.getAs("window_start").toString(), k -> new double[2]);
      w[r.<String>getAs("metric").equals("s.fans") ? 0 : 1] = r.<Double>getAs("value");
    }
    return out;
  }

  @Test
  void eachDayCountsOnceFromTheNewestExport() throws IOException {
    export("Facebook Insights Data Export - VIC - 2014-01-01 - 2014-02-09.csv", 0, 40, 0, 0);
    export("Facebook Insights Data Export - VIC - 2014-01-31 - 2014-02-27.csv", 30, 58, 5, 3);
    SourceScan scan = scan("");
    Map<LocalDate, int[]> days = days(0, 40, 0, 0);
    days.putAll(days(30, 58, 5, 3));
    assertThat(days).hasSize(58);
    assertThat(actual(scan)).usingRecursiveComparison().isEqualTo(expected(days));
    assertThat(scan.quarantine().collectAsList()).isEmpty();
    assertThat(scan.quality().rowsRead()).isEqualTo(68);
    assertThat(scan.quality().rowsAccepted()).isEqualTo(58);
    assertThat(scan.quality().rowsSuperseded()).isEqualTo(10);
    assertThat(scan.quality().rowsQuarantined()).isZero();
    scan.release();
  }

  @Test
  void theNewestIsTheExportReachingTheLatestDayWhateverItsName() throws IOException {
    // The later export sorts first by name here; it still wins, as it reaches further.
    export("b-older.csv", 0, 40, 0, 0);
    export("a-newer.csv", 30, 58, 5, 3);
    SourceScan scan = scan("");
    Map<LocalDate, int[]> days = days(0, 40, 0, 0);
    days.putAll(days(30, 58, 5, 3));
    assertThat(actual(scan)).usingRecursiveComparison().isEqualTo(expected(days));
    assertThat(scan.quality().rowsSuperseded()).isEqualTo(10);
    scan.release();
  }

  @Test
  void exportsReachingTheSameDayLeaveItToTheLaterPath() throws IOException {
    export("1-full.csv", 0, 58, 0, 0);
    export("2-revised.csv", 30, 58, 5, 3);
    SourceScan scan = scan("");
    Map<LocalDate, int[]> days = days(0, 58, 0, 0);
    days.putAll(days(30, 58, 5, 3));
    assertThat(actual(scan)).usingRecursiveComparison().isEqualTo(expected(days));
    assertThat(scan.quality().rowsSuperseded()).isEqualTo(28);
    scan.release();
  }

  @Test
  void withEveryRowCountingTheOverlapCountsTwice() throws IOException {
    // Revised rows are no byte copies, so the duplicate check does not catch them either.
    export("1.csv", 0, 40, 0, 0);
    export("2.csv", 30, 58, 0, 3);
    SourceScan scan = scan("overlap.keep = all,");
    assertThat(scan.quality().rowsAccepted()).isEqualTo(68);
    assertThat(scan.quality().rowsSuperseded()).isZero();
    double all = actual(scan).values().stream().mapToDouble(w -> w[1]).sum();
    double first = days(0, 40, 0, 0).values().stream().mapToDouble(v -> v[1]).sum();
    double second = days(30, 58, 0, 3).values().stream().mapToDouble(v -> v[1]).sum();
    assertThat(all).isEqualTo(first + second);
    scan.release();
  }

  @Test
  void aKeyColumnNamesWhatARowStandsFor() throws IOException {
    // Two downloads of a post-level export: the same posts, lifetime reach grown in the later one.
    Path exports = Files.createDirectories(dir.resolve("exports"));
    Files.writeString(
        exports.resolve("posts-1.csv"),
        """
        Post ID,Posted,Reach
        1_1,2024-03-04,100
        1_2,2024-03-04,50
        1_3,2024-03-05,10
        ,2024-03-04,7
        """);
    Files.writeString(
        exports.resolve("posts-2.csv"),
        """
        Post ID,Posted,Reach
        1_1,2024-03-04,180
        1_2,2024-03-04,70
        1_4,2024-03-06,5
        ,2024-03-04,9
        """);
    String conf =
        "socialkpi {\n  run { zone = \"UTC\", window = week, run-date = 2026-01-01 }\n"
            + "  sources { s { path = \""
            + exports
            + "\", time.column = Posted, overlap { keep = newest, key = [\"Post ID\"] },"
            + " metrics { reach { column = Reach }, posts { aggregate = count } } } }\n}\n";
    Files.writeString(dir.resolve("job.conf"), conf);
    Settings s = SettingsLoader.load(dir.resolve("job.conf"));
    assertThat(TextScanTest.sameGroups(s)).isEqualTo(1);
    SourceScan scan =
        SourceScan.run(spark, s.sources().get("s"), InputCheck.check(s).get("s"), s.run());
    List<String> values = new ArrayList<>();
    for (Row r : scan.windowValues().collectAsList()) {
      values.add(r.getAs("metric") + "=" + r.getAs("value"));
    }
    // Posts 1_1, 1_2 from the later file, 1_3 only in the first, 1_4 only in the second; the
    // two rows without a post id name nothing the other file repeats: both count.
    assertThat(values).containsExactlyInAnyOrder("s.reach=281.0", "s.posts=6.0");
    assertThat(scan.quality().rowsSuperseded()).isEqualTo(2);
    scan.release();
  }

  @Test
  void supersededRowsDoNotDiluteTheQuarantinedShare() {
    // 30 rolling exports: 900 rows read, 870 superseded, 30 of the newest file's quarantined.
    SourceQuality q = new SourceQuality("s", 30, 900, 0, 30, 870, null, null, null, null, Map.of());
    assertThat(q.quarantinedFraction()).isEqualTo(1.0);
    assertThat(
            new SourceQuality("s", 1, 0, 0, 0, 0, null, null, null, null, Map.of())
                .quarantinedFraction())
        .isZero();
  }

  @Test
  void overlapMistakesAreConfigErrors() throws IOException {
    Files.writeString(
        dir.resolve("job.conf"),
        "socialkpi { sources { s { path = x.csv, time.column = d,"
            + " overlap { keep = latest }, metrics { n { aggregate = count } } },"
            + " t { path = y.csv, time.column = d, overlap.key = [id],"
            + " metrics { n { aggregate = count } } } } }\n");
    assertThatThrownBy(() -> SettingsLoader.load(dir.resolve("job.conf")))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("socialkpi.sources.s.overlap.keep: unknown value 'latest'")
        .hasMessageContaining("(one of all, newest)")
        .hasMessageContaining(
            "socialkpi.sources.t.overlap.key: applies only with overlap.keep = newest");
  }
}

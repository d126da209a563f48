package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files as the tools export them: quoted fields with line breaks (post captions, tweet texts) read
 * as one record at its first line; lines before the header (a title row, Excel's {@code sep=,}
 * hint) and header rows after the first (Facebook Insights' descriptions, Qualtrics' labels and
 * import ids) skipped. Layouts follow ../shared/EXPORTS.md and the public files in
 * ../shared/public-data/exports.
 */
class ExportLayoutTest {
  private static SparkSession spark;

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    spark = SparkTestSession.get();
  }

  private SourceScan scan(String file, String content, String csv, String metrics)
      throws IOException {
    return scan(file, content, csv, "column = date", metrics);
  }

  private SourceScan scan(String file, String content, String csv, String time, String metrics)
      throws IOException {
    Files.write(dir.resolve(file), content.getBytes(StandardCharsets.UTF_8));
    String conf =
        "socialkpi {\n"
            + "  run { zone = \"UTC\", window = week, run-date = 2024-06-01 }\n"
            + "  sources { posts { path = \""
            + file
            + "\", csv { "
            + csv
            + " }\n    time { "
            + time
            + " }\n    metrics { "
            + metrics
            + " } } }\n}\n";
    return run(conf);
  }

  /** Scans the source {@code posts} of a whole job config. */
  private SourceScan run(String conf) throws IOException {
    Files.writeString(dir.resolve("job.conf"), conf);
    Settings s = SettingsLoader.load(dir.resolve("job.conf"));
    return SourceScan.run(
        spark, s.sources().get("posts"), InputCheck.check(s).get("posts"), s.run());
  }

  /** window start to value of the source's only metric. */
  private static Map<String, Double> values(SourceScan scan) {
    Map<String, Double> out = new TreeMap<>();
    for (Row r : scan.windowValues().collectAsList()) {
      out.put(r.getAs("window_start").toString(), r.getAs("value"));
    }
    return out;
  }

  /** line to reason: detail. */
  private static Map<Long, String> quarantine(SourceScan scan) {
    Map<Long, String> out = new TreeMap<>();
    for (Row r : scan.quarantine().collectAsList()) {
      out.put(r.<Long>getAs("line"), r.<String>getAs("reason") + ": " + r.<String>getAs("detail"));
    }
    return out;
  }

  @Test
  void quotedFieldsWithLineBreaksAreOneRecordAtItsFirstLine() throws IOException {
    String csv =
        "date,text,reach\r\n" // line 1
            + "2024-03-04,\"first line\r\nsecond line\",10\r\n" // lines 2-3
            + "2024-03-05,\"a \"\"quoted\"\" word,\n\nand a blank line\",20\r\n" // lines 4-6
            + "2024-03-06,plain,30\r\n" // line 7
            + "2024-13-06,\"bad time\nacross lines\",40\r\n" // lines 8-9: bad_time at 8
            + "2024-03-07,\"closes \"\"here\"\"\n\",50\n"; // lines 10-11
    SourceScan scan = scan("posts.csv", csv, "", "reach { column = reach }");
    assertThat(scan.quality().rowsRead()).isEqualTo(5);
    assertThat(values(scan)).containsExactly(Map.entry("2024-03-04", 110.0));
    assertThat(quarantine(scan))
        .containsOnlyKeys(8L)
        .hasEntrySatisfying(8L, d -> assertThat(d).startsWith("bad_time: '2024-13-06'"));
    Row q = scan.quarantine().first();
    assertThat(q.<String>getAs("raw")).isEqualTo("2024-13-06,\"bad time\nacross lines\",40");
  }

  @Test
  void aQuoteThatNeverClosesIsQuarantinedLineByLine() throws IOException {
    String csv =
        """
        date,text,reach
        2024-03-04,ok,10
        2024-03-05,"never closed,20
        2024-03-06,more,30
        """;
    SourceScan scan = scan("posts.csv", csv, "", "reach { column = reach }");
    assertThat(scan.quality().rowsRead()).isEqualTo(3);
    assertThat(values(scan)).containsExactly(Map.entry("2024-03-04", 10.0));
    assertThat(quarantine(scan)).containsOnlyKeys(3L, 4L);
    assertThat(quarantine(scan).get(3L))
        .startsWith("unbalanced_quote: a quote opened on this line");
    assertThat(quarantine(scan).get(4L)).startsWith("unbalanced_quote: inside a quote opened 1");
  }

  @Test
  void aRecordLongerThanMaxLineSizeIsGivenUpLineByLine() throws IOException {
    StringBuilder csv = new StringBuilder("date,text,reach\n2024-03-04,\"start\n");
    for (int i = 0; i < 40; i++) {
      csv.append("a line of caption text that goes on\n");
    }
    csv.append("end\",10\n2024-03-05,ok,20\n");
    Files.write(dir.resolve("posts.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
    String conf =
        """
        socialkpi {
          run { zone = "UTC", window = week, run-date = 2024-06-01 }
          sources { posts { path = "posts.csv", max-line-size = 1KiB
            time { column = date }
            metrics { reach { column = reach } } } }
        }
        """;
    SourceScan scan = run(conf);
    assertThat(values(scan)).containsExactly(Map.entry("2024-03-04", 20.0));
    // Every line of the record is listed, none lost: 42 lines, then the good row.
    assertThat(scan.quality().rowsRead()).isEqualTo(43);
    assertThat(scan.quality().rowsQuarantined()).isEqualTo(42);
    assertThat(quarantine(scan).get(2L)).startsWith("unbalanced_quote");
    assertThat(quarantine(scan).get(43L)).startsWith("unbalanced_quote: closes a quote opened 41");
  }

  /** Facebook Page Insights: row 2 holds a description per metric, empty under Date. */
  @Test
  void aSecondHeaderRowOfDescriptionsIsSkipped() throws IOException {
    String csv =
        "Date,Lifetime Total Likes,Daily New Likes\r\n"
            + ",\"Lifetime: The total number of people who have liked your Page. (Unique Users)\","
            + "\"Daily: The number of new people who have liked your Page (Unique Users)\"\r\n"
            + "3/4/2024,100,\r\n"
            + "3/5/2024,102,2\r\n";
    SourceScan scan =
        scan(
            "page.csv",
            csv,
            "header-rows = 2",
            "column = Date, pattern = \"M/d/yyyy\"",
            "fans { column = \"Lifetime Total Likes\", aggregate = last }");
    assertThat(scan.quality().rowsRead()).isEqualTo(2);
    assertThat(scan.quality().rowsQuarantined()).isZero();
    assertThat(values(scan)).containsExactly(Map.entry("2024-03-04", 102.0));
  }

  /** Qualtrics: names, labels (which may hold line breaks), then {"ImportId":...} per column. */
  @Test
  void threeHeaderRowsWithALabelAcrossLinesAreSkipped() throws IOException {
    String csv =
        """
        date,Q1
        Anfangsdatum,"Wie zufrieden
        sind Sie?"
        "{""ImportId"":""startDate""}","{""ImportId"":""QID1""}"
        2024-03-04,4
        2024-03-05,5
        """;
    SourceScan scan =
        scan("survey.csv", csv, "header-rows = 3", "csat { column = Q1, aggregate = mean }");
    assertThat(scan.quality().rowsRead()).isEqualTo(2);
    assertThat(scan.quality().rowsQuarantined()).isZero();
    assertThat(values(scan).get("2024-03-04")).isCloseTo(4.5, within(1e-12));
  }

  /** A title row (LinkedIn) or Excel's separator hint above the header. */
  @Test
  void linesBeforeTheHeaderAreSkipped() throws IOException {
    String csv = "sep=,\nFollowers report\ndate,reach\n2024-03-04,10\n2024-03-05,20\n";
    SourceScan scan = scan("linkedin.csv", csv, "skip-lines = 2", "reach { column = reach }");
    assertThat(scan.quality().rowsRead()).isEqualTo(2);
    assertThat(values(scan)).containsExactly(Map.entry("2024-03-04", 30.0));
    assertThat(quarantine(scan)).isEmpty();
  }

  /**
   * Consecutive exports of one source may order and choose their columns otherwise (Facebook's
   * change between periods): each file is read by its own header's names.
   */
  @Test
  void filesWithAnotherColumnOrderAreReadByName() throws IOException {
    Path d = Files.createDirectories(dir.resolve("periods"));
    Files.writeString(d.resolve("a.csv"), "date,reach,likes\n2024-03-04,10,1\n2024-03-05,20,2\n");
    Files.writeString(
        d.resolve("b.csv"), "likes,new column,date,reach\n3,x,2024-03-06,30\n4,y,2024-03-11,40\n");
    String conf =
        """
        socialkpi {
          run { zone = "UTC", window = week, run-date = 2024-06-01 }
          sources { posts { path = "periods"
            time { column = date }
            metrics { reach { column = reach } } } }
        }
        """;
    SourceScan scan = run(conf);
    assertThat(quarantine(scan)).isEmpty();
    assertThat(values(scan))
        .containsExactly(Map.entry("2024-03-04", 60.0), Map.entry("2024-03-11", 40.0));
  }

  /**
   * A totals row (YouTube Studio, GA) is not data: with skip-rows it is not read, like a header
   * line, by the compiled scan (CSV) and by the Spark-expression scan (Parquet) alike.
   */
  @Test
  void aTotalsRowIsSkippedOnBothScans() throws IOException {
    String csv =
        "Content,date,views\n"
            + "Total,,60\n"
            + "a,2024-03-04,10\n"
            + "b,2024-03-05,20\n"
            + "Total ,2024-03-06,30\n" // trimmed, so a totals row too
            + "c,2024-03-06,30\n";
    Files.writeString(dir.resolve("in.csv"), csv);
    spark
        .read()
        .option("header", true)
        .csv(dir.resolve("in.csv").toString())
        .coalesce(1)
        .write()
        .parquet(dir.resolve("table_pq").toString());
    for (String source : List.of("path = \"in.csv\"", "path = \"table_pq\", format = parquet")) {
      String conf =
          "socialkpi {\n  run { zone = \"UTC\", window = week, run-date = 2024-06-01 }\n"
              + "  sources { posts { "
              + source
              + ", skip-rows { Content = Total }\n"
              + "    time { column = date }\n    metrics { views { column = views } } } }\n}\n";
      SourceScan scan = run(conf);
      assertThat(quarantine(scan)).as(source).isEmpty();
      assertThat(scan.quality().rowsRead()).as(source).isEqualTo(3);
      assertThat(values(scan)).as(source).containsExactly(Map.entry("2024-03-04", 60.0));
    }
  }

  /**
   * Universal Analytics' totals row has an empty first cell, its day column: {@code "Day Index" =
   * ""} matches the empty cell, on both scans, so the row is skipped rather than quarantined as a
   * row without a time. Its sessions are written with thousands separators, its rate in percent.
   */
  @Test
  void aTotalsRowWithAnEmptyTimeCellIsSkippedOnBothScans() throws IOException {
    String csv =
        """
        Day Index,Sessions,Bounce Rate
        3/4/24,"3,215",96.02%
        3/5/24,"2,100",50.00%
        ,"5,315",73.01%
        """;
    Files.writeString(dir.resolve("ua.csv"), csv);
    spark
        .read()
        .option("header", true)
        .csv(dir.resolve("ua.csv").toString())
        .coalesce(1)
        .write()
        .parquet(dir.resolve("ua_pq").toString());
    for (String source :
        List.of(
            "path = \"ua.csv\", csv.grouping-separator = \",\"",
            "path = \"ua_pq\", format = parquet")) {
      String conf =
          "socialkpi {\n  run { zone = \"UTC\", window = week, run-date = 2024-06-01 }\n"
              + "  sources { posts { "
              + source
              + ", skip-rows { \"Day Index\" = \"\" }\n"
              + "    time { column = \"Day Index\", pattern = \"M/d/yy\" }\n"
              + "    metrics { bounce { column = \"Bounce Rate\", aggregate = mean } } } }\n}\n";
      SourceScan scan = run(conf);
      assertThat(quarantine(scan)).as(source).isEmpty();
      assertThat(scan.quality().rowsRead()).as(source).isEqualTo(2);
      assertThat(values(scan).get("2024-03-04"))
          .as(source)
          .isCloseTo((0.9602 + 0.5) / 2, org.assertj.core.api.Assertions.within(1e-12));
    }
  }

  /** An export re-saved by Excel in Windows-1252: accented header names and texts. */
  @Test
  void aWindows1252FileIsReadInItsEncoding() throws IOException {
    byte[] file =
        "date,Caf\u00e9 visits,note\n2024-03-04,10,cr\u00e8me\n2024-03-05,20,\u20ac5\n"
            .getBytes(java.nio.charset.Charset.forName("windows-1252"));
    Files.write(dir.resolve("cafe.csv"), file);
    String conf =
        """
        socialkpi {
          run { zone = "UTC", window = week, run-date = 2024-06-01 }
          sources { posts { path = "cafe.csv", csv.encoding = windows-1252
            time { column = date }
            metrics { visits { column = "Caf\u00e9 visits" }, euro { aggregate = count, where { note = "\u20ac5" } } } } }
        }
        """;
    SourceScan scan = run(conf);
    assertThat(quarantine(scan)).isEmpty();
    Map<String, Double> byMetric = new TreeMap<>();
    for (Row r : scan.windowValues().collectAsList()) {
      byMetric.put(r.getAs("metric"), r.getAs("value"));
    }
    assertThat(byMetric).containsEntry("posts.visits", 30.0).containsEntry("posts.euro", 1.0);
  }

  @Test
  void aMultiByteEncodingOtherThanUtf16IsAConfigErrorSayingWhatIsRead() {
    assertThatThrownBy(
            () -> scan("x.csv", "date,reach\n", "encoding = Shift_JIS", "reach { column = reach }"))
        .hasMessageContaining("encoding")
        .hasMessageContaining("UTF-16LE")
        .hasMessageContaining("iconv");
  }

  @Test
  void headerRowsOfZeroIsAConfigErrorNamingTheKey() throws IOException {
    assertThatThrownBy(
            () -> scan("x.csv", "date,reach\n", "header-rows = 0", "reach { column = reach }"))
        .hasMessageContaining("header-rows")
        .hasMessageContaining("whole number from 1");
  }

  @Test
  void aFileEndingWithinSkipLinesIsAnErrorNamingIt() throws IOException {
    assertThatThrownBy(
            () -> scan("short.csv", "title\n", "skip-lines = 3", "reach { column = reach }"))
        .hasMessageContaining("short.csv")
        .hasMessageContaining("csv.skip-lines");
  }
}

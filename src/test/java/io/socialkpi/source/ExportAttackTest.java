package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Review rev14: attacks on "Real exports, first part". */
/**
 * The review of issue 14's first part tried to break the reading of real exports: a missing marker
 * that reads as a number, a header with a quoted line break, a copied file with header rows, typos
 * in a preset, multi-line records measured in bytes, header rows without a header, line numbers
 * after multi-line records at every split size, and a badly encoded first line of a quoted field.
 */
class ExportAttackTest {
  static SparkSession spark;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.get();
    TextScanTest.spark = spark;
  }

  @AfterEach
  void resetSplitSize() {
    spark
        .sparkContext()
        .hadoopConfiguration()
        .unset("mapreduce.input.fileinputformat.split.maxsize");
  }

  private Settings settings(String sources) throws Exception {
    Path conf = Files.writeString(dir.resolve("job.conf"), BadInputs.config("UTC", sources));
    return SettingsLoader.load(conf);
  }

  private SourceScan scan(String sources, long splitSize) throws Exception {
    if (splitSize > 0) {
      spark
          .sparkContext()
          .hadoopConfiguration()
          .setLong("mapreduce.input.fileinputformat.split.maxsize", splitSize);
    }
    Settings s = settings(sources);
    String name = s.sources().keySet().iterator().next();
    return SourceScan.run(spark, s.sources().get(name), InputCheck.check(s).get(name), s.run());
  }

  private static List<String> quarantine(SourceScan scan) {
    List<String> out = new ArrayList<>();
    for (Row r : scan.quarantine().collectAsList()) {
      out.add(r.<Object>getAs("line") + " " + r.<String>getAs("reason"));
    }
    out.sort(null);
    return out;
  }

  /**
   * A missing marker that reads as a number ("-1", "0": sentinels some exports write) is missing in
   * the compiled scan, but the expression scan (Parquet, and the reference for text) still takes
   * its number: as a value, and here as a negative value of a non-negative metric.
   */
  @Test
  void aNumericMissingMarkerGivesTheSameGroupsOnBothScans() throws Exception {
    Files.writeString(
        dir.resolve("m.csv"),
        BadInputs.HEADER + "2024-03-01,north,100,-1,1.5\n2024-03-02,north,101,5,-1\n");
    Settings s =
        settings(
            BadInputs.pagesSource(
                "p", dir.resolve("m.csv").toString(), "missing-markers = [\"-1\"]"));
    assertThat(TextScanTest.sameGroups(s)).isEqualTo(1);
  }

  /** The same marker through Parquet: counted as a value and as a missing cell at once. */
  @Test
  void aNumericMissingMarkerInParquetIsNotAValue() throws Exception {
    Path csv = dir.resolve("in.csv");
    Files.writeString(
        csv, BadInputs.HEADER + "2024-03-01,north,100,5,-1\n2024-03-02,north,101,5,2.5\n");
    spark
        .read()
        .option("header", true)
        .csv(csv.toString())
        .coalesce(1)
        .write()
        .parquet(dir.resolve("pq").toString());
    Files.delete(csv);
    SourceScan scan =
        scan(
            BadInputs.pagesSource(
                "p", dir.resolve("pq").toString(), "format = parquet, missing-markers = [\"-1\"]"),
            0);
    double revenue = 0;
    for (Row r : scan.windowValues().collectAsList()) {
      if (r.<String>getAs("metric").equals("p.revenue") && r.getAs("value") != null) {
        revenue += r.<Double>getAs("value");
      }
    }
    assertThat(scan.quality().missingCells().get("p.revenue")).isEqualTo(1L);
    assertThat(revenue).as("revenue without the marker cell").isEqualTo(2.5);
  }

  /** A first header row with a quoted line break cannot be read: an error naming the file. */
  @Test
  void aFirstHeaderRowWithAQuotedLineBreak() throws Exception {
    Files.writeString(
        dir.resolve("h.csv"),
        """
        date,region,fans,engaged_users,revenue,"note
        (free text)"
        2024-03-01,north,100,10,1.5,ok
        """);
    assertThatThrownBy(
            () -> scan(BadInputs.pagesSource("p", dir.resolve("h.csv").toString(), ""), 0))
        .hasMessageContaining("h.csv")
        .hasMessageContaining("quoted column name");
  }

  /**
   * A copy (duplicate_file) of a file with header-rows = 2: its second header row (Facebook's
   * metric descriptions) is not a row, but it is listed and counted as one.
   */
  @Test
  void aDuplicateFileListsItsExtraHeaderRowAsARow() throws Exception {
    String file =
        BadInputs.HEADER
            + "Date,Region,Lifetime fans,Daily engaged users,Revenue\n"
            + "2024-03-01,north,100,10,1.5\n"
            + "2024-03-02,north,101,11,2.5\n";
    Path d = Files.createDirectories(dir.resolve("dup"));
    Files.writeString(d.resolve("a.csv"), file);
    Files.writeString(d.resolve("b.csv"), file);
    SourceScan scan = scan(BadInputs.pagesSource("p", d.toString(), "csv { header-rows = 2 }"), 0);
    assertThat(scan.quality().rowsRead()).isEqualTo(4);
    assertThat(quarantine(scan)).containsExactly("3 duplicate_file", "4 duplicate_file");
  }

  /** A typo at the top of a job config's own preset is named. */
  @Test
  void aTypoInAPresetIsAConfigError() throws Exception {
    Files.writeString(dir.resolve("t.csv"), BadInputs.HEADER + "2024-03-01,north,100,10,1.5\n");
    String conf =
        "socialkpi {\n  run { zone = UTC, window = day, run-date = 2024-03-31 }\n"
            + "  presets { mine { dedup = false, missing-marker = [\"n/a\"] } }\n"
            + "  sources {\n"
            + BadInputs.pagesSource("p", dir.resolve("t.csv").toString(), "preset = mine")
            + "  }\n}\n";
    Path p = Files.writeString(dir.resolve("job.conf"), conf);
    assertThatThrownBy(() -> SettingsLoader.load(p)).hasMessageContaining("dedup");
  }

  /**
   * max-line-size is in bytes (docs: "A record is read whole up to max-line-size bytes"), but a
   * multi-line record is measured in chars: a record of two-byte letters twice the limit is read.
   */
  @Test
  void aMultiLineRecordIsMeasuredInBytes() throws Exception {
    String note = "é".repeat(60); // 120 bytes per line
    Files.writeString(
        dir.resolve("b.csv"),
        "date,region,fans,engaged_users,revenue,note\n"
            + "2024-03-01,north,100,10,1.5,\""
            + note
            + "\n"
            + note
            + "\"\n");
    SourceScan scan =
        scan(
            BadInputs.pagesSource("p", dir.resolve("b.csv").toString(), "max-line-size = 200B"), 0);
    // Each line is below 200 bytes; the record is about 270 bytes.
    assertThat(quarantine(scan)).containsExactly("2 unbalanced_quote", "3 unbalanced_quote");
  }

  /** header-rows without a header is a config error. */
  @Test
  void headerRowsWithoutAHeaderIsAConfigErrorOrSkipped() throws Exception {
    Files.writeString(
        dir.resolve("n.csv"), "Date,Region,Fans,Engaged,Revenue\n2024-03-01,north,100,10,1.5\n");
    String source =
        "p { path = \""
            + dir.resolve("n.csv")
            + "\", csv { header = false, header-rows = 2 }, time { column = _c0 }, entity = _c1,"
            + " metrics { fans { column = _c2 } } }\n";
    assertThatThrownBy(() -> scan(source, 0))
        .hasMessageContaining("header-rows")
        .hasMessageContaining("csv.header = true");
  }

  /** CRLF, a multi-line record, then bad rows: line numbers at every split size. */
  @Test
  void lineNumbersAfterAMultiLineRecordWithCrlfAtEverySplitSize() throws Exception {
    String csv =
        "# pre\r\ndate,region,fans,engaged_users,revenue,note\r\n"
            + "2024-03-01,north,100,10,1.5,\"a\r\n# not a comment\r\n\"\"b\"\"\"\r\n"
            + "2024-03-02,north,x,10,1.5,ok\r\n"
            + "# c\r\n"
            + "2024-03-03,north,100,10,1.5,\"c\r\nd\"\r\n"
            + "2024-03-04,north,-5,10,1.5,ok\r\n";
    Files.writeString(dir.resolve("c.csv"), csv);
    String source =
        BadInputs.pagesSource("p", dir.resolve("c.csv").toString(), "csv { comment = \"#\" }");
    for (long size : new long[] {0, 17, 40, 64, 99}) {
      SourceScan scan = scan(source, size);
      assertThat(quarantine(scan))
          .as("split size %d", size)
          .containsExactly("10 negative_value", "6 non_numeric");
      assertThat(scan.quality().rowsRead()).as("split size %d", size).isEqualTo(4);
    }
  }

  /** skip-lines and header-rows over several splits of one file. */
  @Test
  void skipLinesAndHeaderRowsBeyondTheFirstSplit() throws Exception {
    String csv =
        """
        Title of the export, long enough to fill a split
        Exported 2024-03-31 by someone, also long
        date,region,fans,engaged_users,revenue
        "Date
        of post",Region,Fans,Engaged,Revenue
        2024-03-01,north,100,10,1.5
        2024-03-02,north,x,10,1.5
        """;
    Files.writeString(dir.resolve("s.csv"), csv);
    String source =
        BadInputs.pagesSource(
            "p", dir.resolve("s.csv").toString(), "csv { skip-lines = 2, header-rows = 2 }");
    for (long size : new long[] {0, 10, 30, 60, 100}) {
      SourceScan scan = scan(source, size);
      assertThat(quarantine(scan)).as("split size %d", size).containsExactly("7 non_numeric");
      assertThat(scan.quality().rowsRead()).as("split size %d", size).isEqualTo(2);
    }
  }

  /** Blanks of other kinds (tab, no-break space) agree on both scans, CSV and JSON. */
  @Test
  void oddBlanksGiveTheSameGroups() throws Exception {
    Files.writeString(
        dir.resolve("o.csv"),
        BadInputs.HEADER
            + "2024-03-01,north,100,\t,1.5\n"
            + "2024-03-02,north,101,\u00a0,2\n"
            + "2024-03-03,north, - ,1,-0\n"
            + "2024-03-04,north,-0,,\n"
            + "2024-03-05,north,,,\n");
    Files.writeString(
        dir.resolve("o.jsonl"),
        "{\"date\":\"2024-03-01\",\"region\":\"north\",\"fans\":null,\"engaged_users\":\"-\","
            + "\"revenue\":\"\"}\n"
            + "{\"date\":\"2024-03-02\",\"region\":\"north\",\"fans\":-0.0,\"engaged_users\":[],"
            + "\"revenue\":\" \"}\n"
            + "{\"date\":\"2024-03-03\",\"region\":\"north\"}\n");
    Settings s =
        settings(
            BadInputs.pagesSource("p", dir.resolve("o.csv").toString(), "")
                + BadInputs.pagesSource("j", dir.resolve("o.jsonl").toString(), "format = json"));
    assertThat(TextScanTest.sameGroups(s)).isEqualTo(2);
  }

  /**
   * "free text that looks like a record never becomes a row": unless the line opening the quoted
   * field is not valid UTF-8 (a Windows-1252 letter in a post message). The opening line is
   * quarantined as bad_encoding, and the message's next line, which looks like a record, is read.
   */
  @Test
  void aBadlyEncodedFirstLineOfAQuotedFieldLetsItsTextBecomeARow() throws Exception {
    byte[] head = "date,region,fans,engaged_users,revenue,note\n".getBytes(StandardCharsets.UTF_8);
    byte[] line1 = "2024-03-01,north,100,10,1.5,\"caf".getBytes(StandardCharsets.UTF_8);
    byte[] rest =
        """
        \u00e9 menu:
        2024-03-02,north,999,99,99,ok
        end"
        2024-03-03,north,101,11,2.5,ok
        """
            .getBytes(StandardCharsets.ISO_8859_1);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(head);
    out.write(line1);
    out.write(rest);
    Files.write(dir.resolve("e.csv"), out.toByteArray());
    SourceScan scan = scan(BadInputs.pagesSource("p", dir.resolve("e.csv").toString(), ""), 0);
    List<String> values = new ArrayList<>();
    for (Row r : scan.windowValues().collectAsList()) {
      values.add(r.getAs("window_start") + " " + r.getAs("metric"));
    }
    assertThat(values)
        .as("the message's text read as a row")
        .noneMatch(v -> v.startsWith("2024-03-02"));
  }

  /** Multi-line records, their copies, markers, where, count and last: both scans agree. */
  @Test
  void multiLineRecordsAndMissingCellsGiveTheSameGroups() throws Exception {
    String csv =
        "date,region,fans,engaged_users,revenue,kind,note\n"
            + "2024-03-01,north,100,,1.5,post,\"two\nlines\"\n"
            + "2024-03-01,north,100,,1.5,post,\"two\nlines\"\n"
            + "2024-03-01,north,-,3,,story,\"x\"\n"
            + "2024-03-02,north,,,,post,\"\"\"a\"\"\nb\"\n"
            + "2024-03-02,north,-,-,-,post,ok\n"
            + "2024-03-02,,1,1,1,post,\"c\nd\"\n"
            + "2024-03-03,north,7,-0,-0,post,\"never closed\n";
    Files.writeString(dir.resolve("ml.csv"), csv);
    String source =
        "p { path = \""
            + dir.resolve("ml.csv")
            + "\", time { column = date }, entity = region, metrics {"
            + " fans { column = fans, aggregate = last, non-negative = true },"
            + " engaged { column = engaged_users, where { kind = post }, non-negative = true },"
            + " revenue { column = revenue, aggregate = mean },"
            + " posts { aggregate = count, where { kind = post } },"
            + " n-rev { column = revenue, aggregate = count } } }\n";
    assertThat(TextScanTest.sameGroups(settings(source))).isEqualTo(1);
  }
}

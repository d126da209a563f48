package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code csv.skip-lines = auto}: exports whose number of lines above the header varies from file to
 * file (Brandwatch's metadata block, a stray row above Meltwater's header; ../shared/EXPORTS.md)
 * are read by the first line that names the source's columns, each file by its own count.
 */
class HeaderSearchTest {
  private static SparkSession spark;

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    spark = SparkTestSession.get();
  }

  private Settings settings(String csv) throws IOException {
    String conf =
        "socialkpi {\n"
            + "  run { zone = \"UTC\", window = week, run-date = 2024-06-01 }\n"
            + "  sources { mentions { path = \"in/*\", csv { "
            + csv
            + " }\n    time { column = Date }\n"
            + "    metrics { mentions { column = Reach } } } }\n}\n";
    Files.writeString(dir.resolve("job.conf"), conf);
    return SettingsLoader.load(dir.resolve("job.conf"));
  }

  private SourceScan scan(String csv) throws IOException {
    Settings s = settings(csv);
    return SourceScan.run(
        spark, s.sources().get("mentions"), InputCheck.check(s).get("mentions"), s.run());
  }

  private void write(String name, String content) throws IOException {
    Files.createDirectories(dir.resolve("in"));
    Files.writeString(dir.resolve("in").resolve(name), content);
  }

  private static Map<String, Double> values(SourceScan scan) {
    Map<String, Double> out = new TreeMap<>();
    for (Row r : scan.windowValues().collectAsList()) {
      out.put(r.getAs("window_start").toString(), r.getAs("value"));
    }
    return out;
  }

  /** file:line to reason. */
  private static Map<String, String> quarantine(SourceScan scan) {
    Map<String, String> out = new TreeMap<>();
    for (Row r : scan.quarantine().collectAsList()) {
      String file = r.<String>getAs("file");
      out.put(
          file.substring(file.lastIndexOf('/') + 1) + ":" + r.<Long>getAs("line"),
          r.<String>getAs("reason"));
    }
    return out;
  }

  /**
   * Three exports of one source: six metadata rows (one with as many fields as the header), none,
   * and one stray row. Each is read from its own header on, and a broken row keeps its line.
   */
  @Test
  void eachFileIsReadFromItsOwnHeaderLine() throws IOException {
    write(
        "a.csv",
        """
        Report:,Brand mentions
        Brand:,Acme
        From:,2024-03-04
        To:,2024-03-10
        Query:,Acme,brand

        Date,Title,Reach
        2024-03-04,"a",10
        2024-03-05,"b",x
        """);
    write("b.csv", "Date,Title,Reach\n2024-03-11,c,5\n2024-03-12,d,7\n");
    // (another column order: read by name)
    write("c.csv", "Mentions export\nTitle,Date,Reach\ne,2024-03-18,1000\n");
    SourceScan scan = scan("skip-lines = auto");
    assertThat(scan.quality().rowsRead()).isEqualTo(5);
    assertThat(values(scan))
        .containsExactly(
            Map.entry("2024-03-04", 10.0),
            Map.entry("2024-03-11", 12.0),
            Map.entry("2024-03-18", 1000.0));
    assertThat(quarantine(scan)).containsExactly(Map.entry("a.csv:9", "non_numeric"));
  }

  /** Header rows after the first (a label row) follow the header found. */
  @Test
  void laterHeaderRowsFollowTheFoundHeader() throws IOException {
    write(
        "a.csv",
        "sep=,\nTitle row\nDate,Reach\nThe day,People reached\n2024-03-04,3\n2024-03-05,4\n");
    SourceScan scan = scan("skip-lines = auto, header-rows = 2");
    assertThat(values(scan)).containsExactly(Map.entry("2024-03-04", 7.0));
    assertThat(quarantine(scan)).isEmpty();
  }

  /** UTF-16 tab-delimited (Meltwater's encoding), read whole, with a stray row. */
  @Test
  void utf16FilesAreSearchedToo() throws IOException {
    Files.createDirectories(dir.resolve("in"));
    String text = "\uFEFFExport\r\nDate\tReach\r\n2024-03-04\t2\r\n2024-03-06\t5\r\n";
    Files.write(dir.resolve("in/m.csv"), text.getBytes(StandardCharsets.UTF_16LE));
    SourceScan scan = scan("skip-lines = auto, delimiter = \"\\t\"");
    assertThat(values(scan)).containsExactly(Map.entry("2024-03-04", 7.0));
    assertThat(quarantine(scan)).isEmpty();
  }

  @Test
  void aFileWithoutTheHeaderIsAnErrorNamingItsFirstLines() throws IOException {
    write("a.csv", "Report:,Brand mentions\nDay,Reach\n2024-03-04,1\n");
    Settings s = settings("skip-lines = auto");
    assertThatThrownBy(() -> InputCheck.check(s))
        .hasMessageContaining("a.csv has no header line naming [Date, Reach]")
        .hasMessageContaining("first 100 lines (csv.skip-lines = auto)")
        .hasMessageContaining("Report:,Brand mentions | Day,Reach");
  }

  @Test
  void autoNeedsAHeaderAndOneTable() throws IOException {
    write("a.csv", "Date,Reach\n");
    assertThatThrownBy(() -> settings("skip-lines = auto, header = false"))
        .hasMessageContaining("csv.skip-lines")
        .hasMessageContaining("needs csv.header = true");
    assertThatThrownBy(() -> settings("skip-lines = auto, tables = blank-line-separated"))
        .hasMessageContaining("csv.skip-lines")
        .hasMessageContaining("cannot go with csv.tables");
    assertThatThrownBy(() -> settings("skip-lines = automatic"))
        .hasMessageContaining("csv.skip-lines")
        .hasMessageContaining("or auto, found 'automatic'");
  }

  // ---- review14: attacks ----

  /**
   * A file read in many Hadoop splits whose header is far down (40 metadata rows): the first split
   * ends before the header, so the file is read again whole; values and line numbers are right.
   */
  @Test
  void aLargeFileInSmallSplitsWithItsHeaderFarDown() throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      b.append("Meta ").append(i).append(":,some value that takes room,\n");
    }
    b.append("Date,Title,Reach\n");
    for (int i = 0; i < 300; i++) {
      b.append("2024-03-04,t").append(i).append(",").append(i == 150 ? "x" : "1").append("\n");
    }
    write("a.csv", b.toString());
    StringBuilder c = new StringBuilder("Date,Title,Reach\n");
    for (int i = 0; i < 200; i++) {
      c.append("2024-03-05,u").append(i).append(",2\n");
    }
    write("b.csv", c.append("2024-03-05,u,y\n").toString());
    spark.sparkContext().hadoopConfiguration().setLong(SPLIT_MAX, 256);
    try {
      SourceScan scan = scan("skip-lines = auto");
      assertThat(values(scan)).containsExactly(Map.entry("2024-03-04", 299.0 + 400));
      assertThat(quarantine(scan))
          .containsExactly(
              Map.entry("a.csv:192", "non_numeric"), Map.entry("b.csv:202", "non_numeric"));
    } finally {
      spark.sparkContext().hadoopConfiguration().unset(SPLIT_MAX);
    }
  }

  private static final String SPLIT_MAX = "mapreduce.input.fileinputformat.split.maxsize";

  /** A byte copy of a file with metadata rows: its data lines are listed at their own lines. */
  @Test
  void aCopyOfAFileWithMetadataRowsListsItsDataLines() throws IOException {
    String a = "Report:,Mentions\nBrand:,Acme\n\nDate,Reach\n2024-03-04,3\n2024-03-05,x\n";
    write("a.csv", a);
    write("a (1).csv", a);
    write("b.csv", "Date,Reach\n2024-03-06,4\n");
    SourceScan scan = scan("skip-lines = auto");
    assertThat(values(scan)).containsExactly(Map.entry("2024-03-04", 7.0));
    assertThat(quarantine(scan))
        .containsExactly(
            // ("a (1).csv" is listed first: the original)
            Map.entry("a (1).csv:6", "non_numeric"),
            Map.entry("a.csv:5", "duplicate_file"),
            Map.entry("a.csv:6", "duplicate_file"));
  }

  /** Two header rows: one file's header on its first line, another's below three rows. */
  @Test
  void headerRowsWithTheHeaderFirstOrFurtherDown() throws IOException {
    write("a.csv", "Date,Reach\nThe day,People\n2024-03-04,1\n2024-03-05,x\n");
    write("b.csv", "A title\nsep=,\n\nDate,Reach\nThe day,People\n2024-03-06,2\n2024-03-07,y\n");
    SourceScan two = scan("skip-lines = auto, header-rows = 2");
    assertThat(values(two)).containsExactly(Map.entry("2024-03-04", 3.0));
    assertThat(quarantine(two))
        .containsExactly(Map.entry("a.csv:4", "non_numeric"), Map.entry("b.csv:7", "non_numeric"));
  }

  /** A metadata row holding a quoted line break, and one with an unbalanced quote. */
  @Test
  void quotedMetadataRowsAreSkipped() throws IOException {
    write(
        "a.csv",
        "Query:,\"acme, \"\"store\"\"\nOR brand\"\nNote:,\"unclosed\n\nDate,Reach\n2024-03-04,2\n2024-03-05,x\n");
    SourceScan scan = scan("skip-lines = auto");
    assertThat(values(scan)).containsExactly(Map.entry("2024-03-04", 2.0));
    assertThat(quarantine(scan)).containsExactly(Map.entry("a.csv:7", "non_numeric"));
  }

  /** A UTF-8 byte-order mark on a metadata row, and on a header on the first line. */
  @Test
  void aByteOrderMarkBeforeMetadataRows() throws IOException {
    write("a.csv", "\uFEFFReport:,Mentions\nDate,Reach\n2024-03-04,2\n");
    write("b.csv", "\uFEFFDate,Reach\n2024-03-05,3\n");
    SourceScan scan = scan("skip-lines = auto");
    assertThat(values(scan)).containsExactly(Map.entry("2024-03-04", 5.0));
    assertThat(quarantine(scan)).isEmpty();
  }

  /** Consecutive exports with overlap.keep = newest, each with its own metadata rows. */
  @Test
  void overlappingExportsWithMetadataRows() throws IOException {
    write("a.csv", "Report:,Mentions\nDate,Id,Reach\n2024-03-04,1,3\n2024-03-05,2,4\n");
    write(
        "b.csv",
        "Report:,Mentions\nBrand:,Acme\nFrom:,x\nDate,Id,Reach\n2024-03-05,2,10\n2024-03-06,3,x\n");
    SourceScan scan = scan("skip-lines = auto } , overlap { keep = newest, key = [Id] ");
    assertThat(values(scan)).containsExactly(Map.entry("2024-03-04", 13.0));
    assertThat(quarantine(scan)).containsExactly(Map.entry("b.csv:6", "non_numeric"));
  }

  /**
   * csv.skip-lines = auto in source-defaults was taken by every source: a GA source (csv.tables)
   * then failed with an error about a key it never set. It is one error, at source-defaults.
   */
  @Test
  void autoInSourceDefaultsIsOneClearError() throws IOException {
    write("a.csv", "Report:,x\nDate,Reach\n2024-03-04,1\n");
    String conf =
        """
        socialkpi {
          run { zone = "UTC", window = week, run-date = 2024-06-01 }
          source-defaults { csv.skip-lines = auto }
          sources {
            mentions { path = "in/*", time { column = Date }
              metrics { mentions { column = Reach } } }
            ga { path = "in/*", preset = ga4-csv, metrics { n { aggregate = count } } }
          }
        }
        """;
    Files.writeString(dir.resolve("job.conf"), conf);
    assertThatThrownBy(() -> SettingsLoader.load(dir.resolve("job.conf")))
        .hasMessageContaining("socialkpi.source-defaults.csv.skip-lines")
        .hasMessageContaining("auto is set on a source or a preset")
        .hasMessageNotContaining("cannot go with csv.tables");
  }

  /** A workbook's sheet with a title cell holding a line break and a row without cells above. */
  @Test
  void aSpreadsheetSearchedForItsHeaderRow() throws IOException {
    Files.createDirectories(dir.resolve("in"));
    org.apache.poi.ss.usermodel.Workbook wb = Workbooks.create(true);
    Workbooks.sheet(
        wb,
        "Mentions",
        new Object[] {"Mentions report\nfor Acme, \"all\""},
        null,
        new Object[] {"Date", "Reach"},
        new Object[] {"2024-03-04", 3},
        new Object[] {"2024-03-05", "x"});
    Files.write(dir.resolve("in/a.xlsx"), Workbooks.bytes(wb));
    SourceScan scan = scan("skip-lines = auto } , format = spreadsheet, csv { header = true");
    assertThat(values(scan)).containsExactly(Map.entry("2024-03-04", 3.0));
    assertThat(quarantine(scan)).containsExactly(Map.entry("a.xlsx:5", "non_numeric"));
  }

  /** A date the preset's pattern cannot read is quarantined with the text it could not read. */
  @Test
  void anUnreadableDateOfAListeningPresetIsQuarantinedSayingWhy() throws IOException {
    write(
        "b.csv",
        "Report:,Mentions\nQuery Id,Date,Likes\n1,2023-12-31 14:05:00.0,1\n2,31/12/2023 14:05,2\n");
    Files.writeString(
        dir.resolve("job.conf"),
        "socialkpi {\n  run { zone = \"UTC\", window = week, run-date = 2024-06-01 }\n"
            + "  sources { s { path = \"in/*\", preset = brandwatch,"
            + " metrics { likes { column = Likes } } } }\n}\n");
    Settings s = SettingsLoader.load(dir.resolve("job.conf"));
    SourceScan scan =
        SourceScan.run(spark, s.sources().get("s"), InputCheck.check(s).get("s"), s.run());
    assertThat(quarantine(scan)).containsExactly(Map.entry("b.csv:4", "bad_time"));
    Row r = scan.quarantine().collectAsList().get(0);
    assertThat(r.toString()).contains("31/12/2023 14:05").contains("yyyy-MM-dd HH:mm:ss.SSS");
  }

  /**
   * overlap.keep = newest (read by Spark's expressions) on files in small splits, header far down.
   */
  @Test
  void overlappingExportsInSmallSplitsWithTheirHeadersFarDown() throws IOException {
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      a.append("Meta ").append(i).append(":,some value that takes room\n");
    }
    for (int i = 0; i < 45; i++) {
      b.append("Meta ").append(i).append(":,another value that takes room\n");
    }
    a.append("Date,Id,Reach\n");
    b.append("Date,Id,Reach\n");
    for (int i = 0; i < 100; i++) {
      a.append("2024-03-04,").append(i).append(",1\n");
      b.append("2024-03-04,").append(i).append(",2\n");
    }
    b.append("2024-03-05,999,x\n");
    write("a.csv", a.toString());
    write("b.csv", b.toString());
    spark.sparkContext().hadoopConfiguration().setLong(SPLIT_MAX, 256);
    try {
      SourceScan scan = scan("skip-lines = auto } , overlap { keep = newest, key = [Id] ");
      // b is newest: its rows supersede a's, day by day and id by id.
      assertThat(values(scan)).containsExactly(Map.entry("2024-03-04", 200.0));
      assertThat(quarantine(scan)).containsExactly(Map.entry("b.csv:147", "non_numeric"));
      assertThat(scan.quality().rowsSuperseded()).isEqualTo(100);
    } finally {
      spark.sparkContext().hadoopConfiguration().unset(SPLIT_MAX);
    }
  }

  /**
   * A header line found by auto that opens a quoted column name it does not close: the same error
   * as with a count (its next line would open a quote that swallows the rows below it).
   */
  @Test
  void aFoundHeaderWithALineBreakInAColumnNameIsAnError() throws IOException {
    write("a.csv", "Report:,x\nDate,Reach,\"Note\nsecond\"\n2024-03-04,1,a\n2024-03-05,2,b\n");
    Settings s = settings("skip-lines = auto");
    assertThatThrownBy(() -> InputCheck.check(s))
        .hasMessageContaining("a.csv has a header line that opens a quoted column name");
  }
}

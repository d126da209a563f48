package io.socialkpi.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialkpi.source.SourceScan;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files as they come, beyond the public exports: layouts from ../shared/EXPORTS.md (European Excel,
 * Excel's sep= line, Meta's UTF-16 overview exports, GA's comment block and second table) and files
 * inspect cannot make a source of, whose message names the file and says why.
 */
class InspectEdgeCasesTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private static Inspection inspect(Path file) {
    return Inspection.of(file, InspectOptions.defaults());
  }

  @Test
  void anEmptyFileIsAnErrorNamingIt() throws IOException {
    Path file = write("empty.csv", "");
    assertThatThrownBy(() -> inspect(file))
        .isInstanceOf(InspectException.class)
        .hasMessage(
            file
                + " is empty (0 bytes): a CSV export has at least its header line, so the export"
                + " failed or was cut; export it again");
  }

  @Test
  void aMissingFileAndAFolderAreErrorsNamingThem() {
    Path missing = dir.resolve("missing.csv");
    assertThatThrownBy(() -> inspect(missing)).hasMessage(missing + ": no such file");
    assertThatThrownBy(() -> inspect(dir))
        .hasMessage(dir + " is a folder: inspect one of its files");
  }

  @Test
  void aHeaderOnlyTakesTheTimeColumnByItsNameAndCountsRows() throws IOException {
    Inspection in = inspect(write("header.csv", "Date,Impressions,Clicks\n"));
    assertThat(in.timeColumn()).isEqualTo("Date");
    assertThat(in.time.fit()).isNull();
    assertThat(in.block()).contains("rows { aggregate = count }").doesNotContain("Impressions");
    assertThat(in.text())
        .contains("pattern \"yyyy-MM-dd\" unchecked: no rows to read")
        .contains("'Impressions', 'Clicks': no rows to tell whether they hold numbers");
    PastedBlock.noRowQuarantined(dir, in, 0);
  }

  @Test
  void aHeaderOnlyWithoutATimeNameIsAnError() throws IOException {
    Path file = write("names.csv", "Name,Views\n");
    assertThatThrownBy(() -> inspect(file))
        .hasMessage(
            file
                + " has a header and no rows, and no column is named like a time (Name, Views): a"
                + " source needs a time column");
  }

  @Test
  void aFileOfOneColumnIsATimeAndACountOfRows() throws IOException {
    Inspection in = inspect(write("days.csv", "date\n2024-01-01\n2024-01-02\n2024-01-02\n"));
    assertThat(in.layout.delimiter()).isEqualTo(',');
    assertThat(in.layout.header()).containsExactly("date");
    assertThat(in.block())
        .contains("time { column = date }")
        .contains("rows { aggregate = count }");
    // The same day twice is two rows of the same text: the reader takes the second for a copy.
    assertThat(in.text()).contains("1 row(s) repeat an earlier row exactly");
  }

  @Test
  void aSemicolonFileWithDecimalCommasAndThousandsPoints() throws IOException {
    Inspection in =
        inspect(
            write(
                "de.csv",
                """
                Datum;Reichweite;Klickrate;Kosten
                01.03.2024;1.234;12,5;1.234,50
                02.03.2024;987;8,25;99,00
                03.03.2024;2.001;n/a;0,50
                """));
    assertThat(in.layout.delimiter()).isEqualTo(';');
    assertThat(in.numbers).isEqualTo(new NumberFormats.Format(',', '.'));
    assertThat(in.pattern()).isEqualTo("dd.MM.yyyy");
    assertThat(in.block())
        .contains(
            "csv { delimiter = \";\", decimal-separator = \",\", grouping-separator = \".\" }")
        .contains("missing-markers = [\"-\", \"n/a\"]")
        .contains("klickrate  { column = Klickrate, aggregate = mean }");
    SourceScan scan = PastedBlock.noRowQuarantined(dir, in, 3);
    double reach = 0;
    for (Row r : scan.windowValues().collectAsList()) {
      if (r.<String>getAs("metric").endsWith(".reichweite")) {
        reach += r.<Double>getAs("value");
      }
    }
    assertThat(reach).isEqualTo(1234 + 987 + 2001);
  }

  @Test
  void aWindows1252FileSaysSoAndReads() throws IOException {
    byte[] bytes =
        "Date,Region,Fans\n2024-01-01,Catalu\u00f1a,3\n2024-01-02,M\u00fcnchen,4\n"
            .getBytes(Charset.forName("windows-1252"));
    Inspection in = inspect(write("fans.csv", bytes));
    assertThat(in.encoding.setting()).isEqualTo("windows-1252");
    assertThat(in.encoding.description()).startsWith("windows-1252 (byte 0xF1 on line 2");
    assertThat(in.block()).contains("csv { encoding = \"windows-1252\" }");
    // x-daily-activity has the same time column and pattern, but nothing that names the export.
    assertThat(in.preset()).isNull();
    PastedBlock.noRowQuarantined(dir, in, 2);
  }

  /** Meta Business Suite's overview exports: UTF-16 LE with a BOM, sep=, and a title line. */
  @Test
  void aUtf16FileIsReadAndTheBlockReadsItAsItComes() throws IOException {
    String text =
        """
        \ufeffsep=,
        "Facebook follows"
        "Date","Primary"
        "2025-08-01T00:00:00","20"
        "2025-08-02T00:00:00","3"
        """;
    Path file = write("follows.csv", text.getBytes(StandardCharsets.UTF_16LE));
    Inspection in = inspect(file);
    assertThat(in.encoding.utf16()).isTrue();
    assertThat(in.encoding.description())
        .isEqualTo("UTF-16, little-endian, with a byte-order mark");
    assertThat(in.layout.skipLines()).isEqualTo(2);
    // Its preset reads the daily values at midnight as calendar days.
    assertThat(in.preset()).isEqualTo("meta-business-suite-overview");
    assertThat(in.pattern()).isEqualTo("yyyy-MM-dd'T'00:00:00");
    // The reader takes the byte-order mark's set per file: nothing to convert, nothing to set.
    assertThat(in.block()).contains("path = \"" + file + "\"").doesNotContain("encoding");
    assertThat(in.text()).doesNotContain("iconv");
    PastedBlock.noRowQuarantined(dir, in, 2);
  }

  @Test
  void excelsSeparatorLineIsSkipped() throws IOException {
    Inspection in =
        inspect(write("views.csv", "sep=;\r\nDate;Views\r\n2024-01-01;10\r\n2024-01-02;12\r\n"));
    assertThat(in.layout.sepLine()).isTrue();
    assertThat(in.layout.delimiter()).isEqualTo(';');
    assertThat(in.block()).contains("csv { delimiter = \";\", skip-lines = 1 }");
    assertThat(in.text()).contains("line 1 is Excel's sep= hint");
    PastedBlock.noRowQuarantined(dir, in, 2);
  }

  @Test
  void gasCommentBlockIsSkippedAsComments() throws IOException {
    String ga =
        """
        # ----------------------------------------
        # Pages and screens
        # Account: Demo Account
        # Property: GA4 - Demo
        #
        # Start date: 20240101
        # End date: 20240107
        Date,Views,Users,Engagement rate
        20240101,"1,120",80,0.61
        20240102,131,85,0.58
        """;
    Inspection in = inspect(write("ga.csv", ga));
    assertThat(in.layout.comment()).isTrue();
    assertThat(in.layout.skipLines()).isZero();
    assertThat(in.pattern()).isEqualTo("yyyyMMdd");
    assertThat(in.numbers).isEqualTo(new NumberFormats.Format('.', ','));
    // GA4's preset: its comment block and tables.
    assertThat(in.preset()).isEqualTo("ga4-csv");
    assertThat(in.block()).contains("csv { grouping-separator = \",\" }");
    assertThat(in.text()).contains("7 line(s) before the header are # comments");
    PastedBlock.noRowQuarantined(dir, in, 2);
  }

  @Test
  void aTitleRowAndABlankLineBeforeTheHeaderAreSkippedLines() throws IOException {
    Inspection in =
        inspect(
            write(
                "content.csv",
                """
                Aggregated content metrics

                Date,Impressions (organic),Clicks (organic)
                01/02/2024,120,3
                01/03/2024,98,1
                """));
    assertThat(in.layout.skipLines()).isEqualTo(2);
    assertThat(in.layout.comment()).isFalse();
    assertThat(in.pattern()).isEqualTo("MM/dd/yyyy");
    assertThat(in.block()).contains("csv { skip-lines = 2 }");
    PastedBlock.noRowQuarantined(dir, in, 2);
  }

  @Test
  void aSecondTableAfterABlankLineIsNamed() throws IOException {
    Inspection in =
        inspect(
            write(
                "ua.csv", "Day Index,Sessions\n1/1/24,10\n1/2/24,12\n\nDay Index,Sessions\n,22\n"));
    assertThat(in.layout.data()).hasSize(2);
    assertThat(in.pattern()).isEqualTo("M/d/yy");
    assertThat(in.text())
        .contains("line 4 is blank and another table follows (line 5: 'Day Index,Sessions')");
    assertThat(in.preset()).isEqualTo("universal-analytics-csv");
  }

  @Test
  void xsNewDatesAreReadWithTheirWeekday() throws IOException {
    Path file =
        write(
            "overview.csv",
            "Date,Impressions\n\"Fri, Apr 26, 2024\",\"1,200\"\n\"Sat, Apr 27, 2024\",980\n");
    Inspection in = inspect(file);
    assertThat(in.pattern()).isEqualTo("EEE, MMM d, yyyy");
    // Its preset reads "1,200" with a thousands separator.
    assertThat(in.preset()).isEqualTo("x-account-overview");
    assertThat(in.text()).contains("thousands separator ','").contains("impressions");
  }

  @Test
  void aJobConfigsOwnPresetIsMatched() throws IOException {
    Path conf =
        write(
            "presets.conf",
            "socialkpi.presets.our-crm { csv { delimiter = \";\" }, time { column = Created,"
                + " pattern = \"dd.MM.yyyy HH:mm\" } }\n");
    Path file =
        write("crm.csv", "Id;Created;Amount\n7;01.02.2024 10:15;12\n8;01.02.2024 11:00;3\n");
    com.typesafe.config.Config root =
        com.typesafe.config.ConfigFactory.parseFile(conf.toFile())
            .withFallback(com.typesafe.config.ConfigFactory.defaultReference())
            .resolve();
    Inspection in = Inspection.of(file, new InspectOptions("crm", 2000, 25, root));
    assertThat(in.preset()).isEqualTo("our-crm");
    assertThat(in.block())
        .startsWith("crm {\n")
        .contains("preset = our-crm\n")
        .doesNotContain("csv {")
        .doesNotContain("time {");
  }

  @Test
  void aSourceIdThatIsNoSourceNameIsRefused() throws IOException {
    Path file = write("x.csv", "date,n\n2024-01-01,1\n");
    assertThatThrownBy(
            () -> Inspection.of(file, InspectOptions.defaults().withSourceId("my source")))
        .hasMessage("--source-id 'my source': source names use letters, digits, '-' and '_' only");
  }

  @Test
  void blankLinesAndRowsOfAnotherWidthAreCountedAsTheReaderWouldQuarantineThem()
      throws IOException {
    Inspection in =
        inspect(write("gaps.csv", "date,n\n2024-01-01,1\n\n2024-01-02,2\n2024-01-03,3,extra\n"));
    assertThat(in.layout.data()).hasSize(2);
    assertThat(in.layout.notes())
        .containsExactly(
            "1 blank line(s) among the rows: each is quarantined as blank_line",
            "1 row(s) with another number of fields than the header's 2 (first at line 5):"
                + " quarantined as wrong_field_count");
  }

  @Test
  void aQuoteThatNeverClosesIsNamedByItsLine() throws IOException {
    Inspection in =
        inspect(
            write(
                "open.csv",
                "date,text,n\n2024-01-01,ok,1\n2024-01-02,\"never closed,2\n2024-01-03,more,3\n"));
    assertThat(in.layout.data()).hasSize(1);
    assertThat(in.layout.notes())
        .containsExactly(
            "a quote opened at line 3 is never closed: its lines are quarantined as"
                + " unbalanced_quote");
  }

  @Test
  void aHeaderOnlyExportIsKnownByItsPresetsTimeColumn() throws IOException {
    Inspection in =
        inspect(write("tweets.csv", "\"Tweet id\",\"Tweet text\",\"time\",\"impressions\"\n"));
    assertThat(in.preset()).isEqualTo("x-tweet-activity");
    assertThat(in.text())
        .contains("'time' as the preset reads it; pattern \"yyyy-MM-dd HH:mm Z\" unchecked");
    assertThat(in.block()).contains("preset = x-tweet-activity\n").doesNotContain("time {");
    PastedBlock.load(dir, in);
  }

  /**
   * A Brandwatch mentions download (metadata rows above the header): the block inspect prints reads
   * every row.
   */
  @Test
  void aBrandwatchDownloadWithMetadataRowsReadsThroughItsBlock() throws IOException {
    Path file =
        write(
            "acme-mentions.csv",
            """
            Report:,Bulk Mentions Download
            Brand:,Acme
            From:,2023-12-25
            To:,2024-01-07
            Label:,

            Query Id,Query Name,Date,Title,Sentiment,Likes
            2001,Acme brand,2023-12-31 14:05:00.0,New store,positive,12
            2001,Acme brand,2024-01-01 00:10:00.0,Delays,negative,2
            2001,Acme brand,2024-01-02 09:00:00.123,Review,neutral,5
            """);
    Inspection in = inspect(file);
    assertThat(in.layout.headerLine()).isEqualTo(7);
    assertThat(in.text())
        .contains("6 line(s) before the header are metadata rows")
        .contains("preset = brandwatch")
        .doesNotContain("skip-lines = 6");
    PastedBlock.noRowQuarantined(dir, in, 3);
    // Another tool's export with such rows: the block sets auto itself.
    Files.delete(file);
    Path other =
        write(
            "volume.csv",
            """
            Report:,Volume
            From:,2024-03-04
            To:,2024-03-10

            Day,Mentions,Reach
            2024-03-04,5,100
            2024-03-05,7,150
            """);
    Inspection volume = inspect(other);
    assertThat(volume.block()).contains("csv { skip-lines = auto }");
    PastedBlock.noRowQuarantined(dir, volume, 2);
  }
}

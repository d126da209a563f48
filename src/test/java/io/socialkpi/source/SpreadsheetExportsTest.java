package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.ConfigError;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spreadsheet exports ({@code format = spreadsheet}): a named sheet of an .xlsx or .xls workbook
 * read through the CSV reader's rules (skip-lines, header rows, missing markers, quarantine at the
 * sheet's row numbers, the duplicate check), in the layouts ../shared/EXPORTS.md gives: LinkedIn
 * page analytics (several sheets, a title row above each header), Facebook's legacy export (a
 * description row under the header).
 */
class SpreadsheetExportsTest {
  private static SparkSession spark;

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    spark = SparkTestSession.get();
  }

  private SourceScan scan(String source) throws IOException {
    return SourceScan.run(spark, settings(source).sources().get("s"), check(source), run(source));
  }

  private Settings settings(String source) throws IOException {
    String conf =
        "socialkpi {\n  run { zone = \"UTC\", window = week, run-date = 2025-12-01 }\n"
            + "  sources { s { "
            + source
            + " } }\n}\n";
    Files.writeString(dir.resolve("job.conf"), conf);
    return SettingsLoader.load(dir.resolve("job.conf"));
  }

  private SourceLayout check(String source) throws IOException {
    return InputCheck.check(settings(source)).get("s");
  }

  private io.socialkpi.config.RunSettings run(String source) throws IOException {
    return settings(source).run();
  }

  /** window start to value of one metric. */
  private static Map<String, Double> values(SourceScan scan, String metric) {
    Map<String, Double> out = new TreeMap<>();
    for (Row r : scan.windowValues().collectAsList()) {
      if (r.<String>getAs("metric").equals(metric)) {
        out.put(r.getAs("window_start").toString(), r.getAs("value"));
      }
    }
    return out;
  }

  /** line to "reason: raw". */
  private static Map<Long, String> quarantine(SourceScan scan) {
    Map<Long, String> out = new TreeMap<>();
    for (Row r : scan.quarantine().collectAsList()) {
      out.put(r.<Long>getAs("line"), r.<String>getAs("reason") + ": " + r.<String>getAs("raw"));
    }
    return out;
  }

  private String linkedin(boolean xlsx) throws IOException {
    String name = xlsx ? "content.xlsx" : "content.xls";
    Files.write(dir.resolve(name), Workbooks.linkedin(xlsx));
    return name;
  }

  /**
   * LinkedIn's content sheet: Date as real date cells (read as ISO dates, so the default pattern),
   * numbers as their values, the total as its formula's cached value, an empty cell missing.
   */
  @ParameterizedTest(name = "xlsx {0}")
  @ValueSource(booleans = {true, false})
  void aNamedSheetWithATitleRowAboveItsHeader(boolean xlsx) throws IOException {
    SourceScan scan =
        scan(
            "path = \""
                + linkedin(xlsx)
                + "\", format = spreadsheet, sheet = \"Metrics\", csv.skip-lines = 1,"
                + " time.column = Date, metrics { organic { column = \"Impressions (organic)\" },"
                + " total { column = \"Impressions (total)\" },"
                + " clicks { column = \"Clicks (organic)\" },"
                + " rate { column = \"Engagement rate (total)\", aggregate = max } }");
    assertThat(values(scan, "s.organic"))
        .containsExactly(Map.entry("2025-08-04", 200.5), Map.entry("2025-08-11", 1234567.0));
    assertThat(values(scan, "s.total"))
        .containsExactly(Map.entry("2025-08-04", 230.5), Map.entry("2025-08-11", 1234570.0));
    assertThat(values(scan, "s.rate")).containsEntry("2025-08-11", 1.25e-5);
    assertThat(scan.quality().missingCells()).containsEntry("s.clicks", 1L);
    // Each record's line is its row's number in the sheet; byte_offset holds the row's index.
    assertThat(quarantine(scan))
        .containsExactly(
            Map.entry(5L, "blank_line: "), Map.entry(7L, "non_numeric: 2025-08-13,n/a,0,0,1,0"));
    assertThat(
            scan.quarantine().collectAsList().stream()
                .map(r -> r.<Long>getAs("byte_offset"))
                .sorted())
        .containsExactly(4L, 6L);
    assertThat(scan.quality().rowsRead()).isEqualTo(5);
  }

  /** missing-markers and skip-rows apply to a sheet's cells as to a CSV file's fields. */
  @Test
  void missingMarkersAndSkipRowsApplyToTheSheetsCells() throws IOException {
    String source =
        "path = \""
            + linkedin(true)
            + "\", format = spreadsheet, csv.skip-lines = 1, time.column = Date,"
            + " metrics { organic { column = \"Impressions (organic)\" } }, ";
    SourceScan marked = scan(source + "missing-markers = [\"n/a\"]");
    assertThat(quarantine(marked)).containsOnlyKeys(5L);
    assertThat(marked.quality().missingCells()).containsEntry("s.organic", 1L);
    SourceScan skipped = scan(source + "skip-rows { \"Impressions (organic)\" = \"n/a\" }");
    assertThat(quarantine(skipped)).containsOnlyKeys(5L);
    assertThat(skipped.quality().rowsRead()).isEqualTo(4);
  }

  /** The second sheet through the preset: Date as MM/dd/yyyy text, a negative daily value. */
  @Test
  void linkedinPagePresetOnTheFollowersSheet() throws IOException {
    SourceScan scan =
        scan(
            "path = \""
                + linkedin(false)
                + "\", preset = linkedin-page, sheet = \"New followers\","
                + " metrics { organic { column = \"Organic followers\" },"
                + " total { column = \"Total followers\" } }");
    assertThat(quarantine(scan)).isEmpty();
    assertThat(values(scan, "s.organic"))
        .containsExactly(Map.entry("2025-08-04", 3.0), Map.entry("2025-08-11", 3.0));
    assertThat(values(scan, "s.total"))
        .containsExactly(Map.entry("2025-08-04", 4.0), Map.entry("2025-08-11", 3.0));
  }

  /** Facebook's legacy export as .xlsx: row 2 describes each metric (empty under Date). */
  @Test
  void headerRowsApplyToASheet() throws IOException {
    Workbook wb = Workbooks.create(true);
    Workbooks.sheet(
        wb,
        "Key Metrics",
        new Object[] {"Date", "Lifetime Total Likes", "Daily New Likes"},
        new Object[] {
          null,
          "Lifetime: The total number of people who have liked your Page. (Unique Users)",
          "Daily: The number of new people who have liked your Page (Unique Users)"
        },
        new Object[] {"3/4/2024", 100, null},
        new Object[] {"3/5/2024", 102, 2});
    Files.write(dir.resolve("page.xlsx"), Workbooks.bytes(wb));
    SourceScan scan =
        scan(
            "path = \"page.xlsx\", preset = facebook-page-insights, format = spreadsheet,"
                + " metrics { fans { column = \"Lifetime Total Likes\", aggregate = last },"
                + " new { column = \"Daily New Likes\" } }");
    assertThat(quarantine(scan)).isEmpty();
    assertThat(values(scan, "s.fans")).containsExactly(Map.entry("2024-03-04", 102.0));
    assertThat(values(scan, "s.new")).containsExactly(Map.entry("2024-03-04", 2.0));
  }

  @Test
  void anUnknownSheetIsAConfigErrorNamingTheFileAndListingItsSheets() throws IOException {
    String book = linkedin(true);
    assertThatThrownBy(
            () ->
                check(
                    "path = \""
                        + book
                        + "\", format = spreadsheet, sheet = \"Followers\", time.column = Date,"
                        + " metrics { n { aggregate = count } }"))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining(
            "socialkpi.sources.s.sheet: file:"
                + dir.resolve(book)
                + " has no sheet 'Followers' (its sheets: 'Metrics', 'New followers')");
  }

  @Test
  void aCorruptWorkbookIsAConfigErrorNamingTheFile() throws IOException {
    Files.write(dir.resolve("cut.xlsx"), Arrays.copyOf(Workbooks.linkedin(true), 500));
    assertThatThrownBy(
            () ->
                check(
                    "path = \"cut.xlsx\", format = spreadsheet, time.column = Date,"
                        + " metrics { n { aggregate = count } }"))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining(
            "file:" + dir.resolve("cut.xlsx") + " cannot be read as a workbook (.xlsx or .xls)");
  }

  @Test
  void keysThatDoNotApplyAreConfigErrorsNamingTheKey() throws IOException {
    assertThatThrownBy(
            () ->
                settings(
                    "path = \"a.csv\", sheet = \"Metrics\", time.column = Date,"
                        + " metrics { n { aggregate = count } }"))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining(
            "socialkpi.sources.s.sheet: applies to format = spreadsheet only (this source's"
                + " format is csv)");
    assertThatThrownBy(
            () ->
                settings(
                    "path = \"a.xlsx\", format = spreadsheet, csv.delimiter = \";\","
                        + " time.column = Date, metrics { n { aggregate = count } }"))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining(
            "socialkpi.sources.s.csv.delimiter: does not apply to format = spreadsheet");
  }
}

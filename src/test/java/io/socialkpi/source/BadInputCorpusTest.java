package io.socialkpi.source;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of the bad-input corpus through the one-pass scan: the exact quarantine reason, line
 * and count of each broken row, the values of the rows that pass, and {@code read = accepted +
 * quarantined}. File-level problems that stop the run are in {@link InputFileErrorsTest}.
 */
class BadInputCorpusTest {
  static SparkSession spark;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.get();
  }

  @BeforeEach
  void corpus() {
    BadInputs.copyTo(dir);
  }

  @AfterEach
  void resetSplitSize() {
    spark
        .sparkContext()
        .hadoopConfiguration()
        .unset("mapreduce.input.fileinputformat.split.maxsize");
  }

  SourceScan scan(String zone, String source) throws IOException {
    Files.writeString(dir.resolve("job.conf"), BadInputs.config(zone, source));
    Settings s = SettingsLoader.load(dir.resolve("job.conf"));
    String name = s.sources().keySet().iterator().next();
    return SourceScan.run(spark, s.sources().get(name), InputCheck.check(s).get(name), s.run());
  }

  SourceScan pages(String path, String extra) throws IOException {
    return scan("UTC", BadInputs.pagesSource("pages", path, extra));
  }

  /** Quarantined rows per reason, after checking the row accounting. */
  static Map<String, Long> reasons(SourceScan scan, long read, long accepted) {
    SourceQuality q = scan.quality();
    assertThat(q.rowsRead()).as("read").isEqualTo(read);
    assertThat(q.rowsAccepted()).as("accepted").isEqualTo(accepted);
    // The quarantine table's rows, counted on their own: read = accepted + rows in quarantine.
    List<Row> rows = scan.quarantine().collectAsList();
    assertThat(q.rowsAccepted() + rows.size()).as("accepted + quarantine rows").isEqualTo(read);
    assertThat(q.rowsQuarantined()).as("quarantined").isEqualTo(rows.size());
    return new TreeMap<>(
        rows.stream()
            .collect(Collectors.groupingBy(r -> r.<String>getAs("reason"), Collectors.counting())));
  }

  static Map<Long, String> details(SourceScan scan) {
    return new TreeMap<>(
        scan.quarantine().collectAsList().stream()
            .collect(Collectors.toMap(r -> r.<Long>getAs("line"), r -> r.<String>getAs("detail"))));
  }

  /** Accepted values of one metric by day: "metric/day" to value. */
  static Map<String, Double> values(SourceScan scan, String metric) {
    return new TreeMap<>(
        scan.windowValues().filter(col("metric").equalTo(metric)).collectAsList().stream()
            .collect(
                Collectors.toMap(
                    r -> r.getAs("window_start").toString(), r -> r.<Double>getAs("value"))));
  }

  @Test
  void aHeaderOnlyFileHasNoRowsAndNothingQuarantined() throws IOException {
    SourceScan scan = pages("header-only.csv", "");
    assertThat(reasons(scan, 0, 0)).isEmpty();
    assertThat(scan.quality().firstTime()).isNull();
  }

  @Test
  void rowsWithAnotherDelimiterHaveTheWrongFieldCount() throws IOException {
    SourceScan scan = pages("stray-delimiter.csv", "");
    assertThat(reasons(scan, 4, 2)).containsExactly(Map.entry("wrong_field_count", 2L));
    assertThat(details(scan))
        .containsExactly(
            Map.entry(3L, "expected 5 fields, found 1"),
            Map.entry(5L, "expected 5 fields, found 1"));
  }

  @Test
  void datesInAnotherFormatThanThePatternAreBadTimes() throws IOException {
    SourceScan scan = pages("mixed-dates.csv", "");
    assertThat(reasons(scan, 8, 2)).containsExactly(Map.entry("bad_time", 6L));
    Map<Long, String> details = details(scan);
    assertThat(details.keySet()).containsExactly(3L, 4L, 5L, 6L, 7L, 8L);
    assertThat(details.get(3L)).isEqualTo("'01.03.2024' does not match 'yyyy-MM-dd'");
    assertThat(details.get(6L)).isEqualTo("'2024-3-4' does not match 'yyyy-MM-dd'");
    assertThat(details.get(7L)).isEqualTo("'2024-03-05T10:00:00' does not match 'yyyy-MM-dd'");
    assertThat(values(scan, "pages.revenue")).containsOnlyKeys("2024-03-01", "2024-03-07");
  }

  @Test
  void thousandsSeparatorsAndDecimalCommasAreNotNumbersByDefaultAndSaySo() throws IOException {
    SourceScan scan = pages("thousands.csv", "");
    assertThat(reasons(scan, 4, 1)).containsExactly(Map.entry("non_numeric", 3L));
    String hint =
        " (a decimal comma or thousands separator? see csv.decimal-separator and"
            + " csv.grouping-separator)";
    assertThat(details(scan))
        .containsExactly(
            Map.entry(2L, "'1,234' in column 'fans' is not a number" + hint),
            Map.entry(3L, "'12,5' in column 'revenue' is not a number" + hint),
            Map.entry(4L, "'1,000,000' in column 'engaged_users' is not a number" + hint));
  }

  @Test
  void aGroupingSeparatorReadsThousandsButNotADecimalComma() throws IOException {
    SourceScan scan = pages("thousands.csv", "csv { grouping-separator = \",\" }");
    assertThat(reasons(scan, 4, 3)).containsExactly(Map.entry("non_numeric", 1L));
    assertThat(details(scan))
        .containsExactly(
            Map.entry(
                3L,
                "'12,5' in column 'revenue' is not a number with decimal separator '.' and"
                    + " thousands separator ','"));
    assertThat(values(scan, "pages.fans")).containsEntry("2024-03-01", 1234.0);
    assertThat(values(scan, "pages.engaged")).containsEntry("2024-03-03", 1_000_000.0);
  }

  @Test
  void aFinnishExcelExportIsReadWithItsDelimiterDecimalCommaAndSpaces() throws IOException {
    SourceScan scan =
        pages(
            "semicolon.csv",
            "csv { delimiter = \";\", decimal-separator = \",\", grouping-separator = \" \" }");
    assertThat(reasons(scan, 6, 4)).containsExactly(Map.entry("non_numeric", 2L));
    assertThat(details(scan))
        .containsExactly(
            Map.entry(
                5L,
                "'12.5' in column 'revenue' is not a number with decimal separator ',' and"
                    + " thousands separator ' '"),
            Map.entry(
                6L,
                "'1 27' in column 'fans' is not a number with decimal separator ',' and"
                    + " thousands separator ' '"));
    // A plain space, a no-break space (Excel) and a narrow no-break space (CLDR fi-FI).
    assertThat(values(scan, "pages.fans"))
        .containsEntry("2024-03-01", 1234.0)
        .containsEntry("2024-03-02", 1240.0)
        .containsEntry("2024-03-03", 1250.0)
        .containsEntry("2024-03-06", 1280.0);
    assertThat(values(scan, "pages.revenue"))
        .containsEntry("2024-03-01", 1234.5)
        .containsEntry("2024-03-02", 99.9)
        .containsEntry("2024-03-03", -12.5)
        .containsEntry("2024-03-06", 1500.0);
  }

  @Test
  void linesThatAreNotUtf8AreBadEncodingAndKeptReadable() throws IOException {
    SourceScan scan = pages("latin1.csv", "");
    assertThat(reasons(scan, 4, 2)).containsExactly(Map.entry("bad_encoding", 2L));
    assertThat(details(scan).keySet()).containsExactly(3L, 5L);
    Row row = scan.quarantine().filter(col("line").equalTo(3L)).first();
    assertThat(row.<String>getAs("raw")).isEqualTo("2024-03-02,Jyv\uFFFDskyl\uFFFD,101,11,2.5");
    assertThat(values(scan, "pages.fans")).containsOnlyKeys("2024-03-01", "2024-03-03");
  }

  /** UTF-16 files are read as they come: in the byte order their mark names, or csv.encoding's. */
  @Test
  void utf16FilesAreReadByTheirByteOrderMarkOrCsvEncoding() throws IOException {
    for (String[] file :
        new String[][] {{"utf16.csv", ""}, {"utf16-no-bom.csv", "csv.encoding = UTF-16BE"}}) {
      SourceScan scan = pages(file[0], file[1]);
      assertThat(reasons(scan, 2, 2)).as(file[0]).isEmpty();
      assertThat(values(scan, "pages.fans"))
          .as(file[0])
          .containsExactly(Map.entry("2024-03-30", 100.0), Map.entry("2024-03-31", 101.0));
    }
  }

  @Test
  void aTenMegabyteLineIsQuarantinedUnparsedWithItsStartKept() throws IOException {
    int bytes = 10 * 1024 * 1024;
    BadInputs.longLine(dir, "long-line.csv", bytes);
    // Small splits put split boundaries inside the long line: it is still one row, line 3.
    spark
        .sparkContext()
        .hadoopConfiguration()
        .setLong("mapreduce.input.fileinputformat.split.maxsize", 1024 * 1024);
    SourceScan scan = pages("long-line.csv", "");
    assertThat(reasons(scan, 3, 2)).containsExactly(Map.entry("line_too_long", 1L));
    assertThat(details(scan))
        .containsExactly(
            Map.entry(
                3L,
                "line of 10,485,760 bytes is longer than max-line-size (1,048,576 bytes); raw"
                    + " holds its first 1,024"));
    String raw = scan.quarantine().first().getAs("raw");
    assertThat(raw).hasSize(1025).startsWith("2024-03-02,north,999").endsWith("9\u2026");
    assertThat(values(scan, "pages.fans")).containsOnlyKeys("2024-03-01", "2024-03-03");
  }

  @Test
  void negativeValuesAreQuarantinedOnlyForNonNegativeMetrics() throws IOException {
    SourceScan scan = pages("negative.csv", "");
    assertThat(reasons(scan, 5, 3)).containsExactly(Map.entry("negative_value", 2L));
    assertThat(details(scan))
        .containsExactly(
            Map.entry(3L, "'-5' in column 'fans' is negative (pages.fans is non-negative)"),
            Map.entry(
                4L, "'-1' in column 'engaged_users' is negative (pages.engaged is non-negative)"));
    // A refund is a negative revenue, and -0 is not below zero.
    assertThat(values(scan, "pages.revenue")).containsEntry("2024-03-04", -20.0);
    assertThat(values(scan, "pages.engaged")).containsEntry("2024-03-05", 0.0);
  }

  @Test
  void daysAfterTheRunDateAreFutureTimes() throws IOException {
    SourceScan scan = pages("future.csv", "");
    assertThat(reasons(scan, 4, 2)).containsExactly(Map.entry("future_time", 2L));
    assertThat(details(scan))
        .containsExactly(
            Map.entry(4L, "'2024-04-01' is on 2024-04-01, after the run date 2024-03-31"),
            Map.entry(5L, "'2052-03-01' is on 2052-03-01, after the run date 2024-03-31"));
    assertThat(scan.quality().lastDate()).isEqualTo("2024-03-31");
  }

  @Test
  void theFutureStartsAtMidnightInTheReportingZone() throws IOException {
    SourceScan scan = scan("Europe/Helsinki", BadInputs.ordersSource("orders", "future-times.csv"));
    assertThat(reasons(scan, 4, 2)).containsExactly(Map.entry("future_time", 2L));
    // 21:00 UTC on 31 March is midnight in Helsinki (UTC+3 from that morning).
    assertThat(details(scan))
        .containsExactly(
            Map.entry(3L, "'2024-03-31T21:00:00Z' is on 2024-04-01, after the run date 2024-03-31"),
            Map.entry(
                4L, "'2024-03-31T23:30:00+00:00' is on 2024-04-01, after the run date 2024-03-31"));
  }

  @Test
  void aFileMatchedTwiceUnderTwoNamesIsCountedOnce() throws IOException {
    for (String dedupe : List.of("dedupe = true", "dedupe = false")) {
      SourceScan scan = pages("dup/pages-*.csv", dedupe);
      assertThat(reasons(scan, 11, 7)).as(dedupe).containsExactly(Map.entry("duplicate_file", 4L));
      List<Row> rows = scan.quarantine().orderBy("line").collectAsList();
      assertThat(rows).extracting(r -> r.<Long>getAs("line")).containsExactly(2L, 3L, 4L, 5L);
      assertThat(rows.get(0).<String>getAs("file")).endsWith("dup/pages-2024-03.csv");
      assertThat(rows.get(0).<String>getAs("detail"))
          .isEqualTo(
              "the file has the same bytes as file:"
                  + dir.resolve("dup/pages-2024-03 (1).csv")
                  + ", whose rows count");
      assertThat(values(scan, "pages.engaged")).containsEntry("2024-03-01", 1.0);
    }
  }

  @Test
  void aParquetFileCopiedUnderAnotherNameIsCountedOnce() throws IOException {
    Path written = dir.resolve("written");
    spark
        .sql(
            "SELECT '2024-03-0' || id AS date, 'north' AS region, 100 + id AS fans,"
                + " id AS engaged_users, 1.5 AS revenue FROM range(1, 4)")
        .coalesce(1)
        .write()
        .parquet(written.toString());
    Path part;
    try (var files = Files.list(written)) {
      part = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    Files.createDirectories(dir.resolve("pq"));
    Files.copy(part, dir.resolve("pq/a.parquet"));
    Files.copy(part, dir.resolve("pq/b.parquet"));
    SourceScan scan = pages("pq/*.parquet", "format = parquet");
    assertThat(reasons(scan, 6, 3)).containsExactly(Map.entry("duplicate_file", 3L));
    assertThat(scan.quarantine().select("file").distinct().first().<String>getAs("file"))
        .endsWith("pq/b.parquet");
  }

  @Test
  void typeSuffixesAndHexFloatsAreNotNumbers() throws IOException {
    // Java's parseDouble reads 12d as 12, 7f as 7 and 0x1p4 as 16.
    SourceScan scan = pages("number-suffixes.csv", "");
    assertThat(reasons(scan, 6, 2)).containsExactly(Map.entry("non_numeric", 4L));
    assertThat(details(scan))
        .containsExactly(
            Map.entry(3L, "'12d' in column 'fans' is not a number"),
            Map.entry(4L, "'7f' in column 'engaged_users' is not a number"),
            Map.entry(5L, "'0x1p4' in column 'revenue' is not a number"),
            Map.entry(6L, "'2.5D' in column 'revenue' is not a number"));
    assertThat(values(scan, "pages.fans")).containsOnlyKeys("2024-03-01", "2024-03-06");
    assertThat(values(scan, "pages.revenue")).containsEntry("2024-03-06", 0.5);
  }

  @Test
  void aJsonLineWithTrailingTextASecondObjectOrADuplicatedKeyIsMalformed() throws IOException {
    SourceScan scan = pages("json-trailing.jsonl", "format = json");
    assertThat(reasons(scan, 5, 2)).containsExactly(Map.entry("malformed_json", 3L));
    assertThat(details(scan))
        .containsExactly(
            Map.entry(
                2L,
                "text after the JSON object at column 84: one JSON object per line, nothing"
                    + " after it"),
            Map.entry(
                3L,
                "a second JSON object at column 83: one JSON object per line, nothing after it"),
            Map.entry(4L, "key 'fans' appears twice in the object: its value is ambiguous"));
    assertThat(values(scan, "pages.fans")).containsOnlyKeys("2024-03-01", "2024-03-06");
  }

  @Test
  void aQuotedLineBreakIsOneRecordAndItsTextNeverARow() throws IOException {
    // Two quoted fields hold line breaks, and lines of their text look like records
    // (2024-03-03 and 2024-03-06, "inject"): each field is read with its record (RFC 4180), so
    // that text is a note, never a row.
    SourceScan scan = pages("quoted-newline.csv", "");
    assertThat(reasons(scan, 5, 5)).isEmpty();
    assertThat(values(scan, "pages.fans"))
        .containsOnlyKeys("2024-03-01", "2024-03-02", "2024-03-04", "2024-03-05", "2024-03-07")
        .containsEntry("2024-03-02", 101.0)
        .containsEntry("2024-03-05", 103.0);
  }

  @Test
  void aFirstFieldStartingWithHashIsDataUnlessTheConfigSaysComment() throws IOException {
    SourceScan scan = pages("hashtags.csv", "");
    assertThat(reasons(scan, 3, 3)).isEmpty();
    assertThat(values(scan, "pages.fans"))
        .containsOnlyKeys("2024-03-01", "2024-03-02", "2024-03-03");
  }

  @Test
  void commentLinesAreSkippedWhereTheConfigSaysSo() throws IOException {
    SourceScan scan = pages("commented.csv", "csv { comment = \"#\" }");
    assertThat(reasons(scan, 1, 1)).isEmpty();
    assertThat(values(scan, "pages.fans")).containsOnlyKeys("2024-03-03");
  }

  @Test
  void aLineWithMoreFieldsThanTheParserTakesIsQuarantined() throws IOException {
    StringBuilder s = new StringBuilder(BadInputs.HEADER).append("2024-03-01,north,100,10,1.5\n");
    s.append("2024-03-02,north,101,11").append(",2.5".repeat(100_001)).append('\n');
    s.append("2024-03-03,\"north\",102,12").append(",3.5".repeat(100_001)).append('\n');
    s.append("2024-03-04,north,103,13,4.5\n");
    Files.writeString(dir.resolve("wide.csv"), s);
    SourceScan scan = pages("wide.csv", "");
    assertThat(reasons(scan, 4, 2)).containsExactly(Map.entry("wrong_field_count", 2L));
    assertThat(details(scan))
        .containsExactly(
            Map.entry(3L, "expected 5 fields, found 100,005"),
            Map.entry(4L, "expected 5 fields, found more than 100,000"));
  }

  /** A Parquet file {@code name} in {@code dir} holding the rows of {@code sql}. */
  Path parquet(String name, String sql) throws IOException {
    Path written = dir.resolve(name + ".written");
    spark.sql(sql).coalesce(1).write().parquet(written.toString());
    Path part;
    try (var files = Files.list(written)) {
      part = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    Files.createDirectories(dir.resolve("pq"));
    return Files.copy(part, dir.resolve("pq/" + name));
  }

  /** Three rows at {@code t1}, {@code t2}, {@code t3}, with revenue 1, 2 and 4. */
  static String timesSql(String type, String t1, String t2, String t3) {
    return "SELECT CAST(t AS "
        + type
        + ") AS date, 'north' AS region, 100 AS fans, 1 AS engaged_users, revenue FROM VALUES"
        + " ('"
        + t1
        + "', 1.0), ('"
        + t2
        + "', 2.0), ('"
        + t3
        + "', 4.0) AS v(t, revenue)";
  }

  @Test
  void typedParquetTimesAreReadAsTimesWhateverThePattern() throws Exception {
    // An instant (Spark's timestamp, Parquet's TIMESTAMP WITH TIME ZONE): 03:00 UTC on 2 March
    // is 22:00 on 1 March in New York, the source's zone.
    parquet(
        "instant.parquet",
        timesSql("TIMESTAMP", "2024-03-01 12:00:00", "2024-03-02 03:00:00", "2024-03-03 12:00:00"));
    // A naive timestamp (pandas' and DuckDB's default): local time in the source's zone.
    parquet(
        "naive.parquet",
        timesSql(
            "TIMESTAMP_NTZ", "2024-03-01 12:00:00", "2024-03-01 22:00:00", "2024-03-03 23:30:00"));
    parquet("date.parquet", timesSql("DATE", "2024-03-01", "2024-03-01", "2024-03-03"));
    // DuckDB's TIMESTAMP (as pandas writes it) and TIMESTAMPTZ.
    duckdb(
        "duck-naive.parquet",
        timesSql("TIMESTAMP", "2024-03-01 12:00:00", "2024-03-01 22:00:00", "2024-03-03 23:30:00"),
        "duck-instant.parquet",
        timesSql(
            "TIMESTAMPTZ",
            "2024-03-01 12:00:00+00",
            "2024-03-02 03:00:00+00",
            "2024-03-03 12:00:00+00"));
    String zone = "format = parquet, time.zone = \"America/New_York\"";
    for (String file : List.of("instant", "naive", "date", "duck-naive", "duck-instant")) {
      SourceScan scan = pages("pq/" + file + ".parquet", zone);
      assertThat(reasons(scan, 3, 3)).as(file).isEmpty();
      assertThat(values(scan, "pages.revenue"))
          .as(file)
          .containsExactly(Map.entry("2024-03-01", 3.0), Map.entry("2024-03-03", 4.0));
    }
    // With hours in the pattern, an instant is put in the reporting zone's (UTC) day.
    String hours = zone + ", time.pattern = \"yyyy-MM-dd HH:mm\"";
    assertThat(values(pages("pq/instant.parquet", hours), "pages.revenue"))
        .containsExactly(
            Map.entry("2024-03-01", 1.0),
            Map.entry("2024-03-02", 2.0),
            Map.entry("2024-03-03", 4.0));
    // 23:30 in New York on 3 March is 04:30 UTC on 4 March.
    assertThat(values(pages("pq/naive.parquet", hours), "pages.revenue"))
        .containsExactly(
            Map.entry("2024-03-01", 1.0),
            Map.entry("2024-03-02", 2.0),
            Map.entry("2024-03-04", 4.0));
  }

  @Test
  void placeholderDatesBeforeTimeEarliestAreImplausible() throws IOException {
    SourceScan scan = pages("placeholder-dates.csv", "");
    assertThat(reasons(scan, 5, 2)).containsExactly(Map.entry("implausible_time", 3L));
    String why =
        ", before time.earliest 2000-01-01 (a placeholder date? set time.earliest if it is real)";
    assertThat(details(scan))
        .containsExactly(
            Map.entry(3L, "'1900-01-01' is on 1900-01-01" + why),
            Map.entry(4L, "'1970-01-01' is on 1970-01-01" + why),
            Map.entry(6L, "'1899-12-30' is on 1899-12-30" + why));
    assertThat(scan.quality().firstDate()).isEqualTo("2024-03-01");
    // Where such days are real, time.earliest says so.
    SourceScan old = pages("placeholder-dates.csv", "time.earliest = \"1850-01-01\"");
    assertThat(reasons(old, 5, 5)).isEmpty();
    assertThat(old.quality().firstDate()).isEqualTo("1899-12-30");
  }

  /** A Parquet file {@code name} under pq/ written by DuckDB from {@code sql}, and more pairs. */
  void duckdb(String... nameAndSql) throws Exception {
    Files.createDirectories(dir.resolve("pq"));
    try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        java.sql.Statement st = db.createStatement()) {
      st.execute("SET TimeZone = 'UTC'");
      for (int i = 0; i < nameAndSql.length; i += 2) {
        st.execute(
            "COPY ("
                + nameAndSql[i + 1]
                + ") TO '"
                + dir.resolve("pq/" + nameAndSql[i])
                + "' (FORMAT PARQUET)");
      }
    }
  }

  @Test
  void aParquetBooleanMetricColumnIsNotANumber() throws Exception {
    duckdb(
        "flags.parquet",
        "SELECT DATE '2024-03-01' + CAST(i AS INTEGER) AS date, 'north' AS region, i = 1 AS fans,"
            + " 1 AS engaged_users, 1.5 AS revenue FROM range(3) t(i)");
    SourceScan scan = pages("pq/flags.parquet", "format = parquet");
    assertThat(reasons(scan, 3, 0)).containsExactly(Map.entry("non_numeric", 3L));
    assertThat(details(scan).values())
        .containsExactlyInAnyOrder(
            "'false' in column 'fans' is not a number",
            "'true' in column 'fans' is not a number",
            "'false' in column 'fans' is not a number");
  }

  @Test
  void anInchMarkInAnUnquotedFieldIsALiteralCharacter() throws IOException {
    // A quote in the middle of an unquoted field opens no quoted field: found by the review of
    // issue 18, when one inch mark quarantined every later line of its file.
    Files.writeString(
        dir.resolve("inch.csv"),
        """
        date,region,fans,engaged_users,revenue,note
        2024-03-01,north,100,10,1.5,ok
        2024-03-02,north,101,11,2.5,TV 55" screen
        2024-03-03,north,102,12,3.5,ok
        2024-03-04,north,103,13,4.5,ok
        2024-03-05,north,104,14,5.5,ok
        """);
    SourceScan scan = pages("inch.csv", "");
    assertThat(scan.quality().rowsRead()).isEqualTo(5);
    assertThat(scan.quality().rowsAccepted()).isEqualTo(5);
    assertThat(values(scan, "pages.fans"))
        .containsKeys("2024-03-01", "2024-03-02", "2024-03-03", "2024-03-04", "2024-03-05");
  }

  @Test
  void aQuotedLineBreakAcrossASplitBoundaryNeverMakesARow() throws IOException {
    // With tiny splits a quoted record crosses a split boundary, and a split cannot know it
    // starts inside a quote (the review of issue 18 got a fake row that way): the split before
    // it ends inside the quote, which sends the source to a second read with one split per file.
    Map<Long, String> whole = details(pages("quoted-newline.csv", ""));
    spark
        .sparkContext()
        .hadoopConfiguration()
        .setLong("mapreduce.input.fileinputformat.split.maxsize", 40);
    SourceScan scan = pages("quoted-newline.csv", "");
    assertThat(scan.splitLines()).hasSize(1);
    assertThat(details(scan)).isEqualTo(whole);
    assertThat(scan.quality().rowsRead()).isEqualTo(5);
    // 2024-03-03 and 2024-03-06 are text inside quoted fields, never rows.
    assertThat(values(scan, "pages.fans"))
        .containsOnlyKeys("2024-03-01", "2024-03-02", "2024-03-04", "2024-03-05", "2024-03-07");
  }

  @Test
  void aCsvFileWithoutQuotedLineBreaksIsReadInSplitsWithTheSameLinesAndValues() throws IOException {
    SourceScan whole = pages("mixed-dates.csv", "");
    spark
        .sparkContext()
        .hadoopConfiguration()
        .setLong("mapreduce.input.fileinputformat.split.maxsize", 40);
    SourceScan split = pages("mixed-dates.csv", "");
    assertThat(split.splitLines()).hasSizeGreaterThan(3);
    assertThat(details(split)).isEqualTo(details(whole)).isNotEmpty();
    assertThat(values(split, "pages.fans")).isEqualTo(values(whole, "pages.fans"));
    assertThat(split.quality()).isEqualTo(whole.quality());
  }
}

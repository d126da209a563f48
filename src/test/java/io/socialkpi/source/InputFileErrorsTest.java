package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialkpi.config.ConfigError;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad inputs that stop a run before Spark starts (exit code 2), each with a message naming the
 * file: an empty CSV file, a file read with the wrong delimiter, files of one source with different
 * headers. And the checks that let a run go on: empty JSON-lines files, duplicated files found.
 */
class InputFileErrorsTest {
  @TempDir Path dir;

  @BeforeEach
  void corpus() {
    BadInputs.copyTo(dir);
  }

  Settings settings(String source) throws IOException {
    Path conf = dir.resolve("job.conf");
    Files.writeString(conf, BadInputs.config("UTC", source));
    return SettingsLoader.load(conf);
  }

  Map<String, SourceLayout> check(String path, String extra) throws IOException {
    return InputCheck.check(settings(BadInputs.pagesSource("pages", path, extra)));
  }

  @Test
  void anEmptyCsvFileIsAnErrorNamingIt() {
    assertThatThrownBy(() -> check("empty.csv", ""))
        .isInstanceOf(ConfigError.class)
        .hasMessage(
            dir.resolve("job.conf")
                + ":5: socialkpi.sources.pages.path: cannot read '"
                + dir.resolve("empty.csv")
                + "': file:"
                + dir.resolve("empty.csv")
                + " is empty (0 bytes): a CSV export has at least its header line, so the export"
                + " failed or was cut; remove the file or export it again");
  }

  @Test
  void anEmptyFileInAGlobIsNamedToo() throws IOException {
    Files.createDirectories(dir.resolve("daily"));
    Files.copy(dir.resolve("future.csv"), dir.resolve("daily/a.csv"));
    Files.copy(dir.resolve("empty.csv"), dir.resolve("daily/b.csv"));
    assertThatThrownBy(() -> check("daily/*.csv", ""))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining(": file:" + dir.resolve("daily/b.csv") + " is empty (0 bytes)");
  }

  @Test
  void aFileReadWithTheWrongDelimiterGetsOneProblemWithTheDelimiterToSet() {
    assertThatThrownBy(() -> check("semicolon.csv", ""))
        .isInstanceOf(ConfigError.class)
        .hasMessage(
            dir.resolve("job.conf")
                + ":4: socialkpi.sources.pages.csv.delimiter: the header of file:"
                + dir.resolve("semicolon.csv")
                + " is one column 'date;region;fans;engaged_users;revenue': it looks"
                + " ';'-separated, but csv.delimiter is ',': set csv.delimiter = \";\"");
  }

  @Test
  void aFileOfOneSourceWithoutAColumnTheSourceReadsIsAnErrorNamingIt() throws IOException {
    // Files may differ in their columns (read by name), but each needs those the source reads.
    Files.createDirectories(dir.resolve("mixed"));
    Files.copy(dir.resolve("future.csv"), dir.resolve("mixed/a.csv"));
    Files.copy(dir.resolve("semicolon.csv"), dir.resolve("mixed/b.csv"));
    assertThatThrownBy(() -> check("mixed/*.csv", ""))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining(
            "file:"
                + dir.resolve("mixed/b.csv")
                + " has no column ['date', 'region', 'fans', 'engaged_users', 'revenue'] that the"
                + " source reads (its columns: date;region;fans;engaged_users;revenue)");
  }

  @Test
  void anEmptyJsonLinesFileHasNoRowsAndTheKeysOfAllFilesCount() throws IOException {
    Files.createDirectories(dir.resolve("json"));
    Files.writeString(dir.resolve("json/a.jsonl"), "");
    Files.writeString(
        dir.resolve("json/b.jsonl"),
        "{\"date\":\"2024-03-01\",\"region\":\"north\",\"fans\":1,\"engaged_users\":2,"
            + "\"revenue\":3}\n");
    SourceLayout layout = check("json/*.jsonl", "format = json").get("pages");
    assertThat(layout.files()).hasSize(2);
    assertThat(layout.header())
        .containsExactly("date", "region", "fans", "engaged_users", "revenue");
  }

  @Test
  void filesWithTheSameBytesAreFoundAndTheFirstInPathOrderCounts() throws IOException {
    SourceLayout layout = check("dup/pages-*.csv", "").get("pages");
    assertThat(layout.files()).hasSize(3);
    assertThat(layout.duplicates())
        .containsExactly(
            Map.entry(
                "file:" + dir.resolve("dup/pages-2024-03.csv"),
                "file:" + dir.resolve("dup/pages-2024-03 (1).csv")));
    // Equal sizes alone are not enough: the bytes are compared.
    Files.writeString(dir.resolve("dup/x.csv"), "a,b\n1,2\n");
    Files.writeString(dir.resolve("dup/y.csv"), "a,b\n1,3\n");
    FileSystem fs = FileSystem.getLocal(new Configuration());
    assertThat(
            DuplicateFiles.find(
                List.of(dir.resolve("dup/x.csv").toString(), dir.resolve("dup/y.csv").toString()),
                fs))
        .isEmpty();
  }

  @Test
  void aColumnNamedTwiceInTheHeaderIsAnErrorNamingFileAndColumn() {
    assertThatThrownBy(() -> check("duplicate-column.csv", ""))
        .isInstanceOf(ConfigError.class)
        .hasMessage(
            dir.resolve("job.conf")
                + ":5: socialkpi.sources.pages.path: file:"
                + dir.resolve("duplicate-column.csv")
                + " has column 'fans' twice (columns 3 and 5): rename one of them in the export");
  }

  @Test
  void aHeaderStartingWithHashIsReadAsItIsAndNamed() {
    assertThatThrownBy(() -> check("hash-header.csv", ""))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining(
            "column 'date' is not in file:"
                + dir.resolve("hash-header.csv")
                + " (columns: #date, region, fans, engaged_users, revenue)");
  }

  @Test
  void aFileOfOnlyCommentLinesIsAnErrorNamingIt() {
    assertThatThrownBy(() -> check("only-comments.csv", "csv { comment = \"#\" }"))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining(
            "file:"
                + dir.resolve("only-comments.csv")
                + " has no header line: every line starts with the csv.comment character '#'");
  }

  @Test
  void commentLinesBeforeTheHeaderAreSkippedWhereTheConfigSaysSo() throws IOException {
    assertThat(check("commented.csv", "csv { comment = \"#\" }").get("pages").header())
        .containsExactly("region", "date", "fans", "engaged_users", "revenue");
  }

  /** Writes Parquet files with DuckDB: each pair is a file under pq/ and the query it holds. */
  void duckdb(String... fileAndQuery) throws Exception {
    Files.createDirectories(dir.resolve("pq"));
    try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        java.sql.Statement st = db.createStatement()) {
      for (int i = 0; i < fileAndQuery.length; i += 2) {
        st.execute(
            "COPY ("
                + fileAndQuery[i + 1]
                + ") TO '"
                + dir.resolve("pq/" + fileAndQuery[i])
                + "' (FORMAT PARQUET)");
      }
    }
  }

  static final String ROW =
      "SELECT DATE '2024-03-01' AS date, 'north' AS region, %s AS fans, 1 AS engaged_users,"
          + " 1.5 AS revenue";

  @Test
  void aParquetStructMetricColumnIsAnErrorNamingFileAndColumn() throws Exception {
    duckdb("nested.parquet", ROW.formatted("{'total': 100, 'organic': 60}"));
    assertThatThrownBy(() -> check("pq/nested.parquet", "format = parquet"))
        .isInstanceOf(ConfigError.class)
        .hasMessage(
            dir.resolve("job.conf")
                + ":5: socialkpi.sources.pages.path: file:"
                + dir.resolve("pq/nested.parquet")
                + " has column 'fans' of type struct<total:int,organic:int>: a nested value is"
                + " neither a time, an entity nor a number; read one of its fields by its path"
                + " instead, e.g. 'fans.total'");
  }

  @Test
  void parquetFilesOfOneSourceWithDifferentColumnTypesAreAnErrorNamingFileAndColumn()
      throws Exception {
    duckdb("a.parquet", ROW.formatted("CAST(100 AS BIGINT)"), "b.parquet", ROW.formatted("'101'"));
    assertThatThrownBy(() -> check("pq/*.parquet", "format = parquet"))
        .isInstanceOf(ConfigError.class)
        .hasMessage(
            dir.resolve("job.conf")
                + ":5: socialkpi.sources.pages.path: file:"
                + dir.resolve("pq/b.parquet")
                + " has column 'fans' of type string but file:"
                + dir.resolve("pq/a.parquet")
                + " has bigint; every file of a source needs the same column types");
  }

  @Test
  void excelsSeparatorHintLineIsNamedWithWhatToDo() {
    assertThatThrownBy(() -> check("excel-sep.csv", ""))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining(
            "file:"
                + dir.resolve("excel-sep.csv")
                + " starts with the line 'sep=,': Excel's separator hint, not the header. Delete"
                + " that first line (or save the export again as \"CSV UTF-8\", which has none);"
                + " csv.delimiter is already ','")
        .hasMessageNotContaining("column 'date' is not in");
  }

  @Test
  void excelsSeparatorHintNamesTheDelimiterToSetWhenItDiffers() throws IOException {
    Files.writeString(
        dir.resolve("excel-semicolon.csv"), "sep=;\n" + BadInputs.HEADER.replace(',', ';'));
    assertThatThrownBy(() -> check("excel-semicolon.csv", ""))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining(" starts with the line 'sep=;': Excel's separator hint")
        .hasMessageContaining("and set csv.delimiter = \";\"");
  }

  /** A UTF-16 file with a byte-order mark is read in its encoding (BadInputCorpusTest). */
  @Test
  void aUtf16FileWithAByteOrderMarkIsReadInTheEncodingItNames() throws IOException {
    SourceLayout layout = check("utf16.csv", "").get("pages");
    assertThat(layout.header())
        .containsExactly("date", "region", "fans", "engaged_users", "revenue");
    assertThat(layout.encodings())
        .containsExactly(Map.entry("file:" + dir.resolve("utf16.csv"), "UTF-16LE"));
  }

  /** Without a mark, UTF-16 read as UTF-8 would name its columns in mojibake: the set to use. */
  @Test
  void aUtf16FileWithoutAByteOrderMarkNamesTheEncodingToSet() {
    assertThatThrownBy(() -> check("utf16-no-bom.csv", ""))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining(
            "file:"
                + dir.resolve("utf16-no-bom.csv")
                + " is UTF-16 text (big-endian, no byte-order mark); set csv.encoding ="
                + " \"UTF-16BE\" (it is \"UTF-8\")")
        .hasMessageNotContaining("is not in");
  }

  @Test
  void aUtf16JsonLinesFileIsNamedToo() throws IOException {
    Files.write(
        dir.resolve("pages.jsonl"),
        "{\"date\":\"2024-03-30\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_16));
    assertThatThrownBy(
            () ->
                InputCheck.check(
                    settings(BadInputs.pagesSource("pages", "pages.jsonl", "format = json"))))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining(
            "file:"
                + dir.resolve("pages.jsonl")
                + " is UTF-16 text (big-endian, with a byte-order mark)");
  }
}

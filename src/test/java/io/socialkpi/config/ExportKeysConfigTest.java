package io.socialkpi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keys issue 14 added (overlap, csv.tables, time.pattern = nth-day) in combinations that cannot
 * work: each is a config error naming the file and the key before Spark starts, never an exception
 * without a key nor a setting silently ignored.
 */
class ExportKeysConfigTest {
  @TempDir Path dir;

  private Path config(String source) throws IOException {
    Path file = dir.resolve("job.conf");
    Files.writeString(
        file,
        "socialkpi {\n  sources {\n    s {\n      path = \"s.csv\"\n      "
            + source
            + "\n      metrics { users { column = Users } }\n    }\n  }\n}\n");
    return file;
  }

  private static ConfigError error(Path file) {
    return catchThrowableOfType(ConfigError.class, () -> SettingsLoader.load(file));
  }

  @Test
  void overlapWrittenAsAValueIsAConfigErrorNamingTheKey() throws IOException {
    // overlap.keep = newest is the shorthand; overlap = newest was a ConfigException$WrongType
    // (exit code "unexpected failure", a stack trace) instead of a config error.
    Path file = config("time.column = Date, overlap = newest");
    ConfigError e = error(file);
    assertThat(e).isNotNull();
    assertThat(e.getMessage())
        .contains(file.toString())
        .contains("socialkpi.sources.s.overlap")
        .contains("expected a block");
  }

  @Test
  void nthDayNeedsACsvSourceWithCommentLines() throws IOException {
    // The day offsets count from a '# Start date:' comment line: without csv.comment it is never
    // read (every row bad_time at run time), and JSON lines and workbooks have no comment lines.
    ConfigError noComment = error(config("time { column = \"Nth day\", pattern = nth-day }"));
    assertThat(noComment).isNotNull();
    assertThat(noComment.getMessage())
        .contains("socialkpi.sources.s.time.pattern")
        .contains("csv.comment");
    ConfigError json =
        error(config("format = json, time { column = \"Nth day\", pattern = nth-day }"));
    assertThat(json).isNotNull();
    assertThat(json.getMessage()).contains("socialkpi.sources.s.time.pattern").contains("csv");
    // The preset's comment makes it valid.
    assertThat(
            SettingsLoader.load(
                    config("preset = ga4-csv, time { column = \"Nth day\", pattern = nth-day }"))
                .sources()
                .get("s")
                .time()
                .nthDay())
        .isTrue();
  }

  @Test
  void tablesWithoutHeaderLinesAreAConfigError() throws IOException {
    // Tables are told apart by their headers: with csv.header = false the rows after the first
    // blank line were taken for a header that lacks _c0, and silently not read.
    ConfigError e =
        error(config("csv { tables = blank-line-separated, header = false }, time.column = _c0"));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("socialkpi.sources.s.csv.tables").contains("header");
  }

  @Test
  void tablesOnASpreadsheetIsAConfigErrorNotIgnored() throws IOException {
    ConfigError e =
        error(config("format = spreadsheet, csv.tables = blank-line-separated, time.column = D"));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("socialkpi.sources.s.csv.tables").contains("spreadsheet");
  }
}

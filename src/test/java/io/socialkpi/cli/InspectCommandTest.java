package io.socialkpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code inspect} on the command line: its output, options and exit codes. */
class InspectCommandTest {
  @TempDir Path dir;
  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();
  private final ByteArrayOutputStream err = console.err;
  private final ByteArrayOutputStream out = console.out;

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void printsTheSummaryAndTheBlockNamedByTheSourceId() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("orders_20240101_20240131.csv"),
            "created_at,total\n2024-01-05 10:00:00,12.5\n2024-01-06 11:30:00,7\n");
    assertThat(Main.execute("inspect", file.toString())).isEqualTo(Main.OK);
    assertThat(out())
        .startsWith("# jobs/socialkpi inspect " + file + "\n")
        .contains("\norders {\n")
        .contains("time { column = created_at, pattern = \"yyyy-MM-dd HH:mm:ss\" }")
        .contains("total { column = total, aggregate = sum }");
    out.reset();
    assertThat(Main.execute("inspect", "--source-id", "shop", file.toString())).isEqualTo(0);
    assertThat(out()).contains("\nshop {\n");
  }

  @Test
  void aMissingFileExitsTwoNamingIt() {
    Path missing = dir.resolve("nothing.csv");
    assertThat(Main.execute("inspect", missing.toString())).isEqualTo(Main.BAD_CONFIG);
    assertThat(err()).isEqualTo("socialkpi: inspect: " + missing + ": no such file\n");
    assertThat(out()).isEmpty();
  }

  @Test
  void aBadOptionExitsTwo() throws IOException {
    Path file = Files.writeString(dir.resolve("x.csv"), "date,n\n2024-01-01,1\n");
    assertThat(Main.execute("inspect", "--source-id", "a b", file.toString())).isEqualTo(2);
    assertThat(err()).contains("--source-id 'a b': source names use letters");
    assertThat(Main.execute("inspect", "--max-rows", "0", file.toString())).isEqualTo(2);
    assertThat(Main.execute("inspect")).isEqualTo(2); // FILE is required: picocli's usage error
    assertThat(
            Main.execute("inspect", "--config", dir.resolve("no.conf").toString(), file.toString()))
        .isEqualTo(2);
    assertThat(err()).contains("no such config file");
  }

  @Test
  void aJobConfigWithASyntaxErrorExitsTwoNamingTheFileOnceAndTheBracket() throws IOException {
    Path file = Files.writeString(dir.resolve("export.csv"), "date,fans\n2024-01-01,3\n");
    Path conf =
        Files.writeString(dir.resolve("job.conf"), "socialkpi {\n  run { zone = \"UTC\" ]\n}\n");
    assertThat(Main.execute("inspect", "--config", conf.toString(), file.toString())).isEqualTo(2);
    assertThat(err())
        .isEqualTo(
            "socialkpi: configuration error: "
                + conf
                + ":2: syntax: ']' does not close the '{' opened at line 2 (expected '}')\n");
  }
}

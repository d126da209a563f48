package io.socialkpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.source.BadInputs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File-level bad inputs stop {@code run} with exit code 2 before Spark, naming the file. */
class BadInputExitTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldErr;

  @BeforeEach
  void capture() {
    oldErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    BadInputs.copyTo(dir);
  }

  @AfterEach
  void restore() {
    System.setErr(oldErr);
  }

  int run(String path) throws IOException {
    Path conf =
        Files.writeString(
            dir.resolve("job.conf"),
            BadInputs.config("UTC", BadInputs.pagesSource("pages", path, "")));
    return Main.execute(
        "run", "--config", conf.toString(), "--output", dir.resolve("out").toString());
  }

  @Test
  void anEmptyFileExitsTwoNamingItAndWritesNothing() throws IOException {
    assertThat(run("empty.csv")).isEqualTo(Main.BAD_CONFIG);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("socialkpi: configuration error: ")
        .contains("file:" + dir.resolve("empty.csv") + " is empty (0 bytes)");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aSemicolonFileReadWithCommasExitsTwoWithTheDelimiterToSet() throws IOException {
    assertThat(run("semicolon.csv")).isEqualTo(Main.BAD_CONFIG);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(
            "socialkpi.sources.pages.csv.delimiter: the header of file:"
                + dir.resolve("semicolon.csv"))
        .contains("set csv.delimiter = \";\"");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aSecretInASourceUriIsNeverPrinted() throws IOException {
    assertThat(run("s3a://AKIAKEY:s3cr3tValue@bucket/pages/*.csv")).isEqualTo(Main.BAD_CONFIG);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("socialkpi: configuration error: ")
        .contains("s3a://***@bucket/pages/*.csv")
        .doesNotContain("s3cr3tValue")
        .doesNotContain("AKIAKEY");
  }

  @Test
  void anOutputThatIsARegularFileExitsTwoBeforeSpark() throws IOException {
    Path file = Files.writeString(dir.resolve("out-file"), "not a folder");
    Path conf =
        Files.writeString(
            dir.resolve("job.conf"),
            BadInputs.config("UTC", BadInputs.pagesSource("pages", "negative.csv", "")));
    int code = Main.execute("run", "--config", conf.toString(), "--output", file.toString());
    assertThat(code).isEqualTo(Main.BAD_CONFIG);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("socialkpi: configuration error: ")
        .contains("cannot write to " + file)
        .doesNotContain("\tat ");
  }

  @Test
  void anOutputOnAReadOnlyFolderExitsTwoBeforeSpark() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("read-only"));
    assertThat(folder.toFile().setWritable(false)).isTrue();
    // Root writes into any folder whatever its mode (CI runs as root): there the folder is Linux's
    // /proc, where nobody may create anything.
    Path readOnly = Files.isWritable(folder) ? Path.of("/proc") : folder;
    assertThat(readOnly).isDirectory();
    try {
      Path conf =
          Files.writeString(
              dir.resolve("job.conf"),
              BadInputs.config("UTC", BadInputs.pagesSource("pages", "negative.csv", "")));
      Path out = readOnly.resolve("out");
      int code = Main.execute("run", "--config", conf.toString(), "--output", out.toString());
      assertThat(code).isEqualTo(Main.BAD_CONFIG);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .startsWith("socialkpi: configuration error: ")
          .contains("cannot write to " + out)
          .doesNotContain("\tat ");
    } finally {
      folder.toFile().setWritable(true);
    }
  }

  @Test
  void anOutputBelowARegularFileExitsTwoBeforeSpark() throws IOException {
    Path file = Files.writeString(dir.resolve("out-file"), "not a folder");
    Path conf =
        Files.writeString(
            dir.resolve("job.conf"),
            BadInputs.config("UTC", BadInputs.pagesSource("pages", "negative.csv", "")));
    Path out = file.resolve("tables");
    int code = Main.execute("run", "--config", conf.toString(), "--output", out.toString());
    assertThat(code).isEqualTo(Main.BAD_CONFIG);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("cannot write to " + out + ": " + file + " is a file, not a folder")
        .doesNotContain("\tat ");
  }
}

package io.socialkpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subcommand's own usage error (one its code finds, not picocli's parser) prints the same usage
 * as its --help: named under socialkpi, with the --help and --version it inherits.
 */
class SubcommandUsageTest {
  @TempDir Path dir;
  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();

  private String usageAfterError(String... args) {
    assertThat(Main.execute(args)).isEqualTo(2);
    return console.err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void generateWithTooFewDays() {
    assertThat(usageAfterError("generate", "--out", dir.toString(), "--days", "0"))
        .contains("days must be at least 28")
        .contains("Usage: socialkpi generate [-hV]");
  }

  @Test
  void reportOfNoFolder() {
    assertThat(usageAfterError("report", "--output", dir.resolve("none").toString()))
        .contains("no output folder at")
        .contains("Usage: socialkpi report [-hV]");
  }

  @Test
  void sqlOfNoFolder() {
    assertThat(usageAfterError("sql", "--output", dir.resolve("none").toString(), "SELECT 1"))
        .contains("no output folder at")
        .contains("Usage: socialkpi sql [-hV]");
  }
}

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

/**
 * Each config hole of issue 15 exits with code 2 (never 1 with a stack trace) and names the file,
 * the line and the key; {@code --set}, {@code --print-config} and a config given as a URI.
 */
class ConfigHolesExitTest {
  @TempDir Path dir;
  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();
  private final ByteArrayOutputStream err = console.err;
  private final ByteArrayOutputStream out = console.out;

  static final String CONF =
      """
      socialkpi {
        run { zone = "UTC", window = day }
        sources {
          tickets {
            path = "tickets.csv"
            time { column = opened_at, pattern = "yyyy-MM-dd HH:mm" }
            metrics { incidents { aggregate = count } }
            csv { delimiter = "," }
          }
        }
        objectives = [{ id = fewer-incidents, outcome = tickets.incidents, expected-direction = down }]
      }
      """;

  Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aListWhereTheDelimiterBelongsExitsTwoNamingFileLineAndKey() throws IOException {
    write("tickets.csv", "ticket_id,opened_at\n1,2024-01-01 10:00\n");
    Path conf = write("job.conf", CONF.replace("delimiter = \",\"", "delimiter = [\";\"]"));
    for (String command : new String[] {"validate", "run"}) {
      err.reset();
      assertThat(Main.execute(command, "--config", conf.toString())).isEqualTo(Main.BAD_CONFIG);
      assertThat(err())
          .isEqualTo(
              "socialkpi: configuration error: "
                  + conf
                  + ":8: socialkpi.sources.tickets.csv.delimiter: expected a single value such as"
                  + " \",\", found a list [\";\"]\n");
    }
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aPathThatMatchesNothingNamesTheLineOfThePathKey() throws IOException {
    Path conf = write("job.conf", CONF);
    assertThat(Main.execute("validate", "--config", conf.toString())).isEqualTo(Main.BAD_CONFIG);
    assertThat(err())
        .startsWith(
            "socialkpi: configuration error: "
                + conf
                + ":5: socialkpi.sources.tickets.path: no file matches");
  }

  @Test
  void aMissingColumnNamesTheLineOfTheKeyThatReadsIt() throws IOException {
    write("tickets.csv", "ticket_id,opened\n1,2024-01-01 10:00\n");
    Path conf = write("job.conf", CONF);
    assertThat(Main.execute("validate", "--config", conf.toString())).isEqualTo(Main.BAD_CONFIG);
    assertThat(err())
        .startsWith(
            "socialkpi: configuration error: "
                + conf
                + ":6: socialkpi.sources.tickets.time.column: column 'opened_at' is not in");
  }

  @Test
  void aSyntaxErrorExitsTwoNamingTheFileOnceAndTheUnclosedBlock() throws IOException {
    Path conf =
        write(
            "job.conf",
            CONF.replace("expected-direction = down }]", "expected-direction = down ]"));
    assertThat(Main.execute("validate", "--config", conf.toString())).isEqualTo(Main.BAD_CONFIG);
    assertThat(err())
        .isEqualTo(
            "socialkpi: configuration error: "
                + conf
                + ":11: syntax: ']' does not close the '{' opened at line 11 (expected '}')\n");
  }

  @Test
  void setOverridesTheFileOnValidateAndRunAndItsMistakesNameSet() throws IOException {
    write("tickets.csv", "ticket_id,opened_at\n1,2024-01-01 10:00\n");
    Path conf = write("job.conf", CONF);
    assertThat(
            Main.execute(
                "validate",
                "--config",
                conf.toString(),
                "--set",
                "run.window=month",
                "--set",
                "sources.tickets.time.zone=Europe/Helsinki",
                "--print-config"))
        .isEqualTo(Main.OK);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("window=month")
        .contains("zone=\"Europe/Helsinki\"")
        .contains("is valid");
    assertThat(
            Main.execute(
                "run", "--config", conf.toString(), "--set", "run.quarantine-max-fraction=2"))
        .isEqualTo(Main.BAD_CONFIG);
    assertThat(err())
        .isEqualTo(
            "socialkpi: configuration error: --set run.quarantine-max-fraction=2:"
                + " socialkpi.run.quarantine-max-fraction: expected a fraction between 0 and 1,"
                + " found 2.0\n");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void anOutputThatCannotBeWrittenNamesTheLineOfRunOutput() throws IOException {
    write("tickets.csv", "ticket_id,opened_at\n1,2024-01-01 10:00\n");
    Path file = write("out-file", "not a folder");
    Path conf =
        write("job.conf", CONF.replace("window = day }", "window = day, output = out-file }"));
    assertThat(Main.execute("run", "--config", conf.toString())).isEqualTo(Main.BAD_CONFIG);
    assertThat(err())
        .startsWith(
            "socialkpi: configuration error: "
                + conf
                + ":2: socialkpi.run.output: cannot write to "
                + file);
  }

  @Test
  void aConfigGivenAsAFileUriIsValidatedWithItsSourcesBesideIt() throws IOException {
    write("tickets.csv", "ticket_id,opened_at\n1,2024-01-01 10:00\n");
    Path conf = write("job.conf", CONF);
    assertThat(Main.execute("validate", "--config", conf.toUri().toString())).isEqualTo(Main.OK);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(conf.toUri() + " is valid")
        .contains("tickets");
  }
}

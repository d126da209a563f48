package io.socialkpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The command line's exit codes and messages, run in-process. */
class MainTest {
  @TempDir Path dir;
  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();
  private final ByteArrayOutputStream err = console.err;
  private final ByteArrayOutputStream out = console.out;

  static final String CONF =
      """
      socialkpi {
        run { zone = "UTC", window = day, quarantine-max-fraction = 0.2 }
        sources {
          tickets {
            path = "tickets.csv"
            time { column = opened_at, pattern = "yyyy-MM-dd HH:mm" }
            metrics { incidents { aggregate = count } }
          }
        }
        objectives = [{ id = fewer-incidents, outcome = tickets.incidents, expected-direction = down }]
      }
      """;

  Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void validateReportsKeyAndFileAndExitsTwo() throws IOException {
    write("tickets.csv", "ticket_id,opened_at\n1,2024-01-01 10:00\n");
    Path conf =
        write(
            "bad.conf", CONF.replace("outcome = tickets.incidents", "outcome = tickets.incident"));
    int code = Main.execute("validate", "--config", conf.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(conf.toString())
        .contains("socialkpi.objectives[0].outcome: unknown metric 'tickets.incident'");
  }

  @Test
  void validateNamesAMissingFileAndAMissingColumn() throws IOException {
    Path conf = write("job.conf", CONF);
    assertThat(Main.execute("validate", "--config", conf.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("socialkpi.sources.tickets.path: no file matches")
        .contains("tickets.csv");
    err.reset();
    write("tickets.csv", "ticket_id,opened\n1,2024-01-01 10:00\n");
    assertThat(Main.execute("validate", "--config", conf.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("socialkpi.sources.tickets.time.column: column 'opened_at' is not in")
        .contains("(columns: ticket_id, opened)");
  }

  @Test
  void validatePassesOnAGoodConfig() throws IOException {
    write("tickets.csv", "ticket_id,opened_at\n1,2024-01-01 10:00\n");
    Path conf = write("job.conf", CONF);
    assertThat(Main.execute("validate", "--config", conf.toString())).isEqualTo(0);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("is valid").contains("tickets");
  }

  @Test
  void unknownSubcommandIsAUsageError() {
    assertThat(Main.execute("frobnicate")).isEqualTo(2);
  }

  @Test
  void aSourceOverTheQuarantineLimitExitsThreeAfterWritingDataQuality() throws IOException {
    write(
        "tickets.csv",
        "ticket_id,opened_at\n1,2024-01-01 10:00\n2,yesterday\n3,2024-01-02 09:00\n4,soon\n");
    Path conf = write("job.conf", CONF);
    Path output = dir.resolve("out");
    int code =
        Main.execute(
            "run",
            "--config",
            conf.toString(),
            "--output",
            output.toString(),
            "--run-date",
            "2024-02-01");
    assertThat(code).isEqualTo(3);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("tickets quarantined 50.0% of 4 rows (limit 20.0%)");
    List<Row> quality =
        SparkTestSession.get()
            .read()
            .parquet(output.resolve("data_quality").toString())
            .collectAsList();
    assertThat(quality).hasSize(1);
    assertThat(quality.get(0).<Long>getAs("rows_quarantined")).isEqualTo(2L);
    assertThat(
            SparkTestSession.get().read().parquet(output.resolve("quarantine").toString()).count())
        .isEqualTo(2);
    assertThat(output.resolve("correlations")).doesNotExist();
  }

  @Test
  void aRerunStoppedAtTheQualityGateReplacesTheEarlierReportsVerdicts() throws IOException {
    StringBuilder good = new StringBuilder("ticket_id,opened_at\n");
    for (int d = 1; d <= 28; d++) {
      for (int i = 0; i < d % 4 + 1; i++) {
        good.append(d * 10 + i)
            .append(",2024-01-")
            .append(String.format("%02d", d))
            .append(" 10:00\n");
      }
    }
    write("tickets.csv", good.toString());
    Path conf = write("job.conf", CONF);
    Path output = dir.resolve("out");
    String[] run = {
      "run", "--config", conf.toString(), "--output", output.toString(), "--run-date", "2024-02-01"
    };
    assertThat(Main.execute(run)).isEqualTo(0);
    Path summary = output.resolve("report/run_date=2024-02-01/summary.md");
    assertThat(summary).content().contains("- **");

    write("tickets.csv", good + "999,yesterday\n".repeat(40));
    assertThat(Main.execute(run)).isEqualTo(3);
    assertThat(summary)
        .content()
        .contains("No evidence for this run date: the run stopped at the data-quality check.")
        .doesNotContain("- **");
    assertThat(output.resolve("report/run_date=2024-02-01/index.html"))
        .content()
        .contains("the run stopped at the data-quality check")
        .doesNotContain("<article class=\"entity\"");
  }

  /**
   * With run.keep-runs = 2, each complete run deletes whole older runs; a run stopped at the
   * quality gate deletes nothing and is not the latest that {@code sql}'s _latest views show.
   */
  @Test
  void keepRunsDeletesWholeOlderRunsAndLatestViewsShowTheNewestCompleteRun() throws IOException {
    StringBuilder good = new StringBuilder("ticket_id,opened_at\n");
    for (int d = 1; d <= 28; d++) {
      good.append(d).append(",2024-01-").append(String.format("%02d", d)).append(" 10:00\n");
    }
    write("tickets.csv", good.toString());
    Path conf =
        write(
            "job.conf",
            CONF.replace(
                "quarantine-max-fraction = 0.2", "quarantine-max-fraction = 0.2, keep-runs = 2"));
    Path output = dir.resolve("out");
    for (String date : List.of("2024-02-01", "2024-02-02", "2024-02-03")) {
      assertThat(
              Main.execute(
                  "run",
                  "--config",
                  conf.toString(),
                  "--output",
                  output.toString(),
                  "--run-date",
                  date))
          .as(err.toString(StandardCharsets.UTF_8))
          .isZero();
    }
    write("tickets.csv", good + "999,yesterday\n".repeat(40));
    assertThat(
            Main.execute(
                "run",
                "--config",
                conf.toString(),
                "--output",
                output.toString(),
                "--run-date",
                "2024-02-04"))
        .isEqualTo(3);
    try (var files = Files.walk(output)) {
      List<String> dated =
          files
              .map(p -> output.relativize(p).toString())
              .filter(p -> p.contains("2024-02-01"))
              .toList();
      assertThat(dated).isEmpty();
    }
    for (String kept : List.of("2024-02-02", "2024-02-03")) {
      assertThat(output.resolve("_runs/run_date=" + kept + ".json")).exists();
      assertThat(output.resolve("window_metrics/run_date=" + kept)).isDirectory();
      assertThat(output.resolve("report/run_date=" + kept + "/index.html")).exists();
    }
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("run.keep-runs = 2: deleted the runs of [2024-02-01]");

    out.reset();
    assertThat(
            Main.execute(
                "sql",
                "--output",
                output.toString(),
                "--csv",
                "SELECT DISTINCT CAST(run_date AS STRING) AS d FROM window_metrics_latest"
                    + " UNION ALL SELECT DISTINCT CAST(run_date AS STRING) FROM data_quality_latest"))
        .isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("d\n2024-02-03\n2024-02-03\n");
  }
}

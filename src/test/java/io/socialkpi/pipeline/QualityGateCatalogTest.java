package io.socialkpi.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import io.socialkpi.output.LatestViews;
import io.socialkpi.output.Table;
import io.socialkpi.source.InputCheck;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rerun of the newest complete date that the data-quality gate stops replaces that date's
 * partitions with its quality tables only: the catalog's {@code _latest} views must move to the
 * newest complete run left, not keep showing the stopped run's {@code data_quality} beside empty
 * evidence tables.
 */
class QualityGateCatalogTest {
  static final String DB = "socialkpi_gate_test";
  @TempDir Path dir;
  final SparkSession spark = SparkTestSession.get();

  @AfterEach
  void drop() {
    spark.sql("DROP DATABASE IF EXISTS " + DB + " CASCADE");
  }

  static final String CONF =
      """
      socialkpi {
        run { zone = "UTC", window = day, quarantine-max-fraction = 0.2, output = out }
        catalog.database = %s
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

  void run(String date) {
    Settings s = SettingsLoader.load(dir.resolve("job.conf"));
    s =
        s.withRun(
            s.run().withOutput(dir.resolve("out").toString()).withRunDate(LocalDate.parse(date)));
    LockedRuns.run(
        spark, s, InputCheck.check(s), new Progress(new PrintStream(new ByteArrayOutputStream())));
  }

  /** The tables this small run writes rows to (one metric: no correlations, no tactics). */
  static final List<Table> WITH_ROWS =
      List.of(Table.WINDOW_METRICS, Table.OBJECTIVE_SUMMARY, Table.RUN_INFO, Table.DATA_QUALITY);

  List<String> dates(String view) {
    return spark
        .sql("SELECT DISTINCT CAST(run_date AS STRING) FROM " + DB + "." + view)
        .collectAsList()
        .stream()
        .map(r -> r.getString(0))
        .toList();
  }

  @Test
  void aStoppedRerunOfTheLatestDateMovesTheCatalogsLatestViewsBack() throws Exception {
    StringBuilder good = new StringBuilder("ticket_id,opened_at\n");
    for (int d = 1; d <= 28; d++) {
      good.append(d).append(",2024-01-").append(String.format("%02d", d)).append(" 10:00\n");
    }
    Files.writeString(dir.resolve("tickets.csv"), good);
    Files.writeString(dir.resolve("job.conf"), CONF.formatted(DB));
    run("2024-02-01");
    run("2024-02-02");
    for (Table t : WITH_ROWS) {
      assertThat(dates(LatestViews.viewName(t))).as(t.tableName()).containsExactly("2024-02-02");
    }
    Files.writeString(dir.resolve("tickets.csv"), good + "999,yesterday\n".repeat(40));
    assertThatThrownBy(() -> run("2024-02-02")).isInstanceOf(DataQualityError.class);
    for (Table t : WITH_ROWS) {
      assertThat(dates(LatestViews.viewName(t))).as(t.tableName()).containsExactly("2024-02-01");
    }
    // the stopped run's quality tables are registered; the evidence it removed is not
    assertThat(
            spark.sql("SHOW PARTITIONS " + DB + ".objective_summary").collectAsList().stream()
                .map(r -> r.getString(0))
                .toList())
        .containsExactly("run_date=2024-02-01");
    assertThat(dates("data_quality")).containsExactlyInAnyOrder("2024-02-01", "2024-02-02");
  }
}

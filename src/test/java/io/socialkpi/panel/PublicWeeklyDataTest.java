package io.socialkpi.panel;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import io.socialkpi.source.InputCheck;
import io.socialkpi.source.SourceScan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real case of issue 14: Meta's public Robyn weekly data set (208 weeks stamped on their
 * Monday, src/test/resources/public-data) lost its last week from the analysis when its rows were
 * read as days; declared {@code time.grain = week} it keeps all 208, each week's value the file's.
 */
class PublicWeeklyDataTest {
  private static final Path FILE =
      Path.of("src/test/resources/public-data/robyn/dt_simulated_weekly.csv").toAbsolutePath();

  private static SparkSession spark;

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    spark = SparkTestSession.get();
  }

  private record Run(Dataset<Row> windows, Dataset<Row> panel) {}

  private Run run(String time) throws IOException {
    Files.writeString(
        dir.resolve("job.conf"),
        "socialkpi {\n"
            + "  run { zone = \"UTC\", window = week, run-date = 2019-12-31 }\n"
            + "  sources { robyn { path = \""
            + FILE
            + "\"\n    time { column = DATE"
            + time
            + " }\n"
            + "    metrics { revenue { column = revenue }, facebook { column = facebook_I } } } }\n"
            + "  objectives = [{ id = revenue, outcome = robyn.revenue,"
            + " lead-indicators = [robyn.facebook] }]\n"
            + "}\n");
    Settings s = SettingsLoader.load(dir.resolve("job.conf"));
    SourceScan scan =
        SourceScan.run(spark, s.sources().get("robyn"), InputCheck.check(s).get("robyn"), s.run());
    assertThat(scan.quality().rowsAccepted()).isEqualTo(208);
    Dataset<Row> windows =
        WindowMetrics.complete(spark, List.of(scan), s.run().window(), s.run().runDate())
            .filter(col("metric").equalTo("robyn.revenue"));
    return new Run(windows, PanelRows.build(spark, s, windows));
  }

  @Test
  void readAsDaysTheLastWeekIsDroppedFromTheAnalysis() throws IOException {
    Run days = run("");
    assertThat(days.windows().count()).isEqualTo(208);
    assertThat(days.windows().filter(col("complete").unary_$bang()).collectAsList())
        .extracting(r -> r.getAs("window_start").toString())
        .containsExactly("2019-11-11");
    assertThat(days.panel().count()).isEqualTo(207);
  }

  @Test
  void readAsWeeksEveryWeekCountsWithTheFilesValue() throws IOException {
    Run weeks = run(", grain = week");
    assertThat(weeks.windows().filter(col("complete")).count()).isEqualTo(208);
    assertThat(weeks.panel().count()).isEqualTo(208);
    Row last = weeks.windows().orderBy(col("window_start").desc()).first();
    assertThat(last.<Date>getAs("window_start")).isEqualTo(Date.valueOf("2019-11-11"));
    assertThat(last.<Date>getAs("window_end")).isEqualTo(Date.valueOf("2019-11-17"));
    assertThat(last.<Double>getAs("value")).isCloseTo(2767788.33333333, within(1e-6));
    double total = 0;
    for (Row r : weeks.windows().collectAsList()) {
      total += r.<Double>getAs("value");
    }
    assertThat(total).isCloseTo(revenueInTheFile(), within(1e-3));
  }

  /** The sum of the file's revenue column, read as plain text. */
  private static double revenueInTheFile() throws IOException {
    List<String> lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
    double total = 0;
    for (String line : lines.subList(1, lines.size())) {
      total += Double.parseDouble(line.split(",", -1)[1]);
    }
    return total;
  }
}

package io.socialkpi.panel;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import io.socialkpi.calendar.WindowUnit;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import io.socialkpi.source.BadInputs;
import io.socialkpi.source.InputCheck;
import io.socialkpi.source.SourceScan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code window_metrics} table over a real scan. */
class WindowMetricsTest {
  @TempDir Path dir;

  @Test
  void windowsBeforeTheSourcesFirstObservationAreNeverCompleteZeros() throws IOException {
    SparkSession spark = SparkTestSession.get();
    // A test order from 2015 is an accepted row but counts for no metric: not a real observation.
    Files.writeString(
        dir.resolve("orders.csv"),
        """
        day,status,amount
        2015-06-01,test,1
        2024-03-04,paid,10
        2024-03-06,paid,20
        2024-03-10,paid,5
        """);
    Files.writeString(
        dir.resolve("job.conf"),
        BadInputs.config(
            "UTC",
            """
            orders {
              path = "orders.csv"
              time { column = day }
              metrics { sales { column = amount, where { status = paid } } }
            }
            """));
    Settings s = SettingsLoader.load(dir.resolve("job.conf"));
    SourceScan scan =
        SourceScan.run(
            spark, s.sources().get("orders"), InputCheck.check(s).get("orders"), s.run());
    Dataset<Row> windows =
        WindowMetrics.complete(spark, List.of(scan), WindowUnit.DAY, s.run().runDateOrToday());
    Dataset<Row> before = windows.filter(col("window_start").lt(lit(Date.valueOf("2024-03-04"))));
    assertThat(before.filter(col("complete")).count()).isZero();
    assertThat(
            windows.filter(col("complete").and(col("window_start").geq(lit("2024-03-04")))).count())
        .isEqualTo(7);
  }
}

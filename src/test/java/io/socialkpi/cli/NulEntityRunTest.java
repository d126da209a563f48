package io.socialkpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import io.socialkpi.source.BadInputs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An entity value with a NUL byte in it (keys were once joined with NUL) goes through a whole run,
 * report included: it is an entity of its own, next to its look-alike without the NUL.
 */
class NulEntityRunTest {
  @TempDir Path dir;

  static final String NUL_ENTITY = "nor\u0000th";

  @Test
  void aNulInAnEntityRunsToTheEndWithTheReport() throws IOException {
    StringBuilder csv = new StringBuilder(BadInputs.HEADER);
    for (int day = 1; day <= 28; day++) {
      for (String entity : List.of(NUL_ENTITY, "north")) {
        csv.append(String.format("2024-02-%02d,%s,%d,10,%d%n", day, entity, 100 + day, day));
      }
    }
    Files.writeString(dir.resolve("nul-entity.csv"), csv);
    Path conf =
        Files.writeString(
            dir.resolve("job.conf"),
            BadInputs.config("UTC", BadInputs.pagesSource("nul", "nul-entity.csv", ""))
                + "socialkpi.objectives = [{ id = nul, outcome = nul.revenue,"
                + " lead-indicators = [nul.fans], lags = [0],"
                + " tactics = [{ id = t, launched = 2024-02-15 }] }]\n");
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code =
          Main.execute(
              "run", "--config", conf.toString(), "--output", dir.resolve("out").toString());
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(Main.OK);
    List<Row> summary =
        SparkTestSession.get()
            .read()
            .parquet(dir.resolve("out/objective_summary").toString())
            .collectAsList();
    assertThat(summary)
        .extracting(r -> r.<String>getAs("entity"))
        .containsExactlyInAnyOrder(NUL_ENTITY, "north");
    Path report = dir.resolve("out/report/run_date=2024-03-31/index.html");
    assertThat(report).exists();
    String html = Files.readString(report);
    assertThat(html).contains("north");
  }
}

package io.socialkpi.calibrate;

import static org.apache.spark.sql.functions.col;

import io.socialkpi.analysis.EvidenceEngine;
import io.socialkpi.calendar.WindowUnit;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import io.socialkpi.generate.Scenario;
import io.socialkpi.pipeline.SparkSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Runs the production evidence and verdict code ({@code EvidenceEngine.over}, then {@code
 * summaries()} and {@code effects()}) on the synthetic panels of one seed, in the benchmark's one
 * local SparkSession, and brings the small results to the driver.
 *
 * <p>One run is one seed and one window unit: the window unit is a setting of the whole run ({@code
 * run.window}), so daily and weekly scenarios need separate runs. Each run is like one nightly run
 * with one objective per scenario, so the q-values of lead-indicator correlations are corrected
 * over one seed's tests, as in production, not over the whole benchmark.
 */
final class CalibrationRun implements AutoCloseable {
  /** What one run gives back: verdicts per objective and entity, and the outcome effect rows. */
  record Result(List<Row> summaries, List<Row> effects, StructType effectSchema, double seconds) {}

  private final SparkSession spark;
  private final Path work;

  CalibrationRun() throws IOException {
    work = Files.createTempDirectory("socialkpi-calibrate");
    // The session's settings come from a config like any other run: local[2], UI off, few
    // shuffle partitions (the panel of a run is a few hundred thousand rows).
    Settings any = settings(List.of(Scenario.STEP_0), WindowUnit.WEEK);
    spark = SparkSessions.start(any.spark());
  }

  Result run(long seed, int entities, List<Scenario> scenarios) throws IOException {
    WindowUnit unit = scenarios.get(0).unit();
    long t0 = System.nanoTime();
    Settings settings = settings(scenarios, unit);
    List<Row> rows =
        scenarios.stream()
            .flatMap(s -> SyntheticPanel.rows(s, seed, entities).stream())
            .collect(Collectors.toList());
    Dataset<Row> panel = spark.createDataFrame(rows, SyntheticPanel.SCHEMA);
    EvidenceEngine engine = EvidenceEngine.over(panel, settings);
    try {
      List<Row> summaries =
          engine
              .summaries()
              .select("objective_id", "entity", "control_entity", "verdict", "verdict_reason")
              .collectAsList();
      Dataset<Row> effects = engine.effects().filter(col("role").equalTo("outcome"));
      List<Row> effectRows = effects.collectAsList();
      return new Result(summaries, effectRows, effects.schema(), (System.nanoTime() - t0) / 1e9);
    } finally {
      engine.release();
    }
  }

  /** Loads a generated config through the production loader, as a job would. */
  private Settings settings(List<Scenario> scenarios, WindowUnit unit) throws IOException {
    return settings(work, scenarios, unit);
  }

  /** The config of a calibration run over {@code scenarios}, written to {@code work}. */
  static Settings settings(Path work, List<Scenario> scenarios, WindowUnit unit)
      throws IOException {
    String objectives =
        scenarios.stream()
            .map(SyntheticPanel::objectiveBlock)
            .collect(Collectors.joining("\n    "));
    String hocon =
        "socialkpi {\n"
            + "  run { window = "
            + unit.key()
            + ", output = \"out\" }\n"
            + SyntheticPanel.sourcesBlock()
            + "  objectives = [\n    "
            + objectives
            + "\n  ]\n"
            + "  spark {\n"
            + "    master = \"local[2]\"\n"
            + "    app-name = \"socialkpi-calibrate\"\n"
            + "    conf {\n"
            + "      \"spark.sql.shuffle.partitions\" = \"4\"\n"
            + "      \"spark.default.parallelism\" = \"2\"\n"
            + "      \"spark.driver.host\" = \"127.0.0.1\"\n"
            + "      \"spark.driver.bindAddress\" = \"127.0.0.1\"\n"
            + "    }\n"
            + "  }\n"
            + "}\n";
    Path file = work.resolve("calibrate-" + unit.key() + ".conf");
    Files.writeString(file, hocon);
    return SettingsLoader.load(file);
  }

  @Override
  public void close() throws IOException {
    spark.stop();
    try (var files = Files.list(work)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
    }
    Files.deleteIfExists(work);
  }
}

package io.socialkpi.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import io.socialkpi.analysis.EvidenceEngine;
import io.socialkpi.calendar.WindowUnit;
import io.socialkpi.config.Settings;
import io.socialkpi.generate.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small run keeps the evidence on the driver ({@link EvidenceEngine#materialiseLocally}); its
 * tables must be exactly those of the evidence kept by Spark, and past the row limit it must stay
 * with Spark.
 */
class LocalEvidenceTest {
  private static final int ENTITIES = 3;
  private static SparkSession spark;
  private static Settings settings;
  private static Dataset<Row> panel;

  @BeforeAll
  static void panel(@TempDir Path work) throws IOException {
    spark = SparkTestSession.get();
    settings = CalibrationRun.settings(work, List.of(Scenario.STEP_15), WindowUnit.WEEK);
    panel =
        spark.createDataFrame(
            SyntheticPanel.rows(Scenario.STEP_15, 7, ENTITIES), SyntheticPanel.SCHEMA);
  }

  private static List<List<Row>> tables(EvidenceEngine engine) {
    try {
      return List.of(
          engine.summaries().orderBy("objective_id", "entity").collectAsList(),
          engine.effects().orderBy("objective_id", "entity", "metric", "tactic_id").collectAsList(),
          engine
              .correlations()
              .orderBy("objective_id", "entity", "lead_metric", "lag", "method", "transform")
              .collectAsList());
    } finally {
      engine.release();
    }
  }

  @Test
  void evidenceOnTheDriverIsTheEvidenceSparkKeeps() {
    EvidenceEngine bySpark = EvidenceEngine.over(panel, settings);
    long groups = bySpark.materialise();
    // Every entity and the control entity (SyntheticPanel's control is an entity of its own).
    assertThat(groups).isEqualTo(ENTITIES + 1);
    EvidenceEngine onDriver = EvidenceEngine.over(panel, settings);
    assertThat(onDriver.materialiseLocally(1_000)).isEqualTo(groups);
    List<List<Row>> expected = tables(bySpark);
    assertThat(expected.get(0)).hasSize((int) groups);
    assertThat(expected.get(1)).isNotEmpty();
    assertThat(tables(onDriver)).isEqualTo(expected);
  }

  @Test
  void pastTheRowLimitTheEvidenceStaysWithSpark() {
    EvidenceEngine tooMany = EvidenceEngine.over(panel, settings);
    assertThat(tooMany.materialiseLocally(ENTITIES)).isEqualTo(ENTITIES + 1);
    EvidenceEngine bySpark = EvidenceEngine.over(panel, settings);
    bySpark.materialise();
    assertThat(tables(tooMany)).isEqualTo(tables(bySpark));
  }
}

package io.socialkpi.analysis;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import io.socialkpi.tables.CorrelationRow;
import io.socialkpi.tables.RowCodec;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The run-wide steps on correlation rows: the trend-driven flag and the best lags. */
class ObjectiveVerdictsTest {
  static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.get();
  }

  /** A correlation row with its q-value, as QValues leaves them. */
  static CorrelationRow corr(String lead, int lag, String transform, double r, double q, int n) {
    double nan = Double.NaN;
    return new CorrelationRow(
        "o",
        "north",
        lead,
        "s.y",
        lag,
        "pearson",
        transform,
        n,
        r,
        q,
        nan,
        nan,
        "positive",
        r > 0,
        null,
        q,
        null);
  }

  static Dataset<Row> table(CorrelationRow... rows) {
    RowCodec<CorrelationRow> codec = RowCodec.of(CorrelationRow.class);
    return spark.createDataFrame(codec.encodeAll(List.of(rows)), codec.schema());
  }

  static boolean flag(Dataset<Row> flagged, String lead, String transform) {
    return flagged
        .filter(col("lead_metric").equalTo(lead).and(col("transform").equalTo(transform)))
        .first()
        .getAs("trend_driven");
  }

  @Test
  void aLevelCorrelationWhoseDifferencesGoTheOtherWayIsTrendDriven() {
    // The audit's case: level r +0.97, diff r -0.94, both significant.
    Dataset<Row> flagged =
        ObjectiveVerdicts.flagTrendDriven(
            table(
                corr("a.opposite", 1, "level", 0.97, 1e-6, 50),
                corr("a.opposite", 1, "diff", -0.94, 1e-6, 49),
                corr("b.confirmed", 1, "level", 0.9, 1e-6, 50),
                corr("b.confirmed", 1, "diff", 0.5, 1e-4, 49),
                corr("c.levels-only", 1, "level", 0.9, 1e-6, 50),
                corr("c.levels-only", 1, "diff", 0.05, 0.7, 49)),
            0.05);
    assertThat(flag(flagged, "a.opposite", "level")).isTrue();
    assertThat(flag(flagged, "b.confirmed", "level")).isFalse();
    assertThat(flag(flagged, "c.levels-only", "level")).isTrue();
    assertThat(flag(flagged, "b.confirmed", "diff")).isFalse();
  }

  @Test
  void bestLagsLeaveOutSmallSamplesAndBreakQTiesByTheCoefficient() {
    Dataset<Row> flagged =
        ObjectiveVerdicts.flagTrendDriven(
            table(
                corr("fans", 1, "level", 0.4, 0.01, 50),
                corr("fans", 2, "level", 0.8, 0.01, 50),
                corr("tiny", 0, "level", 1.0, 0.0, 5)),
            0.05);
    List<Row> best = ObjectiveVerdicts.bestLags(flagged).first().getList(2);
    List<String> picked = new ArrayList<>();
    for (Row r : best) {
      picked.add(r.getAs("lead_metric") + "@" + r.getAs("lag"));
    }
    assertThat(picked).containsExactly("fans@2");
  }
}

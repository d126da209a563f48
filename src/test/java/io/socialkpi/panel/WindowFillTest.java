package io.socialkpi.panel;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.calendar.WindowUnit;
import io.socialkpi.config.Aggregate;
import io.socialkpi.config.GapPolicy;
import io.socialkpi.config.MetricSpec;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** The gap policy, window by window, without Spark. */
class WindowFillTest {
  static final MetricSpec COUNT =
      new MetricSpec("tickets", "incidents", null, Aggregate.COUNT, Map.of(), GapPolicy.ZERO);
  static final MetricSpec MEAN =
      new MetricSpec("csat", "score", "score", Aggregate.MEAN, Map.of(), GapPolicy.MISSING);

  static Row observed(String metric, String week, Double value, long n) {
    return RowFactory.create("s", "north", Date.valueOf(week), metric, value, n);
  }

  static List<Row> fill(MetricSpec metric, LocalDate first, LocalDate last, Row... rows) {
    WindowFill f =
        new WindowFill(
            WindowUnit.WEEK,
            Map.of("s", new WindowFill.Coverage(first, last)),
            Map.of(metric.id(), metric));
    List<Row> out = new ArrayList<>();
    Iterator<Row> it = f.fill("s", "north", metric.id(), List.of(rows).iterator());
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void emptyWindowsOfCountsAreZeroAndOfMeansMissing() {
    // Data from Wednesday 2024-01-03 to Tuesday 2024-01-23: weeks of 01-01, 01-08, 01-15, 01-22.
    LocalDate first = LocalDate.of(2024, 1, 3);
    LocalDate last = LocalDate.of(2024, 1, 23);
    List<Row> counts =
        fill(
            COUNT,
            first,
            last,
            observed(COUNT.id(), "2024-01-01", 4.0, 4),
            observed(COUNT.id(), "2024-01-22", 2.0, 2));
    assertThat(counts).extracting(r -> r.get(6)).containsExactly(4.0, 0.0, 0.0, 2.0);
    assertThat(counts).extracting(r -> r.get(7)).containsExactly(4L, 0L, 0L, 2L);
    List<Row> means = fill(MEAN, first, last, observed(MEAN.id(), "2024-01-08", 3.5, 10));
    assertThat(means).extracting(r -> r.get(6)).containsExactly(null, 3.5, null, null);
  }

  @Test
  void partialWindowsAtBothEndsAreNotComplete() {
    List<Row> rows = fill(COUNT, LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 23));
    assertThat(rows).extracting(r -> r.get(8)).containsExactly(false, true, true, false);
    assertThat(rows)
        .extracting(r -> r.get(3).toString())
        .containsExactly("2024-01-07", "2024-01-14", "2024-01-21", "2024-01-28");
  }

  @Test
  void aSingleDayOfDataIsOneIncompleteWindow() {
    List<Row> rows =
        fill(
            MEAN,
            LocalDate.of(2024, 2, 29),
            LocalDate.of(2024, 2, 29),
            observed(MEAN.id(), "2024-02-26", 4.0, 1));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get(8)).isEqualTo(false);
    assertThat(rows.get(0).get(6)).isEqualTo(4.0);
  }

  @Test
  void aMatchedButEmptyMetricInAnObservedWindowFollowsThePolicy() {
    // Rows existed in the window but none met the metric's where-condition: n_obs 0.
    List<Row> zero =
        fill(
            COUNT,
            LocalDate.of(2024, 1, 1),
            LocalDate.of(2024, 1, 7),
            observed(COUNT.id(), "2024-01-01", null, 0));
    assertThat(zero.get(0).get(6)).isEqualTo(0.0);
    List<Row> missing =
        fill(
            MEAN,
            LocalDate.of(2024, 1, 1),
            LocalDate.of(2024, 1, 7),
            observed(MEAN.id(), "2024-01-01", null, 0));
    assertThat(missing.get(0).get(6)).isNull();
    assertThat(missing.get(0).get(8)).isEqualTo(true);
  }

  @Test
  void windowsBeforeTheFirstObservationAreNotCompleteAndWithoutOneNoneIs() {
    LocalDate first = LocalDate.of(2024, 1, 1);
    LocalDate last = LocalDate.of(2024, 1, 28);
    for (LocalDate observed : new LocalDate[] {LocalDate.of(2024, 1, 15), null}) {
      WindowFill f =
          new WindowFill(
              WindowUnit.WEEK,
              Map.of("s", new WindowFill.Coverage(first, last, observed)),
              Map.of(COUNT.id(), COUNT));
      List<Row> out = new ArrayList<>();
      f.fill("s", "north", COUNT.id(), List.<Row>of().iterator()).forEachRemaining(out::add);
      assertThat(out)
          .extracting(r -> r.get(8))
          .containsExactly(false, false, observed != null, observed != null);
    }
  }
}

package io.socialkpi.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.config.Direction;
import io.socialkpi.config.Target;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** objective_summary.target_status: on the way before the target's date, its outcome after. */
class TargetStatusTest {
  static final Target BY_YEAR_END = new Target(45, LocalDate.of(2025, 12, 31));
  static final LocalDate MID_YEAR = LocalDate.of(2025, 6, 1);

  /** Tickets should fall to 45 by the year's end. */
  static String tickets(double recent, Boolean onTrack, LocalDate run) {
    return Summaries.targetStatus(Direction.DOWN, BY_YEAR_END, recent, onTrack, run);
  }

  @Test
  void beforeTheDateItIsTheStraightPath() {
    assertThat(tickets(49.8, false, MID_YEAR)).isEqualTo("behind");
    assertThat(tickets(49.8, true, MID_YEAR)).isEqualTo("on_track");
  }

  @Test
  void fromTheDateOnTheRecentLevelReachedItOrNot() {
    // Data ending three days before the target's date, run a year later: the time is over.
    LocalDate run = LocalDate.of(2026, 12, 1);
    assertThat(tickets(49.8, false, run)).isEqualTo("missed");
    assertThat(tickets(44.0, false, run)).isEqualTo("reached");
    assertThat(Summaries.targetStatus(Direction.UP, BY_YEAR_END, 45.0, false, BY_YEAR_END.by()))
        .isEqualTo("reached");
  }

  @Test
  void withoutATargetOrDataThereIsNoStatus() {
    assertThat(Summaries.targetStatus(Direction.UP, null, 1, true, MID_YEAR)).isNull();
    assertThat(tickets(Double.NaN, null, MID_YEAR)).isNull();
  }
}

package io.socialkpi.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Where a weekly or monthly row may be stamped (Spark's version: {@code source/WindowColumnsTest}).
 */
class PeriodStampTest {
  @Test
  void weeksAreStampedOnMondaysOrSundaysAndMonthsOnTheirFirstOrLastDay() {
    assertThat(PeriodStamp.START.on(WindowUnit.WEEK, LocalDate.of(2024, 1, 1))).isTrue();
    assertThat(PeriodStamp.START.on(WindowUnit.WEEK, LocalDate.of(2024, 1, 7))).isFalse();
    assertThat(PeriodStamp.END.on(WindowUnit.WEEK, LocalDate.of(2024, 1, 7))).isTrue();
    assertThat(PeriodStamp.END.on(WindowUnit.WEEK, LocalDate.of(2024, 1, 6))).isFalse();
    assertThat(PeriodStamp.START.on(WindowUnit.MONTH, LocalDate.of(2024, 2, 1))).isTrue();
    assertThat(PeriodStamp.END.on(WindowUnit.MONTH, LocalDate.of(2024, 2, 29))).isTrue();
    assertThat(PeriodStamp.END.on(WindowUnit.MONTH, LocalDate.of(2023, 2, 28))).isTrue();
    assertThat(PeriodStamp.END.on(WindowUnit.MONTH, LocalDate.of(2024, 2, 28))).isFalse();
    assertThat(PeriodStamp.END.on(WindowUnit.DAY, LocalDate.of(2024, 2, 28))).isTrue();
  }

  @Test
  void theDetailOfAnUnalignedRowSaysWhereItShouldBeStamped() {
    assertThat(PeriodStamp.START.rule(WindowUnit.WEEK))
        .isEqualTo(
            "not a Monday: with time.grain = week and time.stamp = start a row is stamped on the"
                + " Monday its week starts (weeks run Monday to Sunday, as the windows do), so this"
                + " row's week would span two windows");
    assertThat(PeriodStamp.END.rule(WindowUnit.MONTH))
        .startsWith("not the last day of a month: with time.grain = month and time.stamp = end");
  }
}

package io.socialkpi.calendar;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Where a weekly or monthly row may be stamped: plain Java and Spark agree on every day. */
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
  void sparkAgreesWithJavaOnEveryDayOverThreeYears() {
    WindowColumnsTest.start();
    var days = WindowColumnsTest.everyDay(LocalDate.of(2023, 12, 25), LocalDate.of(2026, 1, 10));
    for (WindowUnit unit : WindowUnit.values()) {
      for (PeriodStamp stamp : PeriodStamp.values()) {
        List<Row> out =
            days.select(col("d"), WindowColumns.onStamp(col("d"), unit, stamp)).collectAsList();
        int stamped = 0;
        for (Row r : out) {
          LocalDate d = r.getDate(0).toLocalDate();
          assertThat(r.getBoolean(1))
              .as("%s %s on %s", stamp, unit, d)
              .isEqualTo(stamp.on(unit, d));
          stamped += r.getBoolean(1) ? 1 : 0;
        }
        int expected =
            switch (unit) {
              case DAY -> 748;
              // 2023-12-25 is a Monday, 2026-01-10 a Saturday: 107 Mondays, 106 Sundays.
              case WEEK -> stamp == PeriodStamp.START ? 107 : 106;
              case MONTH -> 25; // 2024-01-01 .. 2026-01-01, or 2023-12-31 .. 2025-12-31
            };
        assertThat(stamped).as("%s %s", stamp, unit).isEqualTo(expected);
      }
    }
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

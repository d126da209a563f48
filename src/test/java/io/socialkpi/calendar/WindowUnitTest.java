package io.socialkpi.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WindowUnitTest {
  @Test
  void isoWeeksStartOnMonday() {
    // 2024-12-30 is the Monday of ISO week 2025-W01; 2025-01-05 its Sunday.
    assertThat(WindowUnit.WEEK.start(LocalDate.of(2025, 1, 5)))
        .isEqualTo(LocalDate.of(2024, 12, 30));
    assertThat(WindowUnit.WEEK.start(LocalDate.of(2024, 12, 30)))
        .isEqualTo(LocalDate.of(2024, 12, 30));
    assertThat(WindowUnit.WEEK.end(LocalDate.of(2024, 12, 30))).isEqualTo(LocalDate.of(2025, 1, 5));
  }

  @Test
  void monthEndsIncludingLeapFebruary() {
    assertThat(WindowUnit.MONTH.start(LocalDate.of(2024, 2, 29)))
        .isEqualTo(LocalDate.of(2024, 2, 1));
    assertThat(WindowUnit.MONTH.end(LocalDate.of(2024, 2, 1))).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(WindowUnit.MONTH.end(LocalDate.of(2025, 2, 1))).isEqualTo(LocalDate.of(2025, 2, 28));
    assertThat(WindowUnit.MONTH.end(LocalDate.of(2024, 12, 1)))
        .isEqualTo(LocalDate.of(2024, 12, 31));
    assertThat(WindowUnit.MONTH.next(LocalDate.of(2024, 1, 1))).isEqualTo(LocalDate.of(2024, 2, 1));
  }

  @Test
  void daysAreThemselves() {
    LocalDate d = LocalDate.of(2024, 3, 31);
    assertThat(WindowUnit.DAY.start(d)).isEqualTo(d);
    assertThat(WindowUnit.DAY.end(d)).isEqualTo(d);
    assertThat(WindowUnit.DAY.next(d)).isEqualTo(LocalDate.of(2024, 4, 1));
  }
}

package io.socialkpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.tables.QualityRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The front page's data-quality line, with rows an older export repeated (overlap.keep). */
class QualityLinesTest {
  static Facts.Quality quality(
      String source,
      int files,
      long read,
      long accepted,
      long quarantined,
      long superseded,
      double fraction) {
    return new Facts.Quality(
        new QualityRow(
            source,
            files,
            read,
            accepted,
            quarantined,
            fraction,
            null,
            null,
            List.of(),
            superseded),
        List.of());
  }

  @Test
  void supersededRowsAreNamedAndLeftOutOfTheQuarantinedShare() {
    // 68 rows read from two overlapping exports: 10 days repeated, 2 rows quarantined.
    Facts.Quality page = quality("fb-page", 2, 68, 56, 2, 10, 2.0 / 58);
    String line = QualityLines.summary(List.of(page), null);
    assertThat(line)
        .isEqualTo(
            "68 rows read from 1 source, 2 quarantined (3.45%), 10 replaced by newer exports of"
                + " the same days.");
  }

  @Test
  void withoutOverlapsTheLineIsAsBefore() {
    Facts.Quality orders = quality("orders", 1, 100, 99, 1, 0, 0.01);
    assertThat(QualityLines.summary(List.of(orders), null))
        .isEqualTo("100 rows read from 1 source, 1 quarantined (1.00%).");
  }

  @Test
  void coverageIsTheAcceptedDaysInTheReportingZone() {
    QualityRow c =
        new QualityRow(
            "orders",
            1,
            2,
            2,
            0,
            0.0,
            java.time.Instant.parse("2024-01-01T02:00:00Z"),
            java.time.Instant.parse("2025-12-31T23:30:00Z"),
            List.of(),
            0);
    Facts.RunInfo tokyo =
        new Facts.RunInfo(
            null, "Asia/Tokyo", null, "week", 0.95, 0.05, 0.05, null, List.of(), List.of());
    assertThat(QualityLines.coverage(c, tokyo)).isEqualTo("1 January 2024 to 1 January 2026");
    assertThat(QualityLines.coverage(c, null)).isEqualTo("1 January 2024 to 31 December 2025");
    QualityRow none = new QualityRow("x", 1, 1, 0, 1, 1.0, null, null, List.of(), 0);
    assertThat(QualityLines.coverage(none, tokyo)).isNull();
  }
}

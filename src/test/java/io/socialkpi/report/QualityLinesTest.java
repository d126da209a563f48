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
}

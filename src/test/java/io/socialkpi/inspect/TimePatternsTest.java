package io.socialkpi.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialkpi.config.TimeSpec;
import io.socialkpi.source.TimeText;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The candidate patterns are ones the config and the reader accept, and the right one wins. */
class TimePatternsTest {
  private static final ZoneId UTC = ZoneId.of("UTC");

  /** What SourceSpecReader checks: a java.time pattern, with a year. */
  @Test
  void everyCandidateIsAPatternTheConfigAccepts() {
    for (String p : TimePatterns.CANDIDATES) {
      assertThat(DateTimeFormatter.ofPattern(p)).as(p).isNotNull(); // throws on a bad pattern
      assertThat(p.replaceAll("'[^']*'", "")).as(p).containsAnyOf("y", "u");
    }
  }

  /** The shortcut that spares inspect Spark's error catalogue says what Spark itself says. */
  @Test
  void theCandidatesTakenForRefusedAreRefusedBySparkAndTheOthersAccepted() {
    for (String p : TimePatterns.CANDIDATES) {
      TimeSpec spec = new TimeSpec("t", p, UTC);
      if (TimePatterns.parsingRefused(p)) {
        assertThatThrownBy(() -> TimeText.of(spec, UTC)).as(p).isInstanceOf(RuntimeException.class);
      } else {
        assertThat(TimeText.of(spec, UTC)).as(p).isNotNull();
      }
    }
    // A leading weekday is skipped by the reader; one elsewhere is refused.
    assertThat(TimePatterns.parsingRefused("EEE, MMM d, yyyy")).isFalse();
    assertThat(TimePatterns.parsingRefused("MMM d, yyyy EEE")).isTrue();
    assertThat(TimePatterns.parsingRefused("yyyy-MM-dd'Q'")).isFalse();
  }

  @Test
  void theFirstPatternThatReadsEveryValueWins() {
    assertThat(TimePatterns.fit(List.of("1/1/2014", "01/04/2014", "12/31/2014")).pattern())
        .isEqualTo("M/d/yyyy");
    assertThat(TimePatterns.fit(List.of("01/04/2014", "12/31/2014")).pattern())
        .isEqualTo("MM/dd/yyyy");
    assertThat(TimePatterns.fit(List.of("13/02/2024", "01/03/2024")).pattern())
        .isEqualTo("dd/MM/yyyy");
    assertThat(TimePatterns.fit(List.of("2021-12-28 16:45 +0000")).pattern())
        .isEqualTo("yyyy-MM-dd HH:mm Z");
    assertThat(TimePatterns.fit(List.of("06/04/2014 04:03:05 PM")).pattern())
        .isEqualTo("MM/dd/yyyy hh:mm:ss a");
    assertThat(TimePatterns.fit(List.of("Aug 28, 2025", "Sep 8, 2025")).pattern())
        .isEqualTo("MMM d, yyyy");
    assertThat(TimePatterns.fit(List.of("2025-08-01T00:00:00+02:00")).pattern())
        .isEqualTo("yyyy-MM-dd'T'HH:mm:ssXXX");
    assertThat(TimePatterns.fit(List.of("20240101", "20240102")).pattern()).isEqualTo("yyyyMMdd");
  }

  @Test
  void numbersAndMixedColumnsAreNoTimes() {
    assertThat(TimePatterns.fit(List.of("12345678"))).isNull(); // the year 1234
    assertThat(TimePatterns.fit(List.of("3423.0", "12"))).isNull();
    assertThat(TimePatterns.fit(List.of("2024-01-01", "n/a"))).isNull();
    assertThat(TimePatterns.fit(List.of())).isNull();
    assertThat(TimePatterns.anyParses("Lifetime: The total number of people")).isFalse();
    assertThat(TimePatterns.anyParses("2/14/2016")).isTrue();
  }

  @Test
  void aFitSaysWhetherTheRowsAreDaysAndWhichOtherReadingExists() {
    TimePatterns.Fit f = TimePatterns.fit(List.of("01/02/2024", "01/03/2024"));
    assertThat(f.oneRowPerDay()).isTrue();
    assertThat(f.first()).isEqualTo(LocalDate.of(2024, 1, 2));
    assertThat(f.alsoFits()).contains("dd/MM/yyyy");
    TimePatterns.Fit posts = TimePatterns.fit(List.of("2024-01-02 10:00", "2024-01-02 11:00"));
    assertThat(posts.oneRowPerDay()).isFalse();
    assertThat(posts.dateOnly()).isFalse();
    assertThat(posts.carriesOffset()).isFalse();
  }
}

package io.socialkpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's words for metrics: names in sentences, values and changes with their units. */
class MetricNamesTest {
  static final String M = Numbers.MINUS;

  static Facts.Metric metric(String id, String name, String unit, String kind, String aggregate) {
    return new Facts.Metric(id, name, unit, kind, aggregate);
  }

  final MetricNames names =
      new MetricNames(
          List.of(
              metric("shop.conversion", "Conversion rate", "%", "rate", "mean"),
              metric("orders.sales", "Online sales", "EUR", "amount", "sum"),
              metric("fb.fans", "Facebook fans", null, "count", "last"),
              metric("fb.engaged", "Engaged Facebook users", null, "count", "sum"),
              metric("li.followers", "LinkedIn followers", null, "count", "last"),
              metric("yt.views", "YouTube views", null, "count", "sum"),
              metric("csat.score", "CSAT score", "of 5", "score", "mean")),
          "week");

  /**
   * review17: a change of a metric in percent is in percentage points; "+0.24%" read as a relative
   * change next to the sentence's "(+6.3%, ...)".
   */
  @Test
  void aChangeOfAPercentMetricIsInPercentagePoints() {
    assertThat(names.value("shop.conversion", 3.4)).isEqualTo("3.40%");
    assertThat(names.signed("shop.conversion", 0.24)).isEqualTo("+0.24 percentage points");
    assertThat(names.signed("shop.conversion", -1.5)).isEqualTo(M + "1.50 percentage points");
    assertThat(names.signed("shop.conversion@south", 0.24)).isEqualTo("+0.24 percentage points");
    assertThat(names.signed("shop.conversion", null)).isEqualTo("n/a");
    assertThat(names.signed("orders.sales", 936.0)).isEqualTo("+936 EUR");
    assertThat(names.signed("csat.score", 0.29)).isEqualTo("+0.29 of 5");
  }

  /**
   * review17: "Facebook fans" read "facebook fans" and "LinkedIn followers" "linkedIn followers"
   * inside a sentence; a brand or acronym keeps its capitals, a plain word does not.
   */
  @Test
  void properNounsKeepTheirCapitalInASentence() {
    assertThat(names.inSentence("orders.sales")).isEqualTo("online sales");
    assertThat(names.inSentence("shop.conversion")).isEqualTo("conversion rate");
    assertThat(names.inSentence("csat.score")).isEqualTo("CSAT score");
    assertThat(names.inSentence("li.followers")).isEqualTo("LinkedIn followers");
    assertThat(names.inSentence("yt.views")).isEqualTo("YouTube views");
    // "Facebook" is written with a capital inside another name: a proper noun.
    assertThat(names.inSentence("fb.fans")).isEqualTo("Facebook fans");
    assertThat(names.inSentence("fb.engaged")).isEqualTo("engaged Facebook users");
    assertThat(names.inSentence("web.sessions")).isEqualTo("web sessions");
  }
}

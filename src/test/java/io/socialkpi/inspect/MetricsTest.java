package io.socialkpi.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.config.Aggregate;
import org.junit.jupiter.api.Test;

/** Metric names from column names, and aggregates from names and the kind of rows. */
class MetricsTest {
  @Test
  void idsAreKebabCaseAscii() {
    assertThat(Metrics.id("Lifetime Likes by City - Barcelona, Catalu\u00f1a, Spain"))
        .isEqualTo("lifetime-likes-by-city-barcelona-cataluna-spain");
    assertThat(Metrics.id("Impressions click-through rate (%)"))
        .isEqualTo("impressions-click-through-rate");
    assertThat(Metrics.id("28 Days Total Reach")).isEqualTo("28-days-total-reach");
    assertThat(Metrics.id("%")).isEqualTo("metric");
    assertThat(SourceBlock.key("28-days-total-reach")).isEqualTo("\"28-days-total-reach\"");
    assertThat(SourceBlock.key("daily-new-likes")).isEqualTo("daily-new-likes");
    assertThat(SourceBlock.value("Lifetime Total Likes")).isEqualTo("\"Lifetime Total Likes\"");
    assertThat(SourceBlock.value("true")).isEqualTo("\"true\"");
  }

  @Test
  void levelsAreLastInADailySeriesOnly() {
    assertThat(Metrics.aggregate("Lifetime Total Likes", true)).isEqualTo(Aggregate.LAST);
    assertThat(Metrics.aggregate("28 Days Total Reach", true)).isEqualTo(Aggregate.LAST);
    assertThat(Metrics.aggregate("Daily Total Reach", true)).isEqualTo(Aggregate.SUM);
    assertThat(Metrics.aggregate("Lifetime Post Total Reach", false)).isEqualTo(Aggregate.SUM);
  }

  @Test
  void ratesScoresAndSurveyQuestionsAreMeans() {
    assertThat(Metrics.aggregate("engagement rate", false)).isEqualTo(Aggregate.MEAN);
    assertThat(Metrics.aggregate("Impressions click-through rate (%)", false))
        .isEqualTo(Aggregate.MEAN);
    assertThat(Metrics.aggregate("Q1", false)).isEqualTo(Aggregate.MEAN);
    assertThat(Metrics.aggregate("Q2_3", false)).isEqualTo(Aggregate.MEAN);
    assertThat(Metrics.aggregate("Generated leads", false)).isEqualTo(Aggregate.SUM);
    assertThat(Metrics.aggregate("Quantity", false)).isEqualTo(Aggregate.SUM);
  }
}

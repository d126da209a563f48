package io.socialkpi.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.config.Aggregate;
import io.socialkpi.source.SourceScan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * inspect on the real public exports (src/test/resources/exports, SOURCES.md there): it finds each
 * file's preset, time column and pattern, and its printed block, pasted into a job config, loads
 * and reads every row of the file without quarantining one.
 */
class InspectRealExportsTest {
  static final Path EXPORTS = Path.of("src/test/resources/exports").toAbsolutePath();
  static final Path PAGE =
      EXPORTS.resolve(
          "facebook-insights/Facebook Insights Data Export - Visualization Studio VIC -"
              + " 2014-01-01 - 2014-02-27.csv");
  static final Path POSTS =
      EXPORTS.resolve(
          "facebook-insights/Facebook Insights Data Export (Post Level) - Visualization Studio"
              + " VIC - 2014-02-28 - 2014-08-23.csv");
  static final Path TWEETS =
      EXPORTS.resolve("x-tweet-activity/tweet_activity_metrics_rOpenSci_20210101_20210201_en.csv");

  @TempDir Path dir;

  private static Inspection inspect(Path file) {
    return Inspection.of(file, InspectOptions.defaults());
  }

  private static Metrics.Metric metric(Inspection in, String column) {
    return in.metrics.metrics().stream()
        .filter(m -> column.equals(m.column()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void facebookPageLevelIsItsPresetInWindows1252() {
    Inspection in = inspect(PAGE);
    assertThat(in.preset()).isEqualTo("facebook-page-insights");
    assertThat(in.timeColumn()).isEqualTo("Date");
    assertThat(in.pattern()).isEqualTo("M/d/yyyy");
    assertThat(in.layout.headerRows()).isEqualTo(2);
    assertThat(in.encoding.setting()).isEqualTo("windows-1252");
    assertThat(in.time.fit().oneRowPerDay()).isTrue();
    // A level in a daily series: the week's last day; a daily count adds up.
    assertThat(metric(in, "Lifetime Total Likes").aggregate()).isEqualTo(Aggregate.LAST);
    assertThat(metric(in, "Daily New Likes").aggregate()).isEqualTo(Aggregate.SUM);
    assertThat(in.block())
        .contains("preset = facebook-page-insights\n")
        .contains("csv { encoding = \"windows-1252\" }\n")
        .doesNotContain("header-rows")
        .doesNotContain("time {")
        .contains("lifetime-total-likes ")
        .contains("{ column = \"Lifetime Total Likes\", aggregate = last }");
    assertThat(in.text())
        .contains("named twice in the header")
        .contains("'Daily Logged-in Page Views'")
        .contains("--max-metrics 25");
  }

  /** Every one of the 585 numeric columns of the 644, read by the real reader: none quarantined. */
  @Test
  void facebookPageLevelEveryNumericColumnReadsWithoutQuarantine() {
    Inspection in = Inspection.of(PAGE, InspectOptions.defaults().withMaxMetrics(0));
    assertThat(in.metrics.metrics()).hasSize(in.metrics.numeric()).hasSizeGreaterThan(500);
    SourceScan scan = PastedBlock.noRowQuarantined(dir, in, 58);
    assertThat(scan.quality().firstDate()).hasToString("2014-01-01");
  }

  @Test
  void facebookPostLevelIsItsPresetWithItsByteOrderMark() {
    Inspection in = inspect(POSTS);
    assertThat(in.preset()).isEqualTo("facebook-post-insights");
    assertThat(in.timeColumn()).isEqualTo("Posted");
    assertThat(in.pattern()).isEqualTo("MM/dd/yyyy hh:mm:ss a");
    assertThat(in.encoding.description()).isEqualTo("UTF-8 with a byte-order mark");
    // One row per post: a post's lifetime reach adds up, and the posts are counted.
    assertThat(metric(in, "Lifetime Post Total Reach").aggregate()).isEqualTo(Aggregate.SUM);
    assertThat(in.block()).contains("rows ").contains("{ aggregate = count }");
    assertThat(in.block()).contains("# time.zone = \"UTC\"");
    assertThat(in.text()).contains("'Post ID': identifiers or codes, not measures");
    PastedBlock.noRowQuarantined(dir, in, 20);
  }

  @Test
  void xTweetActivityIsItsPresetAndPromotedColumnsAreLeftOut() {
    Inspection in = inspect(TWEETS);
    assertThat(in.preset()).isEqualTo("x-tweet-activity");
    assertThat(in.timeColumn()).isEqualTo("time");
    assertThat(in.pattern()).isEqualTo("yyyy-MM-dd HH:mm Z");
    assertThat(in.sourceId()).isEqualTo("tweet-activity-metrics-ropensci-en");
    assertThat(metric(in, "engagement rate").aggregate()).isEqualTo(Aggregate.MEAN);
    assertThat(in.block())
        .contains("preset = x-tweet-activity\n")
        .doesNotContain("csv {")
        .doesNotContain("time {")
        .doesNotContain("promoted");
    assertThat(in.text())
        .contains("'promoted impressions'")
        .contains("no value in any sampled row")
        .contains("tweet_activity_metrics_rOpenSci_*_*_en.csv\" would read the exports of other");
    // 40 tweets, some texts with line breaks.
    PastedBlock.noRowQuarantined(dir, in, 40);
  }

  @Test
  void qualtricsIsItsPresetWithThreeHeaderRows() {
    Inspection in = inspect(EXPORTS.resolve("qualtrics/sample.csv"));
    assertThat(in.preset()).isEqualTo("qualtrics");
    assertThat(in.layout.headerRows()).isEqualTo(3);
    assertThat(in.timeColumn()).isEqualTo("RecordedDate");
    assertThat(in.pattern()).isEqualTo("yyyy-MM-dd HH:mm:ss");
    assertThat(in.time.others()).containsExactly("StartDate", "EndDate");
    assertThat(metric(in, "Q1").aggregate()).isEqualTo(Aggregate.MEAN);
    PastedBlock.noRowQuarantined(dir, in, 1);
  }

  @Test
  void youtubeTotalsHasNoPresetAndItsDayFirstPattern() {
    Inspection in = inspect(EXPORTS.resolve("youtube-studio/Totals.csv"));
    assertThat(in.preset()).isNull();
    assertThat(in.timeColumn()).isEqualTo("Date");
    assertThat(in.pattern()).isEqualTo("dd-MM-yyyy");
    assertThat(in.block())
        .contains("time { column = Date, pattern = \"dd-MM-yyyy\" }")
        .contains("views { column = Views, aggregate = sum }");
    PastedBlock.noRowQuarantined(dir, in, 365);
  }

  @Test
  void youtubeTableDataSkipsItsTotalRow() {
    Inspection in = inspect(EXPORTS.resolve("youtube-studio/Table data.csv"));
    assertThat(in.preset()).isEqualTo("youtube-studio");
    assertThat(in.timeColumn()).isEqualTo("Video publish time");
    assertThat(in.pattern()).isEqualTo("MMM d, yyyy");
    assertThat(in.time.skipRows()).containsExactlyEntriesOf(java.util.Map.of("Content", "Total"));
    // The preset sets the skip-rows itself: the block does not repeat it.
    assertThat(in.block()).contains("preset = youtube-studio").doesNotContain("skip-rows");
    assertThat(in.text()).contains("442 data row(s) and 1 totals row(s)");
    assertThat(in.metrics.metrics().stream().map(Metrics.Metric::id))
        .containsAll(List.of("views", "watch-time-hours", "impressions-click-through-rate"));
    PastedBlock.noRowQuarantined(dir, in, 442);
  }
}

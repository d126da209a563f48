package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.socialkpi.SparkTestSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real public exports (src/test/resources/exports, unchanged bytes; SOURCES.md there) read through
 * their presets with one line of config, no row quarantined, and window values equal to pandas'.
 *
 * <p>Expected values were computed with Debian's pandas 1.5.3 (/usr/bin/python3), ISO weeks as
 * {@code d - to_timedelta(d.dt.weekday, unit='D')}:
 *
 * <pre>
 * x = pd.concat(pd.read_csv(f) for f in sorted(glob('x-tweet-activity/*.csv')))
 * t = pd.to_datetime(x['time'], format='%Y-%m-%d %H:%M %z', utc=True).dt.tz_localize(None)
 * x.groupby(week(t)).agg(impressions=('impressions','sum'), likes=('likes','sum'))
 * p = pd.read_csv(page_file, encoding='cp1252', skiprows=[1])   # row 2: descriptions
 * p.groupby(week(pd.to_datetime(p['Date'], format='%m/%d/%Y'))).agg(
 *     fans=('Lifetime Total Likes','last'), new=('Daily New Likes','sum'),
 *     profile=('Daily Like Sources - page_profile','sum'),   # 55 of its 58 cells are empty
 *     barcelona=('Lifetime Likes by City - Barcelona, Catalu\u00f1a, Spain', 'last'))
 * q = pd.read_csv('qualtrics/sample.csv', skiprows=[1, 2])      # one response, Duration 38
 * posts = pd.read_csv(post_file, encoding='utf-8-sig', skiprows=[1])
 * posts.groupby(week(pd.to_datetime(posts['Posted'], format='%m/%d/%Y %I:%M:%S %p'))).agg(
 *     reach=('Lifetime Post Total Reach','sum'))
 * </pre>
 */
class RealExportsTest {
  private static final Path EXPORTS = Path.of("src/test/resources/exports").toAbsolutePath();
  private static final String PAGE =
      "facebook-insights/Facebook Insights Data Export - Visualization Studio VIC - 2014-01-01 -"
          + " 2014-02-27.csv";
  private static final String POSTS =
      "facebook-insights/Facebook Insights Data Export (Post Level) - Visualization Studio VIC -"
          + " 2014-02-28 - 2014-08-23.csv";

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    SparkTestSession.get(); // the scans run in the shared session, started here once
  }

  private SourceScan scan(String source) throws IOException {
    return scan(source, "2026-01-01");
  }

  private SourceScan scan(String source, String runDate) throws IOException {
    return ExportScans.scan(dir, runDate, source);
  }

  private static String path(String file) {
    return "path = \"" + EXPORTS.resolve(file) + "\"";
  }

  private static Map<String, Double> values(SourceScan scan, String metric) {
    return ExportScans.values(scan, metric);
  }

  private static void noRowQuarantined(SourceScan scan, long rows) {
    assertThat(scan.quarantine().collectAsList()).isEmpty();
    assertThat(scan.quality().rowsRead()).isEqualTo(rows);
    assertThat(scan.quality().rowsAccepted()).isEqualTo(rows);
  }

  @Test
  void xTweetActivityMonthlyExports() throws IOException {
    SourceScan scan =
        scan(
            path("x-tweet-activity")
                + ", preset = x-tweet-activity, metrics { impressions { column = impressions },"
                + " likes { column = likes }, promoted { column = \"promoted impressions\" } }");
    // 85 tweets in three files; 72 cells (tweet texts) hold line breaks.
    noRowQuarantined(scan, 85);
    Map<String, Double> impressions = values(scan, "s.impressions");
    assertThat(impressions)
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.ofEntries(
                    Map.entry("2021-01-04", 20698.0),
                    Map.entry("2021-01-11", 12517.0),
                    Map.entry("2021-01-18", 145915.0),
                    Map.entry("2021-01-25", 36192.0),
                    Map.entry("2021-02-01", 99321.0),
                    Map.entry("2021-02-08", 33806.0),
                    Map.entry("2021-02-15", 67516.0),
                    Map.entry("2021-02-22", 22920.0),
                    Map.entry("2021-03-01", 66504.0),
                    Map.entry("2021-03-08", 21646.0),
                    Map.entry("2021-03-15", 8748.0),
                    Map.entry("2021-03-22", 17138.0),
                    Map.entry("2021-03-29", 6888.0))));
    assertThat(values(scan, "s.likes").get("2021-01-18")).isCloseTo(216.0, within(1e-9));
    // Promoted columns are "-" on every organic tweet: missing, never a broken row.
    assertThat(scan.quality().missingCells()).containsEntry("s.promoted", 85L);
  }

  @Test
  void facebookPageInsightsPageLevel() throws IOException {
    SourceScan scan =
        scan(
            path(PAGE)
                // This file was saved in Windows-1252 (its header names a city in Catalu\u00f1a).
                + ", preset = facebook-page-insights, csv.encoding = windows-1252, metrics {"
                + " fans { column = \"Lifetime Total Likes\", aggregate = last },"
                + " new-likes { column = \"Daily New Likes\" },"
                + " profile-likes { column = \"Daily Like Sources - page_profile\" },"
                + " barcelona { column = \"Lifetime Likes by City - Barcelona, Catalu\u00f1a,"
                + " Spain\", aggregate = last } }");
    noRowQuarantined(scan, 58);
    assertThat(values(scan, "s.fans"))
        .containsEntry("2014-02-10", 108.0)
        .containsEntry("2014-02-17", 127.0)
        .containsEntry("2014-02-24", 128.0)
        .containsEntry("2013-12-30", 0.0);
    assertThat(values(scan, "s.new-likes")).containsEntry("2014-02-17", 19.0);
    assertThat(values(scan, "s.profile-likes")).containsEntry("2014-02-17", 13.0);
    assertThat(values(scan, "s.barcelona")).containsEntry("2014-02-17", 1.0);
    assertThat(scan.quality().missingCells())
        .containsEntry("s.profile-likes", 55L)
        .containsEntry("s.fans", 0L);
  }

  @Test
  void facebookPageInsightsPostLevel() throws IOException {
    SourceScan scan =
        scan(
            path(POSTS)
                + ", preset = facebook-post-insights, metrics {"
                + " reach { column = \"Lifetime Post Total Reach\" } }");
    // 20 posts; seven messages hold line breaks.
    noRowQuarantined(scan, 20);
    assertThat(values(scan, "s.reach"))
        .containsEntry("2014-03-03", 105.0)
        .containsEntry("2014-03-31", 258.0)
        .containsEntry("2014-06-02", 53.0);
  }

  @Test
  void qualtricsResponsesWithThreeHeaderRows() throws IOException {
    SourceScan scan =
        scan(
            path("qualtrics/sample.csv")
                + ", preset = qualtrics, metrics { duration { column = \"Duration (in seconds)\","
                + " aggregate = mean } }");
    noRowQuarantined(scan, 1);
    assertThat(values(scan, "s.duration")).containsExactly(Map.entry("2017-07-17", 38.0));
  }

  /**
   * YouTube Studio's Totals.csv: its date format follows the account's locale ({@code 13-06-2025}
   * here, {@code 2025-03-09} elsewhere), so it has no preset: one pattern in the config. pandas:
   * {@code t = pd.read_csv('Totals.csv'); t.groupby(week(pd.to_datetime(t['Date'],
   * format='%d-%m-%Y')))['Views'].sum()}.
   */
  @Test
  void youtubeStudioTotalsWithItsDatePattern() throws IOException {
    SourceScan scan =
        scan(
            path("youtube-studio/Totals.csv")
                + ", time { column = Date, pattern = \"dd-MM-yyyy\" },"
                + " metrics { views { column = Views } }",
            "2026-11-30");
    noRowQuarantined(scan, 365);
    assertThat(values(scan, "s.views"))
        .containsEntry("2025-06-09", 2182.0)
        .containsEntry("2025-06-16", 134.0)
        .containsEntry("2026-06-01", 370.0)
        .containsEntry("2026-06-08", 68.0);
  }

  /**
   * YouTube Studio's Table data.csv: one row per video, its first row a {@code Total} row that is
   * not data ({@code skip-rows}). Views by the week of publication, as pandas gives them: {@code t
   * = pd.read_csv('Table data.csv'); t = t[t.Content != 'Total']; t.groupby(week(pd.to_datetime(
   * t['Video publish time'], format='%b %d, %Y')))['Views'].sum()} (442 videos).
   */
  @Test
  void youtubeStudioTableDataWithoutItsTotalRow() throws IOException {
    SourceScan scan =
        scan(
            path("youtube-studio/Table data.csv")
                + ", preset = youtube-studio,"
                + " metrics { views { column = Views }, videos { aggregate = count } }",
            "2026-11-30");
    noRowQuarantined(scan, 442);
    assertThat(values(scan, "s.views"))
        .containsEntry("2022-01-24", 1.0)
        .containsEntry("2025-08-25", 43071.0)
        .containsEntry("2026-06-08", 25.0);
    assertThat(values(scan, "s.videos")).containsEntry("2025-08-25", 6.0);
  }

  @Test
  void anUnknownPresetIsAConfigErrorListingTheKnownOnes() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> scan(path("qualtrics/sample.csv") + ", preset = qualtrix, metrics { n {} }"))
        .hasMessageContaining("preset")
        .hasMessageContaining("unknown preset 'qualtrix'")
        .hasMessageContaining("qualtrics");
  }
}

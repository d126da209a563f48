package io.socialkpi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import io.socialkpi.generate.GeneratorOptions;
import io.socialkpi.generate.SyntheticCompany;
import io.socialkpi.output.RunLock;
import io.socialkpi.output.RunLockedException;
import io.socialkpi.output.Table;
import io.socialkpi.pipeline.LockedRuns;
import io.socialkpi.pipeline.Progress;
import io.socialkpi.source.InputCheck;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a whole run on generated data into which markup was smuggled (an objective name,
 * the strategy, a tactic name, a region value in the orders export and a broken orders line): every
 * objective and entity gets its section and charts, the sentences carry the tables' numbers, and no
 * markup from the data or config survives as markup.
 */
class ReportTest {
  static final LocalDate RUN_DATE = LocalDate.of(2026, 1, 1);
  static final String EVIL_REGION = "<script>alert('region')</script>";
  @TempDir static Path dir;
  static SparkSession spark;
  static Path output;
  static String html;
  static String markdown;

  @BeforeAll
  static void runOnce() throws Exception {
    spark = SparkTestSession.get();
    Path data = dir.resolve("data");
    SyntheticCompany.generate(data, GeneratorOptions.defaults());
    smuggleMarkup(data);
    output = dir.resolve("out");
    Settings s = SettingsLoader.load(data.resolve("socialkpi.conf"));
    s = s.withRun(s.run().withOutput(output.toString()).withRunDate(RUN_DATE));
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    LockedRuns.run(spark, s, InputCheck.check(s), new Progress(quiet));
    Path folder = output.resolve("report/run_date=" + RUN_DATE);
    html = Files.readString(folder.resolve("index.html"));
    markdown = Files.readString(folder.resolve("summary.md"));
  }

  /** Markup in config text, in a value of a source (an entity) and in a quarantined line. */
  static void smuggleMarkup(Path data) throws Exception {
    Path conf = data.resolve("socialkpi.conf");
    String c = Files.readString(conf);
    c =
        c.replace(
                "name = \"Recruit new talent through the Facebook jobs tab\"",
                "name = \"Recruit <script>alert('objective')</script> talent\"")
            .replaceFirst("strategy = \"", "strategy = \"<img src=x onerror=alert(1)> ")
            .replace("name = \"Facebook jobs tab\"", "name = \"Jobs </figure><script>x</script>\"");
    Files.writeString(conf, c);
    StringBuilder rows = new StringBuilder();
    for (LocalDate d = LocalDate.of(2024, 1, 1);
        d.isBefore(LocalDate.of(2026, 1, 1));
        d = d.plusDays(3)) {
      rows.append("X")
          .append(d)
          .append(',')
          .append(d)
          .append(" 10:00:00,")
          .append(EVIL_REGION)
          .append(",online,google,")
          .append(10 + d.getDayOfMonth())
          .append('\n');
    }
    rows.append("Xbad,not a time,<script>alert('raw')</script>,online,google,1.0\n");
    Files.writeString(
        data.resolve("business/orders.csv"),
        rows.toString(),
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
  }

  @Test
  void noMarkupFromTheDataOrConfigSurvivesInThePageOrTheSummary() {
    assertThat(html.toLowerCase(java.util.Locale.ROOT))
        .doesNotContain("<script")
        .doesNotContain("<img");
    assertThat(html)
        .contains("Recruit &lt;script&gt;alert(&#39;objective&#39;)&lt;/script&gt; talent")
        .contains("&lt;img src=x onerror=alert(1)&gt;")
        .contains("Jobs &lt;/figure&gt;&lt;script&gt;x&lt;/script&gt;")
        .contains("&lt;script&gt;alert(&#39;region&#39;)&lt;/script&gt;")
        .contains("&lt;script&gt;alert(&#39;raw&#39;)&lt;/script&gt;");
    // Inside the SVG, JFreeSVG escapes the tactic name of the launch marker itself.
    assertThat(html).contains("Jobs &lt;/figure&gt;&lt;script&gt;x&lt;/script&gt;</text>");
    assertThat(markdown.toLowerCase(java.util.Locale.ROOT))
        .doesNotContain("<script")
        .doesNotContain("<img");
    assertThat(markdown).contains("Recruit &lt;script>alert('objective')&lt;/script> talent");
  }

  @Test
  void everyObjectiveAndEntityHasItsSectionAndCharts() {
    List<Row> summary = tableRows(Table.OBJECTIVE_SUMMARY);
    // 3 regional objectives × 2 regions, recruiting (no region), and the smuggled region
    assertThat(summary).hasSize(3 * 2 + 1 + 1);
    assertThat(count(html, "<section class=\"objective\"")).isEqualTo(4);
    assertThat(count(html, "<article class=\"entity\"")).isEqualTo(summary.size());
    assertThat(count(html, "<figure class=\"chart series\"")).isEqualTo(summary.size());
    // The smuggled region has no lead indicator data, so no lags to draw: it says so instead.
    long withLeads =
        summary.stream()
            .filter(r -> !r.isNullAt(r.fieldIndex("lead_evidence")))
            .filter(r -> !r.getList(r.fieldIndex("lead_evidence")).isEmpty())
            .count();
    assertThat(withLeads).isEqualTo(summary.size() - 1);
    assertThat(count(html, "<figure class=\"chart lags\"")).isEqualTo(withLeads);
    assertThat(html).contains("No lead indicator could be compared with online sales here");
    for (Row r : summary) {
      String badge = r.<Boolean>getAs("control_entity") ? "control" : r.getAs("verdict");
      assertThat(html).contains("<span class=\"verdict " + badge + "\">");
    }
    // The control region is the comparison, not an objective that failed: no target, no bar.
    String controlRow =
        html.substring(html.indexOf("<span class=\"entity\">south, control</span>"));
    controlRow = controlRow.substring(0, controlRow.indexOf("</tr>"));
    assertThat(controlRow)
        .contains("<span class=\"verdict control\">control</span>")
        .contains("comparison, no target")
        .doesNotContain("of the way");
    assertThat(html).contains("A comparison, not an objective: the tactics did not reach south");
    // Each treated entity with a target has its path drawn on the outcome chart, labelled.
    long withTarget =
        summary.stream()
            .filter(r -> !r.isNullAt(r.fieldIndex("target_value")))
            .filter(r -> !r.<Boolean>getAs("control_entity"))
            .count();
    assertThat(withTarget).isPositive();
    assertThat(count(html, "purple dots: the straight path from the baseline to the target"))
        .isEqualTo(withTarget);
    assertThat(html).containsPattern(">target [0-9.,]+ by [0-9]+ [A-Z][a-z]+ 20[0-9]{2}<");
    // The regions side by side, before the sections: every objective with more than one entity.
    assertThat(count(html, "<div class=\"multiples\"")).isEqualTo(3);
    assertThat(count(html, "<figure class=\"multiple\">")).isEqualTo(summary.size() - 1);
    // One picture of every treated entity's adjusted effect, on the front page.
    assertThat(count(html, "<figure class=\"chart forest\"")).isEqualTo(1);
    String forest = html.substring(html.indexOf("<figure class=\"chart forest\""));
    forest = forest.substring(0, forest.indexOf("</figure>"));
    assertThat(forest)
        .contains(">Raise online sales through regional fans (north)<")
        .doesNotContain("fans (south)");
    // Fresh data: the newest outcome week ends 28 December 2025, four days before the run date.
    assertThat(html).contains("data through 28 December 2025").doesNotContain("Stale data");
    assertThat(html).contains("id=\"data-quality\"").contains("bad_time");
  }

  /** The outcome sentence's numbers against intervention_effects, to the printed precision. */
  @Test
  void theSentencesCarryTheTablesNumbers() {
    Pattern sentence =
        Pattern.compile(
            "(rose|fell) from ([\\d,.]+)(?: [A-Za-z]+)? to ([\\d,.]+)(?: [A-Za-z]+)?"
                + " (?:a week|on weekly average) after .*? launched on .*? \\(([+\u2212][\\d.]+)%, 95% CI ([+\u2212][\\d.]+)% to ([+\u2212][\\d.]+)%");
    int checked = 0;
    for (Row e : tableRows(Table.INTERVENTION_EFFECTS)) {
      if (!"outcome".equals(e.getAs("role")) || e.getAs("mean_before") == null) {
        continue;
      }
      double before = e.getAs("mean_before");
      double after = e.getAs("mean_after");
      Matcher m = sentence.matcher(html);
      boolean found = false;
      while (m.find() && !found) {
        double b = number(m.group(2));
        double a = number(m.group(3));
        if (Math.abs(b - before) <= half(m.group(2)) && Math.abs(a - after) <= half(m.group(3))) {
          found = true;
          double rel = e.getAs("rel_change");
          assertThat(number(m.group(4))).isCloseTo(100 * rel, within(half(m.group(4))));
          // The relative change's own interval (Fieller's), not ci_low / mean_before.
          double low = e.<Double>getAs("rel_ci_low");
          double high = e.<Double>getAs("rel_ci_high");
          assertThat(number(m.group(5))).isCloseTo(100 * low, within(half(m.group(5))));
          assertThat(number(m.group(6))).isCloseTo(100 * high, within(half(m.group(6))));
        }
      }
      assertThat(found)
          .as("a sentence for %s / %s", e.getAs("objective_id"), e.getAs("entity"))
          .isTrue();
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(7);
  }

  /** The manager reads the best lead in words; the evidence table has its coefficient. */
  @Test
  void theBestLeadIsNamedInWordsAndItsCoefficientIsInTheEvidence() {
    Row market =
        tableRows(Table.OBJECTIVE_SUMMARY).stream()
            .filter(
                r ->
                    "market-share".equals(r.getAs("objective_id"))
                        && "north".equals(r.getAs("entity")))
            .findFirst()
            .orElseThrow();
    Row best = null;
    for (Row l : market.<Row>getList(market.fieldIndex("lead_evidence"))) {
      if (l.getAs("lead_metric").equals(market.getAs("best_lead_metric"))) {
        best = l;
      }
    }
    assertThat(best).isNotNull();
    assertThat(html)
        .contains(
            "Web visits from social media leads online sales by "
                + market.getAs("best_lag")
                + " weeks.");
    String row =
        "<td>Web visits from social media (web-sessions.social-referrals)</td><td class=\"num\">"
            + market.getAs("best_lag")
            + "</td>";
    assertThat(html).contains(row);
    String evidence = html.substring(html.indexOf(row));
    assertThat(evidence.substring(0, evidence.indexOf("</tr>")))
        .contains(
            ">" + String.format(Locale.ROOT, "%.2f", (double) best.getAs("coefficient")) + "<");
  }

  @Test
  void rerenderingTheSameTablesGivesTheSameBytes() throws Exception {
    render(output.toString(), RUN_DATE, ReportOptions.DEFAULTS);
    String again = Files.readString(output.resolve("report/run_date=" + RUN_DATE + "/index.html"));
    assertThat(again).isEqualTo(html);
  }

  @Test
  void fewerEntitiesShownAreCountedAndTheNewestRunIsTheDefault() throws Exception {
    Path copy = dir.resolve("copy");
    org.apache.commons.io.FileUtils.copyDirectory(output.toFile(), copy.toFile());
    Report.Written w = render(copy.toString(), null, new ReportOptions(1, 0, null));
    assertThat(w.runDate()).isEqualTo(RUN_DATE);
    String page = Files.readString(copy.resolve("report/run_date=" + RUN_DATE + "/index.html"));
    assertThat(count(page, "<article class=\"entity\"")).isEqualTo(4);
    assertThat(page).contains("2 more entities are not shown here; the tables have every one");
    // review17: the count named the table (objective_summary) in the manager's view.
    assertThat(ManagerView.managerText(page)).doesNotContain("_");
    // Every objective with more entities than shown ranks all of them in one picture.
    assertThat(count(page, "<figure class=\"chart ranked\"")).isEqualTo(3);
    assertThat(page).contains("All 3 entities by progress toward the target");
    assertThat(html).doesNotContain("<figure class=\"chart ranked\"");
    assertThat(page).doesNotContain("<ul class=\"examples\">\n<li>");
  }

  /**
   * An earlier run (this run's tables published again under 1 December 2025, its objective_summary
   * with recent values 100 lower) is shown in each entity's history and as the change since it.
   */
  @Test
  void earlierRunsAreShownAsHistoryAndTheChangeSinceTheLast() throws Exception {
    Path copy = dir.resolve("history");
    org.apache.commons.io.FileUtils.copyDirectory(output.toFile(), copy.toFile());
    LocalDate earlier = LocalDate.of(2025, 12, 1);
    for (Table t : Table.values()) {
      Path from = copy.resolve(t.tableName()).resolve("run_date=" + RUN_DATE);
      Path to = copy.resolve(t.tableName()).resolve("run_date=" + earlier);
      if (t == Table.OBJECTIVE_SUMMARY) {
        spark
            .read()
            .parquet(from.toString())
            .withColumn("recent_value", org.apache.spark.sql.functions.expr("recent_value - 100"))
            .write()
            .parquet(to.toString());
      } else {
        org.apache.commons.io.FileUtils.copyDirectory(from.toFile(), to.toFile());
      }
    }
    String manifest =
        Files.readString(copy.resolve("_runs/run_date=" + RUN_DATE + ".json"))
            .replace("\"" + RUN_DATE + "\"", "\"" + earlier + "\"");
    Files.writeString(copy.resolve("_runs/run_date=" + earlier + ".json"), manifest);
    render(copy.toString(), RUN_DATE, ReportOptions.DEFAULTS);
    Path folder = copy.resolve("report/run_date=" + RUN_DATE);
    String page = Files.readString(folder.resolve("index.html"));
    int entities = count(page, "<article class=\"entity\"");
    assertThat(count(page, "<table class=\"history\"")).isEqualTo(entities);
    assertThat(count(page, "<tr class=\"current\"><td>1 January 2026</td>")).isEqualTo(entities);
    assertThat(count(page, "<tr><td>1 December 2025</td>")).isEqualTo(entities);
    // Every entity's KPI is 100 above the earlier run's: in EUR for online sales.
    assertThat(page).contains("+100 EUR since the run of 1 December 2025");
    assertThat(count(page, "+100")).isGreaterThanOrEqualTo(entities);
    assertThat(Files.readString(folder.resolve("summary.md")))
        .contains("+100 EUR since the run of 1 December 2025.");
    // The reported run's own page, without an earlier run, has no history.
    assertThat(html).doesNotContain("<table class=\"history\"").doesNotContain("since the run of");
  }

  static Report.Written render(String out, LocalDate date, ReportOptions options) {
    return Report.republish(spark, out, date, options, Duration.ofMinutes(10));
  }

  /**
   * A run of the date publishing now (holding the lock, the manifest deleted, one table already
   * replaced by its own): the report refuses rather than mix two runs, and once that run is dead it
   * still refuses the half-published date, and the default date skips it.
   */
  @Test
  void aReportDuringAPublishNeverMixesRuns() throws Exception {
    Path copy = dir.resolve("publishing");
    org.apache.commons.io.FileUtils.copyDirectory(output.toFile(), copy.toFile());
    Path report = copy.resolve("report/run_date=" + RUN_DATE + "/index.html");
    String before = Files.readString(report);
    Configuration hadoop = new Configuration();
    RunLock publishing = RunLock.acquire(copy.toString(), RUN_DATE, Duration.ofMinutes(10), hadoop);
    Files.delete(copy.resolve("_runs/run_date=" + RUN_DATE + ".json"));
    Path quality = copy.resolve("data_quality/run_date=" + RUN_DATE);
    org.apache.commons.io.FileUtils.deleteDirectory(quality.toFile());
    spark.sql("SELECT 'other run' AS source").write().parquet(quality.toString());

    assertThatThrownBy(() -> render(copy.toString(), RUN_DATE, ReportOptions.DEFAULTS))
        .isInstanceOf(RunLockedException.class);
    assertThatThrownBy(() -> render(copy.toString(), null, ReportOptions.DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no published run under " + copy);
    assertThat(report).hasContent(before);

    publishing.close(); // the run died half-way: the date stays unreadable until it is rerun
    assertThatThrownBy(() -> render(copy.toString(), RUN_DATE, ReportOptions.DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "no published run of "
                + RUN_DATE
                + " under "
                + copy
                + " (no _runs/run_date="
                + RUN_DATE
                + ".json: the date was never run, or its last run died while publishing; run it"
                + " again)");
    assertThat(report).hasContent(before);
    assertThat(copy.resolve("_staging")).doesNotExist();
  }

  /** The report is published with the tables: the manifest says so, and reporting again too. */
  @Test
  void theManifestRecordsTheReportPublishedWithTheTables() throws Exception {
    String manifest = Files.readString(output.resolve("_runs/run_date=" + RUN_DATE + ".json"));
    assertThat(manifest).contains("\"report\" : true").contains("\"complete\" : true");
    assertThat(output.resolve("report").toFile().list()).containsExactly("run_date=" + RUN_DATE);
  }

  /** What a run stopped at the quality check publishes: data_quality, quarantine, run_info. */
  @Test
  void aRunWithoutEvidenceTablesStillReportsItsDataQuality() throws Exception {
    Path copy = dir.resolve("quality-only");
    org.apache.commons.io.FileUtils.copyDirectory(output.toFile(), copy.toFile());
    for (Table t :
        List.of(
            Table.OBJECTIVE_SUMMARY,
            Table.CORRELATIONS,
            Table.INTERVENTION_EFFECTS,
            Table.WINDOW_METRICS)) {
      org.apache.commons.io.FileUtils.deleteDirectory(copy.resolve(t.tableName()).toFile());
    }
    render(copy.toString(), RUN_DATE, ReportOptions.DEFAULTS);
    String page = Files.readString(copy.resolve("report/run_date=" + RUN_DATE + "/index.html"));
    assertThat(page)
        .contains("This run date has no evidence tables")
        .contains("id=\"data-quality\"")
        .contains("bad_time");
    assertThat(count(page, "<article class=\"entity\"")).isZero();
    String summary = Files.readString(copy.resolve("report/run_date=" + RUN_DATE + "/summary.md"));
    assertThat(summary).contains("No evidence for this run date");
  }

  @Test
  void outcomesOlderThanStaleAfterAreNamedAtTheTop() throws Exception {
    Path copy = dir.resolve("stale-copy");
    org.apache.commons.io.FileUtils.copyDirectory(output.toFile(), copy.toFile());
    render(copy.toString(), RUN_DATE, new ReportOptions(12, 3, Duration.ofDays(2)));
    String page = Files.readString(copy.resolve("report/run_date=" + RUN_DATE + "/index.html"));
    String md = Files.readString(copy.resolve("report/run_date=" + RUN_DATE + "/summary.md"));
    assertThat(page)
        .contains("<strong>Stale data.</strong>")
        .contains("data through 28 December 2025, 4 days before the run date");
    assertThat(md).contains("**Stale data.**").contains("4 days before the run date");
  }

  @Test
  void aMissingRunDateIsNamedInTheError() {
    assertThatThrownBy(
            () -> render(output.toString(), LocalDate.of(2020, 1, 1), ReportOptions.DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no published run of 2020-01-01 under " + output);
  }

  private static List<Row> tableRows(Table t) {
    return spark
        .read()
        .parquet(output.resolve(t.tableName()).resolve("run_date=" + RUN_DATE).toString())
        .collectAsList();
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  private static double number(String printed) {
    return Double.parseDouble(printed.replace(",", "").replace("\u2212", "-").replace("+", ""));
  }

  /** Half a unit in the last printed digit: the rounding the report may have applied. */
  private static double half(String printed) {
    int dot = printed.indexOf('.');
    int decimals = dot < 0 ? 0 : printed.length() - dot - 1;
    return 0.5 * Math.pow(10, -decimals) + 1e-9;
  }

  /**
   * The manager's view (outside the sections marked analyst) names metrics by the config's display
   * names, and shows no metric, source or tactic id, no table column and no statistic's name.
   */
  @Test
  void managerViewHasNoIdColumnOrStatisticName() throws Exception {

    String manager = ManagerView.managerText(html).toLowerCase(Locale.ROOT);
    Settings settings = SettingsLoader.load(dir.resolve("data/socialkpi.conf"));
    List<String> found = new ArrayList<>();
    for (String id : ManagerView.ids(settings)) {
      if (Pattern.compile("(?<![\\w-])" + Pattern.quote(id.toLowerCase(Locale.ROOT)) + "(?![\\w-])")
          .matcher(manager)
          .find()) {
        found.add("id " + id);
      }
    }
    for (String c : ManagerView.columns()) {
      if (manager.contains(c)) {
        found.add("column " + c);
      }
    }
    for (String s : ManagerView.STATISTICS) {
      if (manager.contains(s)) {
        found.add("statistic " + s);
      }
    }
    assertThat(found).as(manager).isEmpty();
    // The display names are what the manager reads instead.
    assertThat(ManagerView.managerText(html))
        .contains("Online sales")
        .contains("EUR")
        .contains("Customer satisfaction")
        .contains("points")
        .contains("on weekly average")
        .contains("Call-center incidents");
  }

  @Test
  void analystEvidenceKeepsTheIdsAndMethods() throws Exception {
    String evidence = ManagerView.analystText(html);
    assertThat(evidence)
        .contains("orders.sales")
        .contains("csat.score")
        .contains("Why supported:")
        .containsPattern("pearson|spearman|kendall")
        .contains("Hedges' g");
  }
}

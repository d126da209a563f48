package io.socialkpi.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import io.socialkpi.generate.FileReport;
import io.socialkpi.generate.GenerationReport;
import io.socialkpi.generate.GeneratorOptions;
import io.socialkpi.generate.SyntheticCompany;
import io.socialkpi.output.Table;
import io.socialkpi.source.InputCheck;
import io.socialkpi.stats.MultipleTesting;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole nightly run on generated data with known effects: every table is written, the row
 * accounting holds, and the injected effects and leads are found where they were put.
 */
class NightlyPipelineTest {
  static final LocalDate RUN_DATE = LocalDate.of(2026, 1, 1);
  @TempDir static Path dir;
  static SparkSession spark;
  static GenerationReport generated;
  static Path output;

  /** Another run date's partition in the output, which the runs of RUN_DATE must leave alone. */
  static Path otherDate;

  /**
   * Generates the data and runs the date twice into the same output (next to an older date's
   * partition): the tests read the rerun's tables, and one checks what the rerun replaced.
   */
  @BeforeAll
  static void runTwice() throws Exception {
    spark = SparkTestSession.get();
    generated = SyntheticCompany.generate(dir.resolve("data"), GeneratorOptions.defaults());
    output = dir.resolve("out");
    // A file Spark and DuckDB skip (leading underscore), so the whole table still reads.
    otherDate = output.resolve("data_quality/run_date=2025-01-01/_older-run.txt");
    Files.createDirectories(otherDate.getParent());
    Files.writeString(otherDate, "older run");
    run(dir.resolve("data/socialkpi.conf"), output);
    run(dir.resolve("data/socialkpi.conf"), output);
  }

  static RunSummary run(Path config, Path out) {
    Settings s = SettingsLoader.load(config);
    s = s.withRun(s.run().withOutput(out.toString()).withRunDate(RUN_DATE));
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    return LockedRuns.run(spark, s, InputCheck.check(s), new Progress(quiet));
  }

  static Dataset<Row> table(Table t) {
    return spark.read().parquet(output.resolve(t.tableName()).toString());
  }

  /** Each table of a small run is one Parquet file, whatever the session's cores (here 2). */
  @Test
  void writesEveryTableForTheRunDate() throws Exception {
    for (Table t : Table.values()) {
      Path partition = output.resolve(t.tableName()).resolve("run_date=" + RUN_DATE);
      assertThat(partition).isDirectory();
      assertThat(table(t).count()).as(t.tableName()).isPositive();
      try (var files = Files.list(partition)) {
        assertThat(files.filter(f -> f.toString().endsWith(".parquet")).count())
            .as("%s files", t.tableName())
            .isEqualTo(1);
      }
    }
  }

  @Test
  void rowAccountingMatchesTheGeneratedFiles() {
    Map<String, String> sourceOf =
        Map.of(
            "social/page_insights.csv",
            "page-insights",
            "social/jobs_tab_insights.csv",
            "jobs-tab",
            "social/mentions.jsonl",
            "mentions",
            "social/web_sessions.csv",
            "web-sessions",
            "business/orders.csv",
            "orders",
            "business/tickets.csv",
            "tickets",
            "business/csat_responses.csv",
            "csat",
            "business/applications.csv",
            "applications");
    List<Row> quality = table(Table.DATA_QUALITY).collectAsList();
    assertThat(quality).hasSize(8);
    for (FileReport f : generated.files()) {
      Row q =
          quality.stream()
              .filter(r -> r.getAs("source").equals(sourceOf.get(f.file())))
              .findFirst()
              .orElseThrow();
      assertThat(q.<Long>getAs("rows_read")).as(f.file()).isEqualTo(f.rows());
      assertThat(q.<Long>getAs("rows_quarantined")).as(f.file()).isEqualTo(f.brokenRows());
      // The quarantine table's rows of the source, counted on their own: rows_quarantined is
      // rows_read - rows_accepted by construction, so only this count can catch a lost row.
      assertThat(
              table(Table.QUARANTINE).filter(col("source").equalTo(sourceOf.get(f.file()))).count())
          .as(f.file())
          .isEqualTo(f.brokenRows());
    }
    assertThat(table(Table.QUARANTINE).count()).isEqualTo(generated.brokenRows());
  }

  static Row effect(String objective, String entity, String metric) {
    return table(Table.INTERVENTION_EFFECTS)
        .filter(
            col("objective_id")
                .equalTo(objective)
                .and(col("entity").equalTo(entity))
                .and(col("metric").equalTo(metric)))
        .first();
  }

  /** The 95% interval of {@code column} (e.g. ci, did_ci, cf_ci) covers {@code truth}. */
  static void covers(Row row, String prefix, double truth) {
    assertThat(row.<Double>getAs(prefix + "_low")).as(prefix + " low").isLessThan(truth);
    assertThat(row.<Double>getAs(prefix + "_high")).as(prefix + " high").isGreaterThan(truth);
  }

  @Test
  void findsTheInjectedTacticEffectsWithIntervalsCoveringTheTrueSize() {
    var vip = generated.truth().vipCommunity();
    for (String region : List.of("north", "south")) {
      Row csat = effect("customer-satisfaction", region, "csat.score");
      covers(csat, "ci", vip.csatMeanAfter() - vip.csatMeanBefore());
      assertThat(csat.<Double>getAs("p_value")).isLessThan(0.001);
      Row incidents = effect("fewer-incidents", region, "tickets.incidents");
      covers(incidents, "ci", vip.weeklyIncidentsAfter() - vip.weeklyIncidentsBefore());
      assertThat(incidents.<Double>getAs("p_value")).isLessThan(0.001);
    }
    var campaign = generated.truth().fanCampaign();
    double salesLift = campaign.weeklyOnlineSalesAfter() - campaign.weeklyOnlineSalesBefore();
    Row north = effect("market-share", "north", "orders.sales");
    assertThat(north.<Double>getAs("abs_change")).isPositive();
    assertThat(north.<Double>getAs("p_value")).isLessThan(0.001);
    covers(north, "ci", salesLift);
    // The south is the control entity: difference-in-differences north minus south.
    assertThat(north.<String>getAs("control_metric")).isEqualTo("orders.sales@south");
    covers(north, "did_ci", salesLift);
    var tab = generated.truth().jobsTab();
    Row apps = effect("recruit-talent", "all", "applications.via-facebook");
    covers(
        apps, "ci", tab.weeklyFacebookApplicationsAfter() - tab.weeklyFacebookApplicationsBefore());
  }

  static int bestLag(String objective, String entity, String lead) {
    return table(Table.CORRELATIONS)
        .filter(
            col("objective_id")
                .equalTo(objective)
                .and(col("entity").equalTo(entity))
                .and(col("lead_metric").equalTo(lead))
                .and(col("method").equalTo("pearson"))
                .and(col("transform").equalTo("diff")))
        .orderBy(col("coefficient").desc())
        .first()
        .getAs("lag");
  }

  @Test
  void findsTheInjectedLeadsAtTheRightLag() {
    // Online orders follow social sessions by 14 days = 2 weekly windows; applications follow
    // jobs-tab views by 7 days = 1 window.
    assertThat(bestLag("market-share", "north", "web-sessions.social-referrals")).isEqualTo(2);
    assertThat(bestLag("market-share", "south", "web-sessions.social-referrals")).isEqualTo(2);
    assertThat(bestLag("recruit-talent", "all", "jobs-tab.views")).isEqualTo(1);
  }

  @Test
  void sparkQValuesEqualThePlainJavaBenjaminiHochberg() {
    List<Row> rows = table(Table.CORRELATIONS).select("p_value", "q_value").collectAsList();
    double[] p =
        rows.stream().mapToDouble(r -> r.isNullAt(0) ? Double.NaN : r.getDouble(0)).toArray();
    double[] q = MultipleTesting.benjaminiHochberg(p);
    for (int i = 0; i < p.length; i++) {
      if (Double.isNaN(p[i])) {
        assertThat(rows.get(i).isNullAt(1)).isTrue();
      } else {
        assertThat(rows.get(i).getDouble(1))
            .isCloseTo(q[i], org.assertj.core.api.Assertions.within(1e-12));
      }
    }
  }

  @Test
  void windowMetricsAreCompleteWithExplicitGaps() {
    Dataset<Row> wm = table(Table.WINDOW_METRICS);
    long windows =
        wm.filter(col("metric").equalTo("orders.sales").and(col("entity").equalTo("north")))
            .count();
    // 2024-01-01 (a Monday) .. 2025-12-31 (a Wednesday): 105 ISO weeks, the last one partial.
    assertThat(windows).isEqualTo(105);
    assertThat(
            wm.filter(col("complete").equalTo(false))
                .select("window_start")
                .distinct()
                .collectAsList())
        .extracting(r -> r.get(0).toString())
        .containsExactly("2025-12-29");
    assertThat(wm.filter(col("value").isNull().and(col("aggregate").isin("sum", "count"))).count())
        .isZero();
  }

  @Test
  void summaryHasAHeadlineAndProgressPerObjectiveAndEntity() {
    List<Row> summary = table(Table.OBJECTIVE_SUMMARY).collectAsList();
    assertThat(summary).hasSize(7);
    Row csat =
        summary.stream()
            .filter(
                r ->
                    r.getAs("objective_id").equals("customer-satisfaction")
                        && r.getAs("entity").equals("north"))
            .findFirst()
            .orElseThrow();
    assertThat(csat.<String>getAs("headline"))
        .containsPattern(
            "beyond the trend before the launch.*, csat.score changed by [+\u2212][0-9.,]+ a window"
                + " at the launch of vip-community on [0-9]+ [A-Z][a-z]+ 2025");
    assertThat(csat.<Double>getAs("target_value")).isEqualTo(4.3);
    assertThat(csat.<Double>getAs("progress")).isBetween(0.2, 1.2);
    assertThat(csat.getAs("latest_window").toString()).isEqualTo("2025-12-22");
  }

  @Test
  void rerunningTheSameDateReplacesItsPartitionOnly() throws Exception {
    assertThat(otherDate).hasContent("older run");
    assertThat(
            spark
                .read()
                .parquet(output.resolve("data_quality/run_date=" + RUN_DATE).toString())
                .count())
        .isEqualTo(8);
  }

  /**
   * Every timestamp column of every table is written as Parquet's TIMESTAMP(MICROS, isAdjustedToUTC
   * = true): the logical type pyarrow (and so pandas) reads as {@code timestamp[us, tz=UTC]} and
   * DuckDB as TIMESTAMP WITH TIME ZONE (Arrow's Parquet type mapping). pyarrow itself is not
   * installable here (no Debian package, no PyPI), so the footer is read.
   */
  @Test
  void everyTimestampIsAUtcInstantInTheParquetFooter() throws Exception {
    int timestamps = 0;
    for (Table t : Table.values()) {
      java.io.File[] files =
          output
              .resolve(t.tableName())
              .resolve("run_date=" + RUN_DATE)
              .toFile()
              .listFiles((d, n) -> n.endsWith(".parquet"));
      assertThat(files).as(t.tableName()).isNotEmpty();
      for (java.io.File f : files) {
        try (org.apache.parquet.hadoop.ParquetFileReader reader =
            org.apache.parquet.hadoop.ParquetFileReader.open(
                org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(
                    new org.apache.hadoop.fs.Path(f.toURI()),
                    new org.apache.hadoop.conf.Configuration()))) {
          for (org.apache.parquet.column.ColumnDescriptor c :
              reader.getFooter().getFileMetaData().getSchema().getColumns()) {
            org.apache.parquet.schema.PrimitiveType type = c.getPrimitiveType();
            assertThat(type.getPrimitiveTypeName())
                .as("%s.%s", t.tableName(), type.getName())
                .isNotEqualTo(org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT96);
            if (type.getLogicalTypeAnnotation()
                instanceof
                org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
              assertThat(ts.isAdjustedToUTC()).as("%s.%s", t.tableName(), type.getName()).isTrue();
              assertThat(ts.getUnit())
                  .isEqualTo(org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit.MICROS);
              timestamps++;
            }
          }
        }
      }
    }
    // run_info.started_at, data_quality.first_time and last_time at least
    assertThat(timestamps).isGreaterThanOrEqualTo(3);
  }

  @Test
  void theTablesArePlainParquetThatDuckDbReads() throws Exception {
    try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        java.sql.Statement st = db.createStatement()) {
      for (Table t : Table.values()) {
        String glob = output.resolve(t.tableName()).resolve("*/*.parquet").toString();
        try (java.sql.ResultSet rs =
            st.executeQuery(
                "SELECT count(*), min(run_date) FROM read_parquet('"
                    + glob
                    + "', hive_partitioning = true)")) {
          rs.next();
          assertThat(rs.getLong(1)).as(t.tableName()).isEqualTo(table(t).count());
          assertThat(rs.getString(2)).isEqualTo(RUN_DATE.toString());
        }
      }
      // Timestamps are UTC instants to DuckDB (TIMESTAMP_MICROS, isAdjustedToUTC), not the
      // zoneless wall times INT96 gives; run_info's window unit needs no quoting.
      String info = output.resolve("run_info/*/*.parquet").toString();
      st.execute("SET TimeZone = 'America/New_York'");
      try (java.sql.ResultSet rs =
          st.executeQuery(
              "SELECT typeof(started_at), epoch_us(started_at), window_unit FROM read_parquet('"
                  + info
                  + "')")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("TIMESTAMP WITH TIME ZONE");
        java.sql.Timestamp started = table(Table.RUN_INFO).first().getAs("started_at");
        long micros =
            Math.floorDiv(started.getTime(), 1000) * 1_000_000 + started.getNanos() / 1000;
        assertThat(rs.getLong(2)).isEqualTo(micros);
        assertThat(rs.getString(3)).isEqualTo("week");
      }
      String quality = output.resolve("data_quality/*/*.parquet").toString();
      try (java.sql.ResultSet rs =
          st.executeQuery(
              "SELECT DISTINCT typeof(first_time), typeof(last_time) FROM read_parquet('"
                  + quality
                  + "')")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("TIMESTAMP WITH TIME ZONE");
        assertThat(rs.getString(2)).isEqualTo("TIMESTAMP WITH TIME ZONE");
      }
      String effects = output.resolve("intervention_effects/*/*.parquet").toString();
      try (java.sql.ResultSet rs =
          st.executeQuery(
              "SELECT rel_change, p_value FROM read_parquet('"
                  + effects
                  + "', hive_partitioning = true)"
                  + " WHERE objective_id = 'market-share' AND entity = 'north' AND metric = 'orders.sales'")) {
        rs.next();
        Row spark = effect("market-share", "north", "orders.sales");
        assertThat(rs.getDouble(1)).isEqualTo(spark.<Double>getAs("rel_change"));
        assertThat(rs.getDouble(2)).isEqualTo(spark.<Double>getAs("p_value"));
      }
    }
  }
}

package io.socialkpi.pipeline;

import static org.apache.spark.sql.functions.col;

import io.socialkpi.analysis.EvidenceEngine;
import io.socialkpi.config.RunSettings;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SourceSpec;
import io.socialkpi.output.CatalogTables;
import io.socialkpi.output.QualityTable;
import io.socialkpi.output.Retention;
import io.socialkpi.output.RunInfoTable;
import io.socialkpi.output.RunLock;
import io.socialkpi.output.RunWriter;
import io.socialkpi.output.Table;
import io.socialkpi.panel.PanelRows;
import io.socialkpi.panel.WindowMetrics;
import io.socialkpi.report.Report;
import io.socialkpi.report.ReportOptions;
import io.socialkpi.source.LineNumbers;
import io.socialkpi.source.SourceLayout;
import io.socialkpi.source.SourceQuality;
import io.socialkpi.source.SourceScan;
import io.socialkpi.source.SplitLines;
import io.socialkpi.spark.DriverRows;
import io.socialkpi.spark.Parallel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The nightly run, as small named steps: scan each source once, check data quality, complete the
 * window metrics, compute the evidence per objective and entity, and publish every table for the
 * run date.
 */
public final class NightlyPipeline {
  /** Table writes at once: each is a small job, mostly driver time, on small inputs. */
  private static final int CONCURRENT_WRITES = 3;

  private final SparkSession spark;
  private final Settings settings;
  private final Map<String, SourceLayout> layouts;
  private final Progress progress;
  private final DataSizing sizing;

  /** Whether results are kept on the driver: a small input's, or a large one's small aggregates. */
  private boolean smallResults;

  private final RunWriter writer;
  private final RunLock lock;
  private final Map<String, SourceScan> scans = new LinkedHashMap<>();
  private final Instant startedAt = Instant.now();
  private final StageClock clock = new StageClock();

  /**
   * A pipeline for the run date in {@code settings}, whose lock the caller holds: every publish
   * checks that it still does.
   */
  public NightlyPipeline(
      SparkSession spark,
      Settings settings,
      Map<String, SourceLayout> layouts,
      Progress progress,
      RunLock lock) {
    this.spark = spark;
    this.lock = lock;
    this.settings = settings;
    this.layouts = layouts;
    this.progress = progress;
    useUtcTimestamps(spark);
    this.sizing = DataSizing.of(layouts.values());
    this.smallResults = sizing.small();
    this.writer =
        new RunWriter(
            settings.run().output(),
            settings.run().runDateOrToday(),
            spark.sparkContext().hadoopConfiguration(),
            settings.run().outputFormat());
  }

  static final String TIMESTAMP_TYPE = "spark.sql.parquet.outputTimestampType";

  /**
   * Timestamps are written as Parquet's TIMESTAMP_MICROS with UTC semantics (isAdjustedToUTC), so
   * DuckDB, pandas and pyarrow read them as instants; Spark's default is the deprecated INT96,
   * which they read as wall times without a zone. A value set on the submit command or in the
   * config's spark.conf (INT96 for an old Hive or Impala) is left alone.
   */
  static void useUtcTimestamps(SparkSession spark) {
    if (!spark.sparkContext().getConf().contains(TIMESTAMP_TYPE)) {
      spark.conf().set(TIMESTAMP_TYPE, "TIMESTAMP_MICROS");
    }
  }

  /** Runs every step; throws {@link DataQualityError} after publishing the quality tables. */
  public RunSummary run() {
    long start = System.nanoTime();
    try {
      scanSources();
      resizeForResults();
      checkQuality();
      Dataset<Row> windowMetrics = windowMetrics();
      Dataset<Row> panel = panel(windowMetrics);
      EvidenceEngine engine = evidence(panel);
      write(windowMetrics, engine);
      panel.unpersist();
      windowMetrics.unpersist();
      RuntimeException reportFailed = report();
      publish();
      register();
      retain();
      if (reportFailed != null) {
        throw reportFailed;
      }
    } finally {
      clock.stop();
    }
    return new RunSummary(
        settings.run().runDateOrToday(),
        settings.run().output(),
        qualities(),
        (System.nanoTime() - start) / 1e9,
        clock.stages());
  }

  void scanSources() {
    clock.start("read");
    progress.step("reading " + settings.sources().size() + " sources");
    try (Parallel parallel = new Parallel(sizing.concurrentScans(), "socialkpi-scan")) {
      Map<String, Future<TimedScan>> running = new LinkedHashMap<>();
      for (var source : settings.sources().values()) {
        SourceLayout layout = layouts.get(source.name());
        running.put(
            source.name(),
            parallel.submit(
                () -> TimedScan.run(spark, source, layout, settings.run(), sizing.small())));
      }
      // Reported in config order, each as soon as it and those before it are done.
      for (var e : running.entrySet()) {
        TimedScan done = Parallel.await(e.getValue());
        scans.put(e.getKey(), done.scan());
        SourceQuality q = done.scan().quality();
        progress.detail(
            "%-16s %,10d rows read, %,10d accepted, %,6d quarantined (%.2f%%)%s in %.1f s",
            e.getKey(),
            q.rowsRead(),
            q.rowsAccepted(),
            q.rowsQuarantined(),
            100 * q.quarantinedFraction(),
            q.rowsSuperseded() == 0
                ? ""
                : String.format(", %,d superseded by newer exports", q.rowsSuperseded()),
            done.seconds());
      }
    }
    progress.done();
  }

  /** A source's scan and how long it took. */
  private record TimedScan(SourceScan scan, double seconds) {
    static TimedScan run(
        SparkSession spark,
        SourceSpec source,
        SourceLayout layout,
        RunSettings run,
        boolean onDriver) {
      long t0 = System.nanoTime();
      SourceScan scan =
          SourceScan.run(spark, source, layout, run, onDriver ? DataSizing.MAX_DRIVER_ROWS : 0);
      return new TimedScan(scan, (System.nanoTime() - t0) / 1e9);
    }
  }

  /**
   * After a large input's read: when the sources' aggregates are small (at most {@link
   * DataSizing#MAX_DRIVER_ROWS} window values), the later stages run as on a small input, with the
   * size-chosen Spark settings of a small input and results held on the driver. They work on
   * thousands of values, not on the input's millions of rows.
   */
  void resizeForResults() {
    if (smallResults) {
      return;
    }
    long values = 0;
    for (SourceScan scan : scans.values()) {
      values += scan.acceptedGroups() * scan.source().metrics().size();
    }
    if (values <= DataSizing.MAX_DRIVER_ROWS) {
      smallResults = true;
      SparkSessions.useSmallResultSettings(spark);
      progress.detail(
          "%,d window values: later stages run as on a small input (%s shuffle partitions)",
          values, spark.conf().get("spark.sql.shuffle.partitions"));
    }
  }

  void checkQuality() {
    List<String> failed = new ArrayList<>();
    for (SourceQuality q : qualities()) {
      if (q.quarantinedFraction() > settings.run().quarantineMaxFraction()) {
        failed.add(
            String.format(
                java.util.Locale.ROOT,
                "%s quarantined %.1f%% of %,d rows (limit %.1f%%)",
                q.source(),
                100 * q.quarantinedFraction(),
                q.rowsRead(),
                100 * settings.run().quarantineMaxFraction()));
      }
    }
    if (!failed.isEmpty()) {
      progress.step("data quality check failed: writing data_quality and quarantine only");
      stageQuality();
      // The date's report says the run stopped here; without one (it failed), publishing removes
      // the earlier run's, so no earlier verdicts stay beside these tables.
      report();
      writer.publish(lock, this::withdrawViews);
      progress.detail(
          "see %s and %s", writer.data(Table.DATA_QUALITY), writer.data(Table.QUARANTINE));
      // The catalog follows: this date's evidence partitions are gone, and the _latest views
      // move to the newest complete run if they showed this date.
      register();
      throw new DataQualityError(String.join("; ", failed));
    }
  }

  /** Every metric's value per entity and window, completed and materialised once. */
  Dataset<Row> windowMetrics() {
    clock.start("window");
    progress.step("completing the window metrics");
    // Materialised once: the table and every objective's panel read it.
    Dataset<Row> complete =
        WindowMetrics.complete(
            spark,
            new ArrayList<>(scans.values()),
            settings.run().window(),
            settings.run().runDateOrToday());
    Dataset<Row> persisted =
        smallResults ? onDriver(complete) : complete.persist(StorageLevel.MEMORY_AND_DISK());
    progress.detail("%,d window metric values", persisted.count());
    progress.done();
    return persisted;
  }

  /**
   * A small result computed once and kept on the driver as a local table. Queries over it plan from
   * a plain local relation instead of re-analysing its whole lineage; on the sample this halved the
   * panel and write stages (docs/PERFORMANCE.md). Small input can still make a large result (the
   * window metrics complete every entity's series): past {@link DataSizing#MAX_DRIVER_ROWS} rows it
   * is persisted by Spark instead, computed a second time.
   */
  private Dataset<Row> onDriver(Dataset<Row> rows) {
    List<Row> collected = DriverRows.atMost(rows, DataSizing.MAX_DRIVER_ROWS);
    if (collected.size() > DataSizing.MAX_DRIVER_ROWS) {
      return rows.persist(StorageLevel.MEMORY_AND_DISK());
    }
    return spark.createDataFrame(collected, rows.schema());
  }

  /** The long panel every objective's evidence reads, materialised once. */
  Dataset<Row> panel(Dataset<Row> windowMetrics) {
    clock.start("panel");
    progress.step("building the panel of " + settings.objectives().size() + " objectives");
    Dataset<Row> rows = PanelRows.build(spark, settings, windowMetrics);
    Dataset<Row> panel =
        smallResults ? onDriver(rows) : rows.persist(StorageLevel.MEMORY_AND_DISK());
    progress.detail("%,d panel cells", panel.count());
    progress.done();
    return panel;
  }

  EvidenceEngine evidence(Dataset<Row> panel) {
    clock.start("evidence");
    progress.step("computing the evidence per objective and entity");
    EvidenceEngine engine = EvidenceEngine.over(panel, settings);
    progress.detail(
        "%,d objective and entity groups",
        smallResults
            ? engine.materialiseLocally(DataSizing.MAX_DRIVER_ROWS)
            : engine.materialise());
    progress.done();
    return engine;
  }

  /** Writes every table's run partition to staging; nothing is visible until {@link #publish}. */
  void write(Dataset<Row> windowMetrics, EvidenceEngine engine) {
    clock.start("write");
    progress.step("writing the tables to staging");
    // Persisted before the writes start: the summaries read the correlations too.
    Dataset<Row> correlations = engine.correlations();
    List<Runnable> writes = new ArrayList<>();
    // Longest first: planning the summaries (two joins and a typed map over the evidence) takes
    // the driver longer than any other table's write takes in all.
    writes.add(() -> writer.stage(Table.OBJECTIVE_SUMMARY, engine.summaries(), 1));
    writes.add(() -> writer.stage(Table.CORRELATIONS, correlations, 1));
    writes.add(() -> writer.stage(Table.INTERVENTION_EFFECTS, engine.effects(), 1));
    // Held on the driver, the window metrics are a local table of as many partitions as the
    // cluster has cores (a file each, most of them a few KB): one file, sorted. A large result
    // keeps its partitions, sized by the input and coalesced by adaptive execution.
    Dataset<Row> metricsOut = smallResults ? windowMetrics.coalesce(1) : windowMetrics;
    writes.add(
        () ->
            writer.stage(
                Table.WINDOW_METRICS,
                metricsOut.sortWithinPartitions(col("metric"), col("entity"), col("window_start")),
                0));
    writes.addAll(qualityWrites());
    try (Parallel parallel = new Parallel(CONCURRENT_WRITES, "socialkpi-write")) {
      parallel.runAll(writes);
    }
    engine.release();
    progress.done();
  }

  /** Stages what every run publishes, even one that fails the quality check. */
  private void stageQuality() {
    try (Parallel parallel = new Parallel(CONCURRENT_WRITES, "socialkpi-write")) {
      parallel.runAll(qualityWrites());
    }
  }

  private List<Runnable> qualityWrites() {
    Dataset<Row> rejected = null;
    List<SplitLines> splits = new ArrayList<>();
    for (SourceScan scan : scans.values()) {
      rejected = rejected == null ? scan.rejectedRows() : rejected.unionByName(scan.rejectedRows());
      splits.addAll(scan.splitLines());
    }
    Dataset<Row> quarantine = LineNumbers.number(spark, rejected, splits);
    return List.of(
        () -> writer.stage(Table.RUN_INFO, RunInfoTable.of(spark, settings, startedAt), 1),
        () -> writer.stage(Table.DATA_QUALITY, QualityTable.of(spark, qualities()), 1),
        () -> writer.stage(Table.QUARANTINE, quarantine, 1));
  }

  void publish() {
    clock.start("publish");
    progress.step("publishing tables for run date " + settings.run().runDateOrToday());
    writer.publish(lock, this::withdrawViews);
    for (Table t : Table.values()) {
      progress.detail("%-22s %s", t.tableName(), writer.data(t));
    }
    scans.values().forEach(SourceScan::release);
  }

  /**
   * Moves the catalog's {@code _latest} views off this run's date while it publishes (a rerun of
   * the date they show), when a catalog is configured.
   */
  void withdrawViews() {
    if (settings.catalog().enabled()) {
      CatalogTables.withdraw(
          spark, settings.catalog().database(), writer, line -> progress.detail("%s", line));
    }
  }

  /** Registers the published tables in the session's catalog, when one is configured. */
  void register() {
    if (!settings.catalog().enabled()) {
      return;
    }
    clock.start("register");
    progress.step("registering the tables in catalog database " + settings.catalog().database());
    CatalogTables.register(
        spark, settings.catalog().database(), writer, line -> progress.detail("%s", line));
    progress.done();
  }

  /**
   * Deletes whole runs older than the newest {@code run.keep-runs} complete ones, after this run
   * has published completely (a run stopped by the data-quality gate never gets here), and their
   * partitions from the catalog.
   */
  void retain() {
    RunSettings run = settings.run();
    if (run.keepRuns() == 0) {
      return;
    }
    progress.step("keeping the newest " + run.keepRuns() + " complete runs");
    List<java.time.LocalDate> deleted =
        Retention.apply(
            run.output(),
            run.runDateOrToday(),
            run.keepRuns(),
            run.lockStaleAfter(),
            spark.sparkContext().hadoopConfiguration(),
            line -> progress.detail("%s", line));
    // Parquet tables' catalog partitions go with the folders; Delta tables have none to drop.
    if (settings.catalog().enabled() && !deleted.isEmpty()) {
      CatalogTables.dropPartitions(spark, settings.catalog().database(), deleted);
    }
    progress.done();
  }

  /**
   * Renders the manager's report from the tables just staged and stages it, to be published with
   * them. A failure is printed and returned: the tables are published without a report, and the run
   * fails after that.
   */
  RuntimeException report() {
    if (!settings.report().enabled()) {
      return null;
    }
    clock.start("report");
    progress.step("rendering the report");
    try {
      Report.Written written =
          Report.stage(
              spark,
              writer,
              new ReportOptions(
                  settings.report().maxEntities(),
                  settings.report().examplesPerReason(),
                  settings.report().staleAfter()));
      progress.detail("%-22s %s", "report", written.html());
      progress.detail("%-22s %s", "summary", written.markdown());
      progress.done();
      return null;
    } catch (RuntimeException e) {
      progress.detail("could not render the report: %s", e.getMessage());
      return e;
    }
  }

  List<SourceQuality> qualities() {
    List<SourceQuality> all = new ArrayList<>();
    scans.values().forEach(s -> all.add(s.quality()));
    return all;
  }
}

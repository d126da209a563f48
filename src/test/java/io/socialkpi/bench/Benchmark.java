package io.socialkpi.bench;

import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import io.socialkpi.pipeline.DataSizing;
import io.socialkpi.pipeline.LockedRuns;
import io.socialkpi.pipeline.Progress;
import io.socialkpi.pipeline.RunSummary;
import io.socialkpi.pipeline.SparkSessions;
import io.socialkpi.source.InputCheck;
import io.socialkpi.source.SourceLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The benchmark behind {@code jobs/bench}: generates (or reuses) a data set of a given number of
 * raw rows, runs the nightly pipeline on it in this JVM with the default local settings, then runs
 * the same ingest-and-window aggregation as one DuckDB query on the same files, checks that both
 * engines computed the same window values, runs the pandas + SciPy peer ({@link PandasPeer}: read,
 * windows, lagged correlations, before/after) on the same files and checks its results against the
 * job's tables, and prints per stage the time, input rows per second and peak heap, each engine's
 * wall time and peak memory, plus the machine. A line per run is appended to {@code
 * <work>/results.tsv}.
 *
 * <p>Arguments: {@code --rows 10M} (or 1M, 100M, 250k), {@code --format csv|parquet}, {@code --work
 * DIR} (default target/bench), {@code --config FILE} (bench an existing config instead of generated
 * data), {@code --entities N} (the many-entities case: N regions, weekly exports, instead of {@code
 * --rows}), {@code --no-duckdb}, {@code --no-pandas}.
 */
public final class Benchmark {
  /** Fixed, so a rerun of the same data writes the same partition and skips no future rows. */
  static final LocalDate RUN_DATE = LocalDate.of(2026, 1, 1);

  private Benchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = 1_000_000;
    String format = "csv";
    Path work = Path.of("target/bench");
    Path config = null;
    boolean duckdb = true;
    boolean pandas = true;
    int entities = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rows" -> rows = BenchData.parseRows(args[++i]);
        case "--format" -> format = args[++i];
        case "--work" -> work = Path.of(args[++i]);
        case "--config" -> config = Path.of(args[++i]);
        case "--no-duckdb" -> duckdb = false;
        case "--no-pandas" -> pandas = false;
        case "--entities" -> entities = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Files.createDirectories(work);
    String label;
    if (config == null && entities > 0) {
      config = BenchData.entities(work, entities);
      label = String.format(java.util.Locale.ROOT, "%,d entities weekly", entities);
    } else if (config == null) {
      config =
          switch (format) {
            case "csv" -> BenchData.csv(work, rows);
            case "parquet" -> BenchData.parquet(work, rows);
            default -> throw new IllegalArgumentException("--format is csv or parquet: " + format);
          };
      label = BenchData.label(rows) + " " + format;
    } else {
      label = config.toString();
    }
    BenchResult result = run(config, work, label, duckdb, pandas);
    result.print(System.out);
    result.append(work.resolve("results.tsv"));
  }

  static BenchResult run(Path config, Path work, String label, boolean duckdb, boolean pandas)
      throws Exception {
    Path out = work.resolve("out");
    Settings loaded = SettingsLoader.load(config);
    Settings settings =
        loaded.withRun(
            loaded.run().withOutput(out.toAbsolutePath().toString()).withRunDate(RUN_DATE));
    Map<String, SourceLayout> layouts = InputCheck.check(settings);
    long t0 = System.nanoTime();
    SparkSession spark = SparkSessions.start(settings.spark(), DataSizing.of(layouts.values()));
    double sessionStart = (System.nanoTime() - t0) / 1e9;
    PlanningTime planning = PlanningTime.register(spark);
    RunSummary summary;
    try {
      summary = LockedRuns.run(spark, settings, layouts, new Progress(System.out));
    } finally {
      spark.stop();
    }
    long pipelineRssMb = ProcessMemory.peakKib() >> 10;
    DuckDbRun duck =
        duckdb
            ? DuckDbRun.run(settings, layouts, out.resolve("window_metrics/run_date=" + RUN_DATE))
            : null;
    String agreement = duck == null ? "not run" : duck.agreement();
    PandasPeer.Outcome peer = null;
    if (pandas) {
      System.out.println("bench: running the pandas + SciPy peer");
      peer = PandasPeer.run(settings, layouts, work.resolve("pandas"), out, RUN_DATE.toString());
      if (peer instanceof PandasPeer.NoResult none) {
        System.out.println("bench: no pandas result: " + none.reason());
      }
    }
    return new BenchResult(
        label,
        summary,
        sessionStart,
        planning.seconds(),
        planning.queries(),
        duck == null ? Double.NaN : duck.seconds(),
        agreement,
        pipelineRssMb,
        duck == null ? -1 : duck.addedRssMb(),
        peer,
        Machine.describe());
  }
}

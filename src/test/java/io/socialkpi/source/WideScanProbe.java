package io.socialkpi.source;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import io.socialkpi.config.SourceSpec;
import io.socialkpi.inspect.InspectOptions;
import io.socialkpi.inspect.Inspection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.metrics.source.CodegenMetrics;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.util.QueryExecutionListener;

/**
 * Profiling aid for issue 13's wide sources: reads the real Facebook page-level export with every
 * numeric column as a metric (about 585) through {@link SourceScan}, several rounds in one JVM, and
 * prints per round the wall time of building the plan, of the scan and of the quarantine, Spark's
 * planning phases (QueryPlanningTracker) and Janino's compile time. Run with the benchmark's
 * classpath: {@code java ... io.socialkpi.source.WideScanProbe [ROUNDS] [FILE]}; Spark settings as
 * {@code -Dspark.x=y}.
 */
public final class WideScanProbe {
  private WideScanProbe() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Path file =
        Path.of(
            args.length > 1
                ? args[1]
                : "src/test/resources/exports/facebook-insights/Facebook Insights Data Export -"
                    + " Visualization Studio VIC - 2014-01-01 - 2014-02-27.csv");
    long t0 = System.nanoTime();
    Inspection in =
        Inspection.of(file.toAbsolutePath(), InspectOptions.defaults().withMaxMetrics(0));
    Path dir = Files.createTempDirectory("wide");
    Path conf =
        Files.writeString(
            dir.resolve("job.conf"),
            "socialkpi {\n  run { zone = \"UTC\", window = week, run-date = 2030-01-01 }\n"
                + "  sources {\n"
                + in.text()
                + "\n  }\n}\n");
    Settings settings = SettingsLoader.load(conf);
    Map<String, SourceLayout> layouts = InputCheck.check(settings);
    SourceSpec source = settings.sources().get(in.sourceId());
    System.out.printf(
        "inspect+load %.2f s, %d metrics, overlap newest %s%n",
        (System.nanoTime() - t0) / 1e9, source.metrics().size(), source.overlap().newest());
    t0 = System.nanoTime();
    SparkSession spark = SparkTestSession.get();
    System.out.printf("session %.2f s%n", (System.nanoTime() - t0) / 1e9);
    Phases phases = new Phases();
    spark.listenerManager().register(phases);
    String mode = System.getProperty("probe.mode", "scan");
    java.lang.management.ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    for (int r = 0; r < rounds && !mode.equals("scan"); r++) {
      phases.reset();
      long cpu0 = os.getProcessCpuTime();
      t0 = System.nanoTime();
      org.apache.spark.util.CollectionAccumulator<SplitLines> acc =
          spark.sparkContext().collectionAccumulator("probe");
      org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> groups =
          mode.equals("text")
              ? TextScan.groups(
                  spark,
                  source,
                  layouts.get(source.name()),
                  settings.run(),
                  acc,
                  2,
                  TextScan.ONE_TASK_BYTES,
                  false)
              : SourceScan.expressionGroups(
                  spark, source, layouts.get(source.name()), settings.run(), acc);
      double build = (System.nanoTime() - t0) / 1e9;
      int n = groups.collectAsList().size();
      double all = (System.nanoTime() - t0) / 1e9;
      Thread.sleep(300);
      System.out.printf(
          "%s round %d: build %.2f s, build+collect %.2f s, cpu %.2f s, %d groups; %s%n",
          mode, r, build, all, (os.getProcessCpuTime() - cpu0) / 1e9, n, phases);
    }
    for (int r = 0; r < rounds && mode.equals("scan"); r++) {
      phases.reset();
      double compile0 = compileMillis();
      long compiles0 = CodegenMetrics.METRIC_COMPILATION_TIME().getCount();
      t0 = System.nanoTime();
      if (Boolean.getBoolean("probe.build")) {
        SourceScan.expressionGroups(
            spark,
            source,
            layouts.get(source.name()),
            settings.run(),
            spark.sparkContext().collectionAccumulator("probe"));
      }
      double build = (System.nanoTime() - t0) / 1e9;
      long cpu0 = os.getProcessCpuTime();
      t0 = System.nanoTime();
      SourceScan scan = SourceScan.run(spark, source, layouts.get(source.name()), settings.run());
      double run = (System.nanoTime() - t0) / 1e9;
      t0 = System.nanoTime();
      int quarantined = scan.quarantine().collectAsList().size();
      double quarantine = (System.nanoTime() - t0) / 1e9;
      scan.release();
      Thread.sleep(500);
      System.out.printf(
          "round %d: build plan %.2f s, run (plan+scan+accounting) %.2f s, quarantine %.2f s,"
              + " cpu %.2f s; rows %d, quarantined %d; %s; janino %d classes %.2f s%n",
          r,
          build,
          run,
          quarantine,
          (os.getProcessCpuTime() - cpu0) / 1e9,
          scan.quality().rowsRead(),
          quarantined,
          phases,
          CodegenMetrics.METRIC_COMPILATION_TIME().getCount() - compiles0,
          (compileMillis() - compile0) / 1000);
    }
    spark.stop();
  }

  private static double compileMillis() {
    long[] values = CodegenMetrics.METRIC_COMPILATION_TIME().getSnapshot().getValues();
    double sum = 0;
    for (long v : values) {
      sum += v;
    }
    return sum;
  }

  /** Spark's planning phases of every action, summed. */
  static final class Phases implements QueryExecutionListener {
    private final Map<String, AtomicLong> millis =
        new java.util.concurrent.ConcurrentSkipListMap<>();
    private final AtomicLong queries = new AtomicLong();
    private final AtomicLong execution = new AtomicLong();

    void reset() {
      millis.clear();
      queries.set(0);
      execution.set(0);
    }

    @Override
    public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
      add(qe, durationNs);
    }

    @Override
    public void onFailure(String funcName, QueryExecution qe, Exception exception) {
      add(qe, 0);
    }

    private void add(QueryExecution qe, long durationNs) {
      queries.incrementAndGet();
      execution.addAndGet(durationNs / 1_000_000);
      scala.jdk.javaapi.CollectionConverters.asJava(qe.tracker().phases())
          .forEach(
              (k, p) -> millis.computeIfAbsent(k, x -> new AtomicLong()).addAndGet(p.durationMs()));
    }

    @Override
    public String toString() {
      return queries + " actions, phases ms " + millis + ", action duration ms " + execution;
    }
  }
}

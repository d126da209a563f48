package io.socialkpi.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.FileUtils;

/** Runs the project's shell launchers as a user would, capturing exit code and output. */
final class Launchers {
  static final Path ROOT = Path.of("").toAbsolutePath();

  /**
   * The JVM options of every launched process ({@code SOCIALKPI_JAVA_OPTS}, and the stand-in
   * spark-submit's): a 2 GB heap, and only the first JIT tier: a run over test data ends before the
   * optimizing compiler's work pays back, which cuts a launched run's CPU time by about 40%.
   */
  static final String JAVA_OPTS = "-Xmx2g -XX:TieredStopAtLevel=1";

  record Result(int exitCode, String output) {}

  /** The README's run command on the sample data: its output folder and what it printed. */
  record SampleRun(Path output, Result result) {}

  /** The sample's run date in {@link #sampleRun()}. */
  static final String SAMPLE_DATE = "2025-12-31";

  /**
   * Two sources and one objective over {@link #generated()}, no report: for what the run does with
   * its output (RunFaultsIT: kills and locks, CatalogIT: the metastore), not the statistics.
   */
  static final String SMALL_CONFIG =
      """
      socialkpi {
        run { zone = "Europe/Helsinki", window = week }
        sources {
          page-insights {
            path = "social/page_insights.csv"
            time { column = date, pattern = "yyyy-MM-dd", zone = "America/Los_Angeles" }
            entity = region
            metrics {
              fans { column = page_fans, aggregate = last }
              engaged-users { column = engaged_users, aggregate = sum }
            }
          }
          orders {
            path = "business/orders.csv"
            time { column = ordered_at, pattern = "yyyy-MM-dd HH:mm:ss", zone = "Europe/Helsinki" }
            entity = region
            metrics { sales { column = amount, aggregate = sum, where { channel = online } } }
          }
        }
        objectives = [{
          id = market-share, outcome = orders.sales
          lead-indicators = [page-insights.fans, page-insights.engaged-users], lags = [0, 1]
          tactics = [{ id = campaign, launched = 2024-02-05 }]
        }]
        report.enabled = false
        spark.master = "local[2]"
      }
      """;

  /** The run date of {@link #smallRun()}. */
  static final String SMALL_DATE = "2026-01-01";

  private static SampleRun sampleRun;
  private static Path generated;
  private static SampleRun smallRun;

  private Launchers() {}

  static ProcessBuilder builder(Map<String, String> env, String... command) {
    ProcessBuilder pb =
        new ProcessBuilder(List.of(command)).directory(ROOT.toFile()).redirectErrorStream(true);
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().put("SOCIALKPI_JAVA_OPTS", JAVA_OPTS);
    pb.environment().putAll(env);
    return pb;
  }

  static Result run(Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    // Output goes to a file, not a pipe read here: reading a pipe to its end would wait for the
    // process however long it hangs, and the timeout below would never fire.
    Path log = Files.createTempFile("socialkpi-launch", ".log");
    try {
      long start = System.nanoTime();
      Process p = builder(env, command).redirectOutput(log.toFile()).start();
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new IllegalStateException(
            "timed out: " + String.join(" ", command) + "\n" + text(log));
      }
      // Each launch's time in the IT log: where the ITs' minutes go (docs/PERFORMANCE.md, "CI").
      System.out.printf(
          java.util.Locale.ROOT,
          "launched %s: exit %d in %.1f s%n",
          String.join(" ", command).replace(ROOT + "/", ""),
          p.exitValue(),
          (System.nanoTime() - start) / 1e9);
      return new Result(p.exitValue(), text(log));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /** A launcher's output as text; a malformed byte is shown as U+FFFD, never an exception. */
  private static String text(Path log) throws IOException {
    return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
  }

  /**
   * The pid of the Java that {@code launcher} (a jobs/socialkpi process) runs, waiting for it to
   * start: the launcher's own for a command it execs, its child for {@code run}, which it waits for
   * (and execs again with the optimising compiler for a large input). A lock names this pid.
   */
  static long javaPid(Process launcher) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline) {
      if (isJava(launcher.toHandle())) {
        return launcher.pid();
      }
      var child = launcher.children().filter(Launchers::isJava).findFirst();
      if (child.isPresent()) {
        return child.get().pid();
      }
      if (!launcher.isAlive()) {
        throw new IllegalStateException("the launcher ended before its Java started");
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("no Java under launcher " + launcher.pid());
  }

  /** A Java running socialkpi's Main (not the launcher's check of the class-data archive). */
  private static boolean isJava(ProcessHandle p) {
    return p.info().command().map(c -> c.endsWith("/java")).orElse(false)
        && p.info()
            .arguments()
            .map(a -> java.util.Arrays.asList(a).contains("io.socialkpi.cli.Main"))
            .orElse(false);
  }

  /** Starts {@code command} in the background, its output going to {@code log}. */
  static Process start(Path log, String... command) throws IOException {
    return builder(Map.of(), command).redirectOutput(log.toFile()).start();
  }

  /**
   * {@code jobs/socialkpi run --config sample-data/socialkpi.conf --run-date 2025-12-31}, once per
   * JVM: LaunchersIT checks what it printed and wrote, ReportBrowserIT opens its report.
   */
  static synchronized SampleRun sampleRun() throws IOException, InterruptedException {
    if (sampleRun == null) {
      Path out = temporaryFolder("socialkpi-sample-run").resolve("out");
      Result r =
          run(
              Map.of(),
              "jobs/socialkpi",
              "run",
              "--config",
              "sample-data/socialkpi.conf",
              "--output",
              out.toString(),
              "--run-date",
              SAMPLE_DATE);
      sampleRun = new SampleRun(out, r);
    }
    return sampleRun;
  }

  /**
   * A small generated company ({@code jobs/socialkpi generate --days 70}), once per JVM, shared by
   * RunFaultsIT and CatalogIT. Read only: each writes its own config file next to the data.
   */
  static synchronized Path generated() throws IOException, InterruptedException {
    if (generated == null) {
      Path data = temporaryFolder("socialkpi-generated").resolve("data");
      Result gen =
          run(Map.of(), "jobs/socialkpi", "generate", "--out", data.toString(), "--days", "70");
      assertThat(gen.exitCode()).as(gen.output()).isZero();
      generated = data;
    }
    return generated;
  }

  /** {@link #SMALL_CONFIG} over {@link #generated()}, next to the data: {@code small.conf}. */
  static synchronized Path smallConfig() throws IOException, InterruptedException {
    Path config = generated().resolve("small.conf");
    if (!Files.exists(config)) {
      Files.writeString(config, SMALL_CONFIG);
    }
    return config;
  }

  /**
   * {@code jobs/socialkpi run} of {@link #smallConfig()} for {@link #SMALL_DATE}, once per JVM: the
   * reference tables RunFaultsIT (interrupted runs) and ClusterIT (a standalone cluster's) compare
   * with.
   */
  static synchronized SampleRun smallRun() throws IOException, InterruptedException {
    if (smallRun == null) {
      Path out = temporaryFolder("socialkpi-small-run").resolve("reference");
      Result r =
          run(
              Map.of(),
              "jobs/socialkpi",
              "run",
              "--config",
              smallConfig().toString(),
              "--output",
              out.toString(),
              "--run-date",
              SMALL_DATE);
      smallRun = new SampleRun(out, r);
    }
    return smallRun;
  }

  /** A new folder, deleted when the JVM exits. */
  private static Path temporaryFolder(String prefix) throws IOException {
    Path dir = Files.createTempDirectory(prefix);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> FileUtils.deleteQuietly(dir.toFile()), prefix));
    return dir;
  }

  /**
   * A stand-in Spark installation whose bin/spark-submit runs the real {@code
   * org.apache.spark.deploy.SparkSubmit} from Spark's jars (no Spark distribution can be downloaded
   * here), with the JVM options Spark's own launcher adds on Java 17.
   */
  static Path fakeSparkHome(Path dir) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    String opens = System.getProperty("spark.jvm.options", "");
    String script =
        "#!/usr/bin/env bash\n"
            + "exec java "
            + JAVA_OPTS
            + " "
            + opens
            + " -cp \""
            + ROOT.resolve("target/lib")
            + "/*\" "
            + "org.apache.spark.deploy.SparkSubmit \"$@\"\n";
    Path submit = bin.resolve("spark-submit");
    Files.writeString(submit, script);
    submit.toFile().setExecutable(true);
    return dir;
  }
}

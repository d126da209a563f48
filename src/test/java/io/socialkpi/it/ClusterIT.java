package io.socialkpi.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import io.socialkpi.output.Table;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's cluster command for real: a Spark standalone Master and Worker on loopback (one
 * worker, 2 cores, 1 GB), the release jar submitted by {@code jobs/nightly-submit.sh} through a
 * SPARK_HOME holding only Spark's jars ({@link StandaloneCluster}), on the small generated company
 * (two sources, one objective: a cheap run, CI's time being short). Every table equals the local
 * run's ({@link Launchers#smallRun()}, shared with RunFaultsIT) to 1e-9, verdicts and all text
 * identical; the executor logs nothing at INFO; the run's tasks and files stay few (Spark's 200
 * shuffle partitions made about 16,000 tasks and 29 files per table of the sample).
 */
class ClusterIT {
  /** Most tasks of the run (measured: 41; with 200 shuffle partitions thousands). */
  static final int MAX_TASKS = 150;

  /** Parquet files in each table's partition: one (the window metrics had one per core). */
  static final int MAX_FILES_PER_TABLE = 1;

  @TempDir Path dir;

  @Test
  void nightlySubmitOnAStandaloneClusterWritesTheLocalRunsTables() throws Exception {
    Launchers.SampleRun local = Launchers.smallRun();
    assertThat(local.result().exitCode()).as(local.result().output()).isZero();
    LocalDate date = LocalDate.parse(Launchers.SMALL_DATE);
    Path out = dir.resolve("cluster-out");
    Path events = Files.createDirectories(dir.resolve("events"));

    // The release jar, by its versioned name (target/socialkpi-job.jar is a copy).
    String version = System.getProperty("socialkpi.version");
    Path jar = Launchers.ROOT.resolve("target/socialkpi-job-" + version + ".jar");
    try (JarFile j = new JarFile(jar.toFile())) {
      assertThat(j.getManifest().getMainAttributes().getValue("Implementation-Version"))
          .isEqualTo(version);
    }
    assertThat(Files.mismatch(jar, Launchers.ROOT.resolve("target/socialkpi-job.jar")))
        .isEqualTo(-1);

    long t0 = System.nanoTime();
    try (StandaloneCluster cluster = StandaloneCluster.start(dir.resolve("cluster"), 2, "1200m")) {
      long up = System.nanoTime();
      Launchers.Result r =
          Launchers.run(
              Map.of(
                  "SPARK_HOME",
                  cluster.sparkHome.toString(),
                  "SPARK_MASTER",
                  cluster.masterUrl(),
                  "SOCIALKPI_JAR",
                  jar.toString(),
                  "SOCIALKPI_DRIVER_MEMORY",
                  "1500m",
                  "SOCIALKPI_SUBMIT_ARGS",
                  "--executor-memory 1g --total-executor-cores 2"
                      // Only the first JIT tier, as for every launched run (Launchers.JAVA_OPTS):
                      // a test run ends before the optimizing compiler pays back.
                      + " --conf spark.driver.defaultJavaOptions=-XX:TieredStopAtLevel=1"
                      + " --conf spark.executor.defaultJavaOptions=-XX:TieredStopAtLevel=1"
                      + " --conf spark.eventLog.enabled=true"
                      + " --conf spark.eventLog.compress=false"
                      + " --conf spark.eventLog.dir="
                      + events.toUri()),
              "jobs/nightly-submit.sh",
              "--config",
              Launchers.smallConfig().toString(),
              "--output",
              out.toString(),
              "--run-date",
              Launchers.SMALL_DATE);
      long done = System.nanoTime();
      Map<String, Long> counts = eventCounts(events);
      Map<String, Long> files = new LinkedHashMap<>();
      for (Table t : Table.values()) {
        Path partition = out.resolve(t.tableName()).resolve("run_date=" + date);
        if (Files.isDirectory(partition)) {
          try (Stream<Path> s = Files.walk(partition)) {
            files.put(t.tableName(), s.filter(p -> p.toString().endsWith(".parquet")).count());
          }
        }
      }
      System.out.printf(
          Locale.ROOT,
          "ClusterIT: cluster up in %.1f s, nightly-submit.sh ran %.1f s; %s; parquet files %s%n",
          (up - t0) / 1e9,
          (done - up) / 1e9,
          counts,
          files);
      assertThat(r.exitCode()).as(r.output()).isZero();
      assertThat(r.output())
          .contains("master " + cluster.masterUrl())
          .contains("tables under " + out)
          .doesNotContain(" INFO ");

      PublishedTables.assertSame(SparkTestSession.get(), local.output(), out, date, 1e-9);

      assertThat(counts.get("tasks")).isPositive().isLessThanOrEqualTo(MAX_TASKS);
      assertThat(files.values())
          .allSatisfy(n -> assertThat(n).isBetween(1L, (long) MAX_FILES_PER_TABLE));

      List<Path> stderr = executorLogs(cluster.workDir, "stderr");
      assertThat(stderr).as("executor stderr under %s", cluster.workDir).isNotEmpty();
      for (Path log : stderr) {
        assertThat(Files.readAllLines(log, StandardCharsets.UTF_8))
            .as("%s: the executor logs at WARN (jobs/log4j2.properties)", log)
            .noneMatch(line -> line.matches(".* INFO .*"));
      }
    }
  }

  /** Each executor's {@code name} file under a Worker's work folder (app-ID/EXECUTOR/name). */
  static List<Path> executorLogs(Path workDir, String name) throws Exception {
    try (Stream<Path> s = Files.walk(workDir)) {
      return s.filter(p -> p.getFileName().toString().equals(name)).toList();
    }
  }

  /** Jobs, stages and tasks that ran, from the application's event log (one file or rolled). */
  static Map<String, Long> eventCounts(Path events) throws Exception {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("jobs", 0L);
    counts.put("stages", 0L);
    counts.put("tasks", 0L);
    try (Stream<Path> logs = Files.walk(events)) {
      for (Path log : logs.filter(Files::isRegularFile).toList()) {
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
          if (line.startsWith("{\"Event\":\"SparkListenerJobEnd\"")) {
            counts.merge("jobs", 1L, Long::sum);
          } else if (line.startsWith("{\"Event\":\"SparkListenerStageCompleted\"")) {
            counts.merge("stages", 1L, Long::sum);
          } else if (line.startsWith("{\"Event\":\"SparkListenerTaskEnd\"")) {
            counts.merge("tasks", 1L, Long::sum);
          }
        }
      }
    }
    return counts;
  }
}

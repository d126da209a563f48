package io.socialkpi.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on loopback: a Master and one Worker, each its own JVM, started from a
 * temporary SPARK_HOME that holds only Spark's jars (target/spark-jars, the provided scope, plus
 * commons-math3, which Spark ships and the job uses too) and the launcher scripts a Spark
 * distribution has: {@code bin/spark-class} runs Spark's own {@code org.apache.spark.launcher.Main}
 * to build the command (the Java 17 module options, conf/spark-defaults.conf), as the real one
 * does, and {@code bin/spark-submit} calls it. {@link #close()} (and a shutdown hook, should the
 * test JVM exit first) kills the Worker, its executors and the Master.
 */
final class StandaloneCluster implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  final Path sparkHome;
  final Path workDir;
  private String masterUrl;
  private final List<Process> processes = new ArrayList<>();
  private final Thread hook = new Thread(this::kill, "standalone-cluster-kill");

  private StandaloneCluster(Path sparkHome, Path workDir) {
    this.sparkHome = sparkHome;
    this.workDir = workDir;
  }

  /** {@code spark://127.0.0.1:PORT}. */
  String masterUrl() {
    return masterUrl;
  }

  /** A Master and a Worker of {@code cores} cores and {@code memory} (e.g. "1200m") under dir. */
  static StandaloneCluster start(Path dir, int cores, String memory)
      throws IOException, InterruptedException {
    Path home = sparkHome(dir.resolve("spark"));
    Path work = Files.createDirectories(dir.resolve("work"));
    StandaloneCluster cluster = new StandaloneCluster(home, work);
    Runtime.getRuntime().addShutdownHook(cluster.hook);
    boolean started = false;
    try {
      Path masterLog = dir.resolve("master.log");
      cluster.launch(
          masterLog,
          "org.apache.spark.deploy.master.Master",
          "--host",
          "127.0.0.1",
          "--port",
          "0",
          "--webui-port",
          "0");
      Matcher m =
          cluster.await(masterLog, Pattern.compile("Starting Spark master at (spark://\\S+)"));
      cluster.masterUrl = m.group(1);
      Path workerLog = dir.resolve("worker.log");
      cluster.launch(
          workerLog,
          "org.apache.spark.deploy.worker.Worker",
          "--host",
          "127.0.0.1",
          "--cores",
          Integer.toString(cores),
          "--memory",
          memory,
          "--webui-port",
          "0",
          "--work-dir",
          work.toString(),
          cluster.masterUrl);
      cluster.await(workerLog, Pattern.compile("Successfully registered with master"));
      started = true;
      return cluster;
    } finally {
      if (!started) {
        cluster.close();
      }
    }
  }

  /**
   * A SPARK_HOME as a Spark 4 distribution lays it out, enough for spark-submit and for a Worker to
   * build its executors' command: jars/, a RELEASE file, and bin/spark-class and bin/spark-submit.
   */
  static Path sparkHome(Path home) throws IOException {
    Path jars = Files.createDirectories(home.resolve("jars"));
    List<Path> sources = new ArrayList<>();
    try (Stream<Path> s = Files.list(Launchers.ROOT.resolve("target/spark-jars"))) {
      s.forEach(sources::add);
    }
    try (Stream<Path> s = Files.list(Launchers.ROOT.resolve("target/lib"))) {
      s.filter(p -> p.getFileName().toString().startsWith("commons-math3-")).forEach(sources::add);
    }
    if (sources.isEmpty()) {
      throw new IllegalStateException("no jars in target/spark-jars: run mvn verify");
    }
    for (Path jar : sources) {
      Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar);
    }
    Files.writeString(home.resolve("RELEASE"), "Spark 4.2.0 (socialkpi ClusterIT)\n");
    Path bin = Files.createDirectories(home.resolve("bin"));
    // Spark's bin/spark-class, shortened: its launcher prints the command, NUL-separated, then
    // the launcher's exit code.
    executable(
        bin.resolve("spark-class"),
        """
        #!/usr/bin/env bash
        set -uo pipefail
        export SPARK_HOME="$(cd "$(dirname "$0")/.." && pwd)"
        export SPARK_SCALA_VERSION=2.13
        RUNNER="${JAVA_HOME:+$JAVA_HOME/bin/}java"
        CMD=()
        DELIM=$'\\n'
        STARTED=false
        while IFS= read -d "$DELIM" -r ARG; do
          if [ "$STARTED" = true ]; then CMD+=("$ARG")
          elif [ "$ARG" = $'\\0' ]; then DELIM=''; STARTED=true
          elif [ -n "$ARG" ]; then echo "$ARG"; fi
        done < <(
          "$RUNNER" -Xmx128m -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main "$@"
          printf '%d\\0' $?)
        LAST=$((${#CMD[@]} - 1))
        if [ "$LAST" -lt 0 ] || [ "${CMD[$LAST]}" != 0 ]; then exit 1; fi
        exec "${CMD[@]:0:$LAST}"
        """);
    executable(
        bin.resolve("spark-submit"),
        """
        #!/usr/bin/env bash
        exec "$(dirname "$0")/spark-class" org.apache.spark.deploy.SparkSubmit "$@"
        """);
    return home;
  }

  private static void executable(Path file, String script) throws IOException {
    Files.writeString(file, script);
    if (!file.toFile().setExecutable(true)) {
      throw new IOException("cannot make " + file + " executable");
    }
  }

  private void launch(Path log, String mainClass, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("-XX:TieredStopAtLevel=1");
    for (String o : System.getProperty("spark.jvm.options", "").split(" ", -1)) {
      if (!o.isBlank()) {
        cmd.add(o);
      }
    }
    cmd.add("-cp");
    cmd.add(sparkHome.resolve("jars") + "/*");
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(sparkHome.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().put("SPARK_HOME", sparkHome.toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    processes.add(pb.start());
  }

  /** Waits for a line matching {@code p} in {@code log}; fails if a process exits first. */
  private Matcher await(Path log, Pattern p) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
      Matcher m = p.matcher(text);
      if (m.find()) {
        return m;
      }
      for (Process proc : processes) {
        if (!proc.isAlive()) {
          throw new IllegalStateException(
              "a cluster process exited (" + proc.exitValue() + "); " + log + ":\n" + text);
        }
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "no '" + p + "' in " + log + " after " + START_TIMEOUT + ":\n" + Files.readString(log));
  }

  /** The Worker first (with its executors), then the Master; each with whatever it started. */
  private void kill() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process p = processes.get(i);
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    for (Process p : processes) {
      try {
        p.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    kill();
    // The links to target/spark-jars, so that deleting the folder never follows one.
    try (Stream<Path> links = Files.list(sparkHome.resolve("jars"))) {
      for (Path link : links.toList()) {
        Files.delete(link);
      }
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
  }
}

package io.socialkpi.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import io.socialkpi.output.Table;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jobs/socialkpi run} as separate processes on a small generated data set: a run killed
 * (SIGKILL) while it writes, and again while it publishes, then rerun, gives the same tables as an
 * uninterrupted run and leaves an older run date byte for byte as it was; two runs of the same date
 * started at once give one result and one clear refusal.
 */
class RunFaultsIT {
  static final LocalDate OLD = LocalDate.of(2025, 12, 31);
  static final LocalDate DATE = LocalDate.parse(Launchers.SMALL_DATE);

  @TempDir static Path dir;
  static Path config;
  static Path reference;

  @BeforeAll
  static void generateAndRunOnce() throws Exception {
    config = Launchers.smallConfig();
    Launchers.SampleRun ref = Launchers.smallRun();
    assertThat(ref.result().exitCode()).as(ref.result().output()).isZero();
    reference = ref.output();
  }

  static String[] run(Path out, LocalDate date) {
    return new String[] {
      "jobs/socialkpi",
      "run",
      "--config",
      config.toString(),
      "--output",
      out.toString(),
      "--run-date",
      date.toString()
    };
  }

  /** Starts a run in the background, its output going to {@code log}. */
  static Process start(Path out, LocalDate date, Path log) throws IOException {
    return Launchers.start(log, run(out, date));
  }

  /**
   * An older run date in {@code out}: the reference's partitions and manifest, copied under {@code
   * OLD} (what a finished run of that date leaves), without a second uninterrupted run.
   */
  static void olderRunDate(Path out) throws IOException {
    for (Table t : Table.values()) {
      FileUtils.copyDirectory(
          reference.resolve(t.tableName()).resolve("run_date=" + DATE).toFile(),
          out.resolve(t.tableName()).resolve("run_date=" + OLD).toFile());
    }
    Files.createDirectories(out.resolve("_runs"));
    Files.copy(
        reference.resolve("_runs/run_date=" + DATE + ".json"),
        out.resolve("_runs/run_date=" + OLD + ".json"));
  }

  /**
   * Kills {@code p} (and anything it started) with SIGKILL as soon as {@code when} holds; returns
   * the pid of its Java, which the lock it leaves names.
   */
  static long killWhen(Process p, Predicate<Path> when, Path out) throws Exception {
    long java = Launchers.javaPid(p);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (!when.test(out)) {
      assertThat(p.isAlive()).as("the run ended before the kill point").isTrue();
      assertThat(System.nanoTime()).as("kill point reached in time").isLessThan(deadline);
      Thread.sleep(10);
    }
    List<ProcessHandle> descendants = p.descendants().toList();
    descendants.forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as("killed, not finished").isEqualTo(137);
    // The run's Java is the launcher's child: gone too before the next run looks at its lock.
    for (ProcessHandle d : descendants) {
      d.onExit().get(1, TimeUnit.MINUTES);
    }
    return java;
  }

  /** The first table is completely staged: the write stage has begun. */
  static boolean staging(Path out) {
    File[] runs = out.resolve("_staging").toFile().listFiles();
    return runs != null
        && Stream.of(runs).anyMatch(r -> new File(r, "window_metrics/_SUCCESS").exists());
  }

  static boolean publishing(Path log) {
    try {
      return Files.exists(log)
          && Files.readString(log, StandardCharsets.UTF_8).contains("socialkpi: publishing tables");
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void aRunKilledWhileWritingAndWhilePublishingIsRepairedByTheRerun() throws Exception {
    Path out = dir.resolve("killed");
    olderRunDate(out);
    Map<String, String> olderDate = PublishedTables.fingerprint(out, OLD);
    assertThat(olderDate).hasSizeGreaterThan(7 * 2);

    Process first = start(out, DATE, dir.resolve("first.log"));
    long firstJava = killWhen(first, RunFaultsIT::staging, out);
    assertThat(out.resolve("_locks/run_date=" + DATE + ".lock")).exists();
    assertThat(out.resolve("window_metrics/run_date=" + DATE)).doesNotExist();
    assertThat(out.resolve("_runs/run_date=" + DATE + ".json")).doesNotExist();

    Path secondLog = dir.resolve("second.log");
    Process second = start(out, DATE, secondLog);
    long secondJava = killWhen(second, o -> publishing(secondLog), out);
    String log = Files.readString(secondLog);
    assertThat(log)
        .contains("took over the stale lock of pid " + firstJava)
        .contains("its process " + firstJava + " on this machine is gone")
        .containsPattern("removed \\S+/_staging/" + DATE + "-\\S+, left by a run of " + DATE);
    // Wherever the second kill landed, a partition that is there is complete: the reference's
    // rows. With the date's manifest there, every table is.
    int present = PublishedTables.assertSamePresent(SparkTestSession.get(), reference, out, DATE);
    boolean manifest = Files.exists(out.resolve("_runs/run_date=" + DATE + ".json"));
    if (manifest) {
      assertThat(present).isEqualTo(7);
    }
    System.out.printf(
        "RunFaultsIT: killed while publishing with %d of 7 tables in place, manifest %s%n",
        present, manifest ? "written" : "missing");

    Launchers.Result last = Launchers.run(Map.of(), run(out, DATE));
    assertThat(last.exitCode()).as(last.output()).isZero();
    assertThat(last.output()).contains("took over the stale lock of pid " + secondJava);

    PublishedTables.assertSame(SparkTestSession.get(), reference, out, DATE);
    assertThat(PublishedTables.fingerprint(out, OLD)).isEqualTo(olderDate);
    assertThat(out.resolve("_staging")).doesNotExist();
    assertThat(out.resolve("_locks/run_date=" + DATE + ".lock")).doesNotExist();
    assertThat(Files.readString(out.resolve("_runs/run_date=" + DATE + ".json")))
        .contains("\"complete\" : true");
  }

  @Test
  void twoRunsOfTheSameDateStartedAtOnceGiveOneResultAndOneRefusal() throws Exception {
    Path out = dir.resolve("raced");
    List<Path> logs = List.of(dir.resolve("a.log"), dir.resolve("b.log"));
    List<Process> runs = List.of(start(out, DATE, logs.get(0)), start(out, DATE, logs.get(1)));
    List<Long> javas = List.of(Launchers.javaPid(runs.get(0)), Launchers.javaPid(runs.get(1)));
    for (Process p : runs) {
      assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
    }
    int winner = runs.get(0).exitValue() == 0 ? 0 : 1;
    Process won = runs.get(winner);
    Process lost = runs.get(1 - winner);
    String lostLog = Files.readString(logs.get(1 - winner));
    assertThat(won.exitValue()).as(Files.readString(logs.get(winner))).isZero();
    assertThat(lost.exitValue()).as(lostLog).isEqualTo(4);
    assertThat(lostLog)
        .contains(
            "socialkpi: run locked: "
                + out.resolve("_locks/run_date=" + DATE + ".lock")
                + " is held by another run of the same run date: pid "
                + javas.get(winner)
                + " on host ")
        .contains("(process started 20")
        .contains(", holding it since 20")
        .doesNotContain("starting Spark");
    PublishedTables.assertSame(SparkTestSession.get(), reference, out, DATE);
    assertThat(out.resolve("_staging")).doesNotExist();
    assertThat(out.resolve("_locks/run_date=" + DATE + ".lock")).doesNotExist();
  }

  /**
   * A run's Java is the launcher's child (it may be started again with the optimising compiler): a
   * SIGKILL of the launcher alone, as a scheduler kills the process it started, ends it too, before
   * it publishes, and the next run takes the date over.
   */
  @Test
  void aRunWhoseLauncherAloneIsKilledEndsAndTheRerunTakesOver() throws Exception {
    Path out = dir.resolve("launcher-killed");
    Path log = dir.resolve("launcher-killed.log");
    Process p = start(out, DATE, log);
    long java = Launchers.javaPid(p);
    Path lock = out.resolve("_locks/run_date=" + DATE + ".lock");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (!Files.exists(lock)) {
      assertThat(p.isAlive()).as("the run ended before it locked").isTrue();
      assertThat(System.nanoTime()).as("locked in time").isLessThan(deadline);
      Thread.sleep(10);
    }
    p.destroyForcibly();
    assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
    var handle = ProcessHandle.of(java);
    if (handle.isPresent()) {
      handle.get().onExit().get(1, TimeUnit.MINUTES);
    }
    assertThat(out.resolve("_runs/run_date=" + DATE + ".json"))
        .as("published by a Java that outlived its launcher")
        .doesNotExist();

    Launchers.Result rerun = Launchers.run(Map.of(), run(out, DATE));
    assertThat(rerun.exitCode()).as(rerun.output()).isZero();
    PublishedTables.assertSame(SparkTestSession.get(), reference, out, DATE);
  }
}

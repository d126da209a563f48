package io.socialkpi.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialkpi.SparkTestSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that dies at every possible point of publishing (before each create, mkdirs, rename and
 * delete in turn): no table ever holds part of a partition, a manifest is only there when every
 * table is from its run, the older run date is untouched, and recovery plus the rerun publish the
 * rerun's tables completely.
 */
class PublishCrashTest {
  static final LocalDate OLD = LocalDate.of(2025, 12, 31);
  static final LocalDate DATE = LocalDate.of(2026, 1, 1);
  static final List<Table> TABLES = List.of(Table.CORRELATIONS, Table.DATA_QUALITY, Table.RUN_INFO);

  static SparkSession spark;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.get();
  }

  /** Stages every table with rows naming the run; returns each table's staged files. */
  static Map<Table, Map<String, String>> stage(RunWriter writer, Path out, String run) {
    Map<Table, Map<String, String>> staged = new TreeMap<>();
    for (Table t : TABLES) {
      writer.stageRows(t, spark.sql("SELECT '" + run + "' AS run, '" + t + "' AS t"), 1);
      staged.put(t, files(out.resolve("_staging/" + writer.runId() + "/" + t.tableName())));
    }
    return staged;
  }

  static Map<Table, Map<String, String>> publish(Path out, LocalDate date, String run) {
    RunWriter writer = new RunWriter(out.toString(), date, new Configuration());
    Map<Table, Map<String, String>> staged = stage(writer, out, run);
    writer.publish();
    return staged;
  }

  /** Every file under {@code root} by relative path, with its SHA-256; empty if it is missing. */
  static Map<String, String> files(Path root) {
    Map<String, String> files = new TreeMap<>();
    if (!Files.exists(root)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), sha256(Files.readAllBytes(p)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path partition(Path out, Table t, LocalDate date) {
    return out.resolve(t.tableName()).resolve("run_date=" + date);
  }

  /** Which run's complete partition {@code t} holds: "A", "B", or null when it has none. */
  static String holder(Path out, Table t, Map<String, Map<Table, Map<String, String>>> runs) {
    Map<String, String> now = files(partition(out, t, DATE));
    if (now.isEmpty()) {
      return null;
    }
    for (var run : runs.entrySet()) {
      if (sameFiles(now, run.getValue().get(t))) {
        return run.getKey();
      }
    }
    throw new AssertionError(t + " holds a partition that is no run's complete partition");
  }

  static boolean sameFiles(Map<String, String> a, Map<String, String> b) {
    return a.equals(b);
  }

  @Test
  void aRunKilledAtAnyPointOfPublishingLeavesNoPartialPartitionAndTheRerunRepairsIt()
      throws Exception {
    Path base = dir.resolve("base");
    publish(base, OLD, "old");
    Map<Table, Map<String, String>> a = publish(base, DATE, "A");
    Map<String, String> oldDate = olderDate(base);
    int crashPoints = 0;
    for (int k = 0; ; k++) {
      Path out = dir.resolve("crash-" + k);
      org.apache.commons.io.FileUtils.copyDirectory(base.toFile(), out.toFile());
      RunWriter b = new RunWriter(out.toString(), DATE, CrashingFileSystem.conf());
      Map<String, Map<Table, Map<String, String>>> runs = Map.of("A", a, "B", stage(b, out, "B"));
      CrashingFileSystem.crashAfter(k);
      try {
        b.publish();
        break; // k is past the last change: every crash point before it has been tried
      } catch (CrashingFileSystem.Crash crash) {
        crashPoints++;
      } finally {
        CrashingFileSystem.BUDGET.set(-1);
      }
      FileSystem fs = org.apache.hadoop.fs.FileSystem.getLocal(new Configuration());
      RunManifest manifest =
          RunManifest.read(fs, new org.apache.hadoop.fs.Path(out.toString()), DATE);
      // Without a manifest the date is being published; with one, every table is from its run.
      for (Table t : TABLES) {
        String run = holder(out, t, runs);
        if (manifest != null) {
          String expected = manifest.runId().equals(b.runId()) ? "B" : "A";
          assertThat(run)
              .as("crash %d: %s under %s's manifest", k, t, expected)
              .isEqualTo(expected);
        }
      }
      assertThat(olderDate(out)).as("crash %d", k).isEqualTo(oldDate);

      boolean leftStaging = Files.exists(out.resolve("_staging/" + b.runId()));
      List<String> notes = RunRecovery.recover(out.toString(), DATE, new Configuration());
      assertThat(notes.stream().anyMatch(n -> n.startsWith("removed ")))
          .as("crash %d: %s", k, notes)
          .isEqualTo(leftStaging);
      assertThat(out.resolve("_staging")).doesNotExist();
      for (Table t : TABLES) {
        assertThat(holder(out, t, runs)).as("crash %d: %s after recovery", k, t).isNotNull();
      }
      Map<Table, Map<String, String>> c = publish(out, DATE, "C");
      for (Table t : TABLES) {
        assertThat(sameFiles(files(partition(out, t, DATE)), c.get(t))).as("%s", t).isTrue();
      }
      assertThat(RunManifest.read(fs, new org.apache.hadoop.fs.Path(out.toString()), DATE).tables())
          .containsExactly("correlations", "data_quality", "run_info");
      assertThat(olderDate(out)).isEqualTo(oldDate);
    }
    assertThat(crashPoints).isGreaterThan(2 * TABLES.size());
  }

  /** Bytes of the older run date: its partitions and manifest. */
  static Map<String, String> olderDate(Path out) {
    Map<String, String> all = new TreeMap<>();
    for (Table t : TABLES) {
      files(partition(out, t, OLD)).forEach((k, v) -> all.put(t + "/" + k, v));
    }
    files(out.resolve("_runs"))
        .forEach(
            (k, v) -> {
              if (k.contains(OLD.toString())) {
                all.put("_runs/" + k, v);
              }
            });
    return all;
  }

  @Test
  void theCrashingFileSystemStopsAtTheGivenChange() {
    CrashingFileSystem.crashAfter(0);
    try {
      assertThatThrownBy(
              () ->
                  org.apache.hadoop.fs.FileSystem.get(CrashingFileSystem.conf())
                      .mkdirs(new org.apache.hadoop.fs.Path(dir.resolve("x").toString())))
          .isInstanceOf(CrashingFileSystem.Crash.class)
          .hasMessageStartingWith("simulated crash before mkdirs");
      assertThat(dir.resolve("x")).doesNotExist();
    } finally {
      CrashingFileSystem.BUDGET.set(-1);
    }
  }
}

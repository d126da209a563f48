package io.socialkpi.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command on the committed sample data, and the same job through spark-submit
 * (jobs/nightly-submit.sh with the job jar), as a user and a cluster would run them.
 */
class LaunchersIT {
  static final List<String> TABLES =
      List.of(
          "window_metrics",
          "correlations",
          "intervention_effects",
          "objective_summary",
          "data_quality",
          "quarantine");

  @TempDir Path dir;

  /** The run is shared with ReportBrowserIT, which opens its report: one launch for both. */
  @Test
  void localLauncherRunsTheSampleAndSaysWhereTheTablesWent() throws Exception {
    Launchers.SampleRun sample = Launchers.sampleRun();
    Path out = sample.output();
    Launchers.Result r = sample.result();
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output())
        .contains("socialkpi: reading 8 sources")
        .contains("orders")
        .contains("quarantined")
        .contains("tables under " + out);
    for (String t : TABLES) {
      assertThat(out.resolve(t).resolve("run_date=" + Launchers.SAMPLE_DATE)).isDirectory();
    }
    assertThat(r.output()).doesNotContain(" INFO ").doesNotContain("optimising compiler");
  }

  /**
   * A run whose input is over the quick compiler's limit (lowered here to 1 KB) stops before the
   * lock and Spark with exit code 10, and the launcher starts it again with both compilers, once.
   */
  @Test
  void localLauncherRestartsALargeRunWithTheOptimisingCompiler() throws Exception {
    Path out = dir.resolve("restarted");
    Launchers.Result r =
        Launchers.run(
            Map.of(
                "SOCIALKPI_JAVA_OPTS",
                Launchers.JAVA_OPTS + " -Dsocialkpi-launcher.quick-compiler-max-input-bytes=1024"),
            "jobs/socialkpi",
            "run",
            "--config",
            "sample-data/socialkpi.conf",
            "--output",
            out.toString(),
            "--run-date",
            Launchers.SAMPLE_DATE);
    assertThat(r.exitCode()).as(r.output()).isZero();
    String restart = "of input: starting again with Java's optimising compiler";
    assertThat(r.output()).containsOnlyOnce(restart).containsOnlyOnce("socialkpi: locked run date");
    assertThat(r.output().indexOf(restart)).isLessThan(r.output().indexOf("locked run date"));
    for (String t : TABLES) {
      assertThat(out.resolve(t).resolve("run_date=" + Launchers.SAMPLE_DATE)).isDirectory();
    }
  }

  /** The launcher passes inspect through: a real export's block, and exit code 2 for no file. */
  @Test
  void localLauncherInspectsAnExport() throws Exception {
    String file =
        "src/test/resources/exports/x-tweet-activity/"
            + "tweet_activity_metrics_rOpenSci_20210301_20210401_en.csv";
    Launchers.Result r = Launchers.run(Map.of(), "jobs/socialkpi", "inspect", file);
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output())
        .contains("# jobs/socialkpi inspect " + Launchers.ROOT.resolve(file))
        .contains("preset = x-tweet-activity\n")
        .doesNotContain(" INFO ");
    Launchers.Result missing =
        Launchers.run(Map.of(), "jobs/socialkpi", "inspect", dir.resolve("none.csv").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.output()).contains("socialkpi: inspect: " + dir.resolve("none.csv"));
  }

  @Test
  void nightlySubmitRunsTheJobJarThroughSparkSubmit() throws Exception {
    Path sparkHome = Launchers.fakeSparkHome(dir.resolve("spark"));
    Path out = dir.resolve("submitted");
    Launchers.Result r =
        Launchers.run(
            Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_MASTER", "local[2]"),
            "jobs/nightly-submit.sh",
            "--config",
            "sample-data/socialkpi.conf",
            "--output",
            out.toString(),
            "--run-date",
            "2025-12-30");
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains("master local[2]").contains("tables under " + out);
    for (String t : TABLES) {
      assertThat(out.resolve(t).resolve("run_date=2025-12-30")).isDirectory();
    }
  }

  @Test
  void nightlySubmitPassesOnTheConfigErrorExitCode() throws Exception {
    Path bad = dir.resolve("bad.conf");
    Files.writeString(
        bad,
        Files.readString(Path.of("sample-data/socialkpi.conf"))
            .replace("outcome = csat.score", "outcome = csat.scor")
            .replace("path = \"", "path = \"" + Launchers.ROOT.resolve("sample-data") + "/"));
    Path sparkHome = Launchers.fakeSparkHome(dir.resolve("spark"));
    Launchers.Result r =
        Launchers.run(
            Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_MASTER", "local[1]"),
            "jobs/nightly-submit.sh",
            "--config",
            bad.toString());
    assertThat(r.exitCode()).as(r.output()).isEqualTo(2);
    assertThat(r.output())
        .contains(bad + ":")
        .contains("socialkpi.objectives[0].outcome: unknown metric 'csat.scor'");
  }

  /** A missing or wrong SPARK_HOME is a usage error: exit code 2 and a message, as README says. */
  @Test
  void nightlySubmitNeedsSparkHome() throws Exception {
    Launchers.Result unset =
        Launchers.run(Map.of("SPARK_HOME", ""), "jobs/nightly-submit.sh", "--config", "x.conf");
    assertThat(unset.exitCode()).as(unset.output()).isEqualTo(2);
    assertThat(unset.output()).contains("nightly-submit: set SPARK_HOME");
    Path wrong = Files.createDirectories(dir.resolve("not-spark"));
    Launchers.Result noSubmit =
        Launchers.run(
            Map.of("SPARK_HOME", wrong.toString()), "jobs/nightly-submit.sh", "--config", "x.conf");
    assertThat(noSubmit.exitCode()).as(noSubmit.output()).isEqualTo(2);
    assertThat(noSubmit.output())
        .contains("nightly-submit: SPARK_HOME=" + wrong + " has no bin/spark-submit");
    Launchers.Result noJar =
        Launchers.run(
            Map.of(
                "SPARK_HOME",
                Launchers.fakeSparkHome(dir.resolve("spark")).toString(),
                "SOCIALKPI_JAR",
                dir.resolve("none.jar").toString()),
            "jobs/nightly-submit.sh",
            "--config",
            "x.conf");
    assertThat(noJar.exitCode()).as(noJar.output()).isEqualTo(2);
    assertThat(noJar.output()).contains(dir.resolve("none.jar") + " not found");
  }
}

package io.socialkpi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config keys of the fault handling: their defaults and every way to get them wrong. */
class FaultKeysTest {
  @TempDir Path dir;

  static final String SOURCE =
      """
      tickets {
        path = "tickets.csv"
        time { column = opened_at }
        metrics { incidents { aggregate = count } }
      }
      """;

  Settings load(String run, String sources) throws IOException {
    Path file = dir.resolve("job.conf");
    Files.writeString(file, "socialkpi {\n run {" + run + "}\n sources {" + sources + "}\n}\n");
    return SettingsLoader.load(file);
  }

  static String source(String csv, String extra, String metric) {
    return "t { path = \"t.csv\", csv { "
        + csv
        + " }, "
        + extra
        + "\n time { column = opened_at }\n metrics { m { "
        + metric
        + " } } }\n";
  }

  @Test
  void numberFormatLineLimitAndSignHaveSafeDefaults() throws IOException {
    SourceSpec t = load("", SOURCE).sources().get("tickets");
    assertThat(t.csv().decimalSeparator()).isEqualTo('.');
    assertThat(t.csv().groupingSeparator()).isNull();
    assertThat(t.csv().plainNumbers()).isTrue();
    assertThat(t.maxLineSize()).isEqualTo(1024 * 1024);
    assertThat(t.metrics().get(0).nonNegative()).isFalse();
  }

  @Test
  void aEuropeanNumberFormatAndASpaceSeparatorAreRead() throws IOException {
    SourceSpec t =
        load(
                "",
                source(
                    "delimiter = \";\", decimal-separator = \",\", grouping-separator = \" \"",
                    "max-line-size = 64KiB",
                    "column = n, non-negative = true"))
            .sources()
            .get("t");
    assertThat(t.csv().decimalSeparator()).isEqualTo(',');
    assertThat(t.csv().groupingSeparator()).isEqualTo(' ');
    assertThat(t.maxLineSize()).isEqualTo(64 * 1024);
    assertThat(t.metrics().get(0).nonNegative()).isTrue();
  }

  @Test
  void everyWrongFaultKeyIsReportedWithItsPath() {
    assertThatThrownBy(
            () ->
                load(
                    "",
                    source(
                        "decimal-separator = \"5\", grouping-separator = \"..\"",
                        "max-line-size = lots",
                        "aggregate = count, non-negative = true")))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("4 problems")
        .hasMessageContaining(
            "socialkpi.sources.t.csv.decimal-separator: '5' cannot separate digits; use '.' or"
                + " ','")
        .hasMessageContaining(
            "socialkpi.sources.t.csv.grouping-separator: expected one character other than"
                + " digits, signs, 'e' and the decimal separator '.', found '..'")
        .hasMessageContaining(
            "socialkpi.sources.t.max-line-size: expected a size such as 1MiB or 500KiB")
        .hasMessageContaining(
            "socialkpi.sources.t.metrics.m.non-negative: needs a column: a count of rows is never"
                + " negative");
  }

  @Test
  void theSeparatorsMustDifferAndTheLineLimitFitInMemory() {
    assertThatThrownBy(
            () ->
                load(
                    "",
                    source(
                        "decimal-separator = \",\", grouping-separator = \",\"",
                        "max-line-size = 3GiB",
                        "column = n")))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining(
            "socialkpi.sources.t.csv.grouping-separator: expected one character other than"
                + " digits, signs, 'e' and the decimal separator ',', found ','")
        .hasMessageContaining(
            "socialkpi.sources.t.max-line-size: expected at most 2GiB, found 3221225472 bytes");
  }

  @Test
  void theLockIsStaleAfterTenMinutesWithoutHeartbeatUnlessConfigured() throws IOException {
    assertThat(load("", SOURCE).run().lockStaleAfter()).isEqualTo(Duration.ofMinutes(10));
    assertThat(load("lock-stale-after = 90m", SOURCE).run().lockStaleAfter())
        .isEqualTo(Duration.ofMinutes(90));
  }

  @Test
  void aLockTimeoutMustBeAPositiveDuration() throws IOException {
    assertThatThrownBy(() -> load("lock-stale-after = soon", SOURCE))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("job.conf:2: socialkpi.run.lock-stale-after: expected a duration");
    assertThatThrownBy(() -> load("lock-stale-after = 0s", SOURCE))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining(
            "socialkpi.run.lock-stale-after: expected a positive duration, found PT0S");
    // 1ms was accepted: a heartbeat every millisecond, and any other run took the live lock over
    assertThatThrownBy(() -> load("lock-stale-after = 1ms", SOURCE))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining(
            "job.conf:2: socialkpi.run.lock-stale-after: expected at least 10s (the lease a live"
                + " run must renew), found PT0.001S");
    assertThat(load("lock-stale-after = 10s", SOURCE).run().lockStaleAfter())
        .isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void everyRunIsKeptUnlessKeepRunsIsAWholeNumberFromOne() throws IOException {
    assertThat(load("", SOURCE).run().keepRuns()).isZero();
    assertThat(load("keep-runs = 30", SOURCE).run().keepRuns()).isEqualTo(30);
    for (String bad : List.of("0", "-1", "2.5", "all")) {
      assertThatThrownBy(() -> load("keep-runs = " + bad, SOURCE))
          .isInstanceOf(ConfigError.class)
          .hasMessageContaining(
              "job.conf:2: socialkpi.run.keep-runs: expected a whole number of runs, 1 or more"
                  + " (null keeps every run), found "
                  + bad);
    }
  }
}

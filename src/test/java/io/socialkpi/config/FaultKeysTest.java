package io.socialkpi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

  @Test
  void theLockIsStaleAfterADayUnlessConfigured() throws IOException {
    assertThat(load("", SOURCE).run().lockStaleAfter()).isEqualTo(Duration.ofHours(24));
    assertThat(load("lock-stale-after = 90m", SOURCE).run().lockStaleAfter())
        .isEqualTo(Duration.ofMinutes(90));
  }

  @Test
  void aLockTimeoutMustBeAPositiveDuration() {
    assertThatThrownBy(() -> load("lock-stale-after = soon", SOURCE))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("job.conf:2: socialkpi.run.lock-stale-after: expected a duration");
    assertThatThrownBy(() -> load("lock-stale-after = 0s", SOURCE))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining(
            "socialkpi.run.lock-stale-after: expected a positive duration, found PT0S");
  }
}

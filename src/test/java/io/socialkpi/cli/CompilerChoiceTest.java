package io.socialkpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a run asks the launcher for Java's optimising compiler; LaunchersIT runs the restart. */
class CompilerChoiceTest {
  @AfterEach
  void clearProperties() {
    System.clearProperty(CompilerChoice.PROPERTY);
    System.clearProperty(CompilerChoice.MAX_BYTES_PROPERTY);
  }

  @Test
  void withoutTheLaunchersPropertyNoInputAsksForARestart() {
    assertThat(CompilerChoice.restartWithOptimisingCompiler(Long.MAX_VALUE)).isFalse();
  }

  @Test
  void underTheLauncherOnlyAnInputLargerThanTheLimitAsks() {
    System.setProperty(CompilerChoice.PROPERTY, "true");
    long limit = CompilerChoice.QUICK_MAX_INPUT_BYTES;
    assertThat(CompilerChoice.restartWithOptimisingCompiler(0)).isFalse();
    assertThat(CompilerChoice.restartWithOptimisingCompiler(limit)).isFalse();
    assertThat(CompilerChoice.restartWithOptimisingCompiler(limit + 1)).isTrue();
  }

  /**
   * The launcher's properties stay out of the effective config: a run under jobs/socialkpi and one
   * through spark-submit of the same config hash alike (ClusterIT caught a socialkpi.* name).
   */
  @Test
  void theLaunchersPropertiesDoNotChangeTheConfigsHash(@TempDir Path dir) throws Exception {
    Path conf =
        Files.writeString(
            dir.resolve("job.conf"),
            "socialkpi.sources { t { path = \"t.csv\", time { column = d },"
                + " metrics { m { column = n } } } }\n");
    String without = SettingsLoader.load(conf).provenance().sha256();
    System.setProperty(CompilerChoice.PROPERTY, "true");
    System.setProperty(CompilerChoice.MAX_BYTES_PROPERTY, "1024");
    com.typesafe.config.ConfigFactory.invalidateCaches();
    try {
      Settings with = SettingsLoader.load(conf);
      assertThat(with.provenance().sha256()).isEqualTo(without);
      assertThat(with.provenance().canonical()).doesNotContain("quick-compiler");
    } finally {
      System.clearProperty(CompilerChoice.PROPERTY);
      System.clearProperty(CompilerChoice.MAX_BYTES_PROPERTY);
      com.typesafe.config.ConfigFactory.invalidateCaches();
    }
  }

  @Test
  void theLimitCanBeLoweredForATest() {
    System.setProperty(CompilerChoice.PROPERTY, "true");
    System.setProperty(CompilerChoice.MAX_BYTES_PROPERTY, "1000");
    assertThat(CompilerChoice.restartWithOptimisingCompiler(1000)).isFalse();
    assertThat(CompilerChoice.restartWithOptimisingCompiler(1001)).isTrue();
  }
}

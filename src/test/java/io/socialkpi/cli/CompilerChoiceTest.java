package io.socialkpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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

  @Test
  void theLimitCanBeLoweredForATest() {
    System.setProperty(CompilerChoice.PROPERTY, "true");
    System.setProperty(CompilerChoice.MAX_BYTES_PROPERTY, "1000");
    assertThat(CompilerChoice.restartWithOptimisingCompiler(1000)).isFalse();
    assertThat(CompilerChoice.restartWithOptimisingCompiler(1001)).isTrue();
  }
}

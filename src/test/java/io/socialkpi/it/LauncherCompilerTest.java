package io.socialkpi.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * jobs/socialkpi's choice of Java's compilers, on a copy of the launcher with a stand-in java that
 * prints its arguments and ends with the exit code the test asks for (LaunchersIT runs the real
 * restart).
 */
class LauncherCompilerTest {
  @TempDir Path dir;

  private static final String JAVA =
      """
      #!/usr/bin/env bash
      for a in "$@"; do [ "$a" = -version ] && exit 0; done
      quick=no
      for a in "$@"; do [ "$a" = -Dsocialkpi-launcher.quick-compiler=true ] && quick=yes; done
      printf 'java quick=%s:' $quick; printf ' [%s]' "$@"; echo
      [ $quick = yes ] && exit "$FIRST_EXIT"
      exit 0
      """;

  record Launch(int exitCode, String output) {}

  Launch launch(Map<String, String> env, String... args) throws Exception {
    Path root = LauncherCdsTest.sandbox(dir, JAVA);
    String[] command = new String[args.length + 1];
    command[0] = "jobs/socialkpi";
    System.arraycopy(args, 0, command, 1, args.length);
    ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
    pb.redirectErrorStream(true);
    pb.environment().put("JAVA_HOME", root.resolve("jdk").toString());
    pb.environment().put("SOCIALKPI_CDS", "off");
    pb.environment().remove("SOCIALKPI_COMPILER");
    pb.environment().remove("SOCIALKPI_JAVA_OPTS");
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Launch(p.waitFor(), out);
  }

  /** A config error, a data-quality failure, a lock held, anything else: the launcher's code. */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 143})
  void runsExitCodeIsTheLaunchersWithoutARestart(int code) throws Exception {
    Launch l = launch(Map.of("FIRST_EXIT", Integer.toString(code)), "run", "--config", "a b.conf");
    assertThat(l.exitCode()).as(l.output()).isEqualTo(code);
    assertThat(l.output()).containsOnlyOnce("java quick=");
  }

  @Test
  void exitCode10RestartsTheSameCommandOnceWithBothCompilers() throws Exception {
    Launch l =
        launch(Map.of("FIRST_EXIT", "10"), "run", "--config", "a b.conf", "--output", "it's");
    assertThat(l.exitCode()).as(l.output()).isZero();
    assertThat(l.output())
        .containsOnlyOnce("java quick=yes: [-XX:TieredStopAtLevel=1]")
        .containsOnlyOnce("java quick=no: [-Xmx4g]")
        .doesNotContain("quick=no: [-XX:TieredStopAtLevel=1]")
        .contains("[run] [--config] [a b.conf] [--output] [it's]");
  }

  /** A misspelt SOCIALKPI_COMPILER would otherwise mean both compilers for every command. */
  @Test
  void anUnknownCompilerChoiceIsRefused() throws Exception {
    Launch l = launch(Map.of("SOCIALKPI_COMPILER", "quik", "FIRST_EXIT", "0"), "run");
    assertThat(l.exitCode()).as(l.output()).isEqualTo(2);
    assertThat(l.output())
        .contains("SOCIALKPI_COMPILER='quik': use full, quick or auto")
        .doesNotContain("java quick=");
  }
}

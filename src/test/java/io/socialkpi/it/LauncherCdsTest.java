package io.socialkpi.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jobs/socialkpi's class-data archive handling, on a copy of the launcher with a stand-in java (its
 * {@code -version}, the archive check, takes a second, as a real one can).
 */
class LauncherCdsTest {
  @TempDir Path dir;

  Path sandbox() throws IOException {
    return sandbox(
        dir,
        """
        #!/usr/bin/env bash
        for a in "$@"; do [ "$a" = -version ] && { sleep 2; exit 0; }; done
        echo main ran
        """);
  }

  /**
   * A copy of jobs/socialkpi under {@code dir/root} with its jar up to date, and {@code javaScript}
   * as {@code dir/root/jdk/bin/java}.
   */
  static Path sandbox(Path dir, String javaScript) throws IOException {
    Path root = dir.resolve("root");
    Files.createDirectories(root.resolve("jobs"));
    Files.createDirectories(root.resolve("src/main"));
    Files.createDirectories(root.resolve("target/lib"));
    Path launcher = root.resolve("jobs/socialkpi");
    Files.copy(Launchers.ROOT.resolve("jobs/socialkpi"), launcher);
    launcher.toFile().setExecutable(true);
    FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
    Files.setLastModifiedTime(Files.writeString(root.resolve("src/main/A.java"), ""), old);
    Files.setLastModifiedTime(Files.writeString(root.resolve("pom.xml"), ""), old);
    Files.setLastModifiedTime(Files.writeString(root.resolve("target/socialkpi.jar"), ""), old);
    Path java = Files.createDirectories(root.resolve("jdk/bin")).resolve("java");
    Files.writeString(java, javaScript);
    java.toFile().setExecutable(true);
    return root;
  }

  @Test
  void twoLaunchesAtOnceBothRunWhenTheyFindTheSameFinishedArchive() throws Exception {
    Path root = sandbox();
    Files.writeString(root.resolve("target/socialkpi.jsa.12345"), "archive");
    List<Process> launches = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      ProcessBuilder pb =
          new ProcessBuilder("jobs/socialkpi", "run", "--config", "x.conf")
              .directory(root.toFile())
              .redirectErrorStream(true);
      pb.environment().put("JAVA_HOME", root.resolve("jdk").toString());
      pb.environment().remove("SOCIALKPI_CDS");
      launches.add(pb.start());
    }
    for (Process p : launches) {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor()).as(out).isZero();
      assertThat(out).isEqualTo("main ran\n");
    }
    assertThat(root.resolve("target/socialkpi.jsa")).hasContent("archive");
  }

  /**
   * A run restarted with the optimising compiler: the quick Java's archive (the few classes up to
   * the input check) is gone before the restarted Java runs, so a launch meanwhile cannot adopt it,
   * and the archive left is the restarted run's.
   */
  @Test
  void aLaunchDuringARestartedRunDoesNotAdoptTheQuickJavasArchive() throws Exception {
    Path root =
        sandbox(
            dir,
            """
            #!/usr/bin/env bash
            for a in "$@"; do [ "$a" = -version ] && exit 0; done
            quick=no; cmd=
            for a in "$@"; do
              case $a in -Dsocialkpi-launcher.quick-compiler=true) quick=yes ;; run | validate) cmd=$a ;; esac
            done
            # the restarted run: another launch starts while it runs
            if [ $cmd = run ] && [ $quick = no ]; then "$(dirname "$0")/../../jobs/socialkpi" validate; fi
            for a in "$@"; do
              case $a in -XX:ArchiveClassesAtExit=*) echo "$cmd quick=$quick" > "${a#*=}" ;; esac
            done
            echo "$cmd quick=$quick ran"
            [ $quick = yes ] && exit 10
            exit 0
            """);
    ProcessBuilder pb =
        new ProcessBuilder("jobs/socialkpi", "run", "--config", "x.conf")
            .directory(root.toFile())
            .redirectErrorStream(true);
    pb.environment().put("JAVA_HOME", root.resolve("jdk").toString());
    pb.environment().remove("SOCIALKPI_CDS");
    pb.environment().remove("SOCIALKPI_COMPILER");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    assertThat(out).contains("run quick=yes ran", "validate quick=no ran", "run quick=no ran");
    List<String> archives = new ArrayList<>();
    try (var files = Files.list(root.resolve("target"))) {
      for (Path f :
          files.filter(f -> f.getFileName().toString().startsWith("socialkpi.jsa")).toList()) {
        archives.add(f.getFileName() + ": " + Files.readString(f).strip());
      }
    }
    assertThat(archives)
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .matches("socialkpi\\.jsa\\.[0-9]+: run quick=no");
  }
}

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
import java.util.Map;
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
      launches.add(launch(root, Map.of()));
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
    String out = run(root, Map.of());
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

  /** A stand-in java that writes the archive it is asked to record, after a second's work. */
  static final String RECORDING_JAVA =
      """
      #!/usr/bin/env bash
      for a in "$@"; do [ "$a" = -version ] && exit 0; done
      sleep 1
      for a in "$@"; do
        case $a in -XX:ArchiveClassesAtExit=*) echo recorded > "${a#*=}" ;; esac
      done
      echo "main ran"
      """;

  /** {@code jobs/socialkpi run} in the sandbox, on the launcher's defaults but for {@code env}. */
  static Process launch(Path root, Map<String, String> env) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder("jobs/socialkpi", "run", "--config", "x.conf")
            .directory(root.toFile())
            .redirectErrorStream(true);
    pb.environment().put("JAVA_HOME", root.resolve("jdk").toString());
    pb.environment().remove("SOCIALKPI_CDS");
    pb.environment().remove("SOCIALKPI_COMPILER");
    pb.environment().putAll(env);
    return pb.start();
  }

  /** With the quick compiler: the launcher execs Java instead of waiting for it. */
  static Process launch(Path root) throws IOException {
    return launch(root, Map.of("SOCIALKPI_COMPILER", "quick"));
  }

  static List<String> archives(Path root) throws IOException {
    try (var files = Files.list(root.resolve("target"))) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.startsWith("socialkpi.jsa"))
          .toList();
    }
  }

  @Test
  void threeRunsStartedTogetherAfterABuildRecordOneArchive() throws Exception {
    Path root = sandbox(dir, RECORDING_JAVA);
    List<Process> launches = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      launches.add(launch(root));
    }
    int recording = 0;
    for (Process p : launches) {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor()).as(out).isZero();
      assertThat(out).endsWith("main ran\n");
      recording += out.contains("records Java's class-data archive") ? 1 : 0;
    }
    assertThat(recording).isEqualTo(1);
    // Recorded under the run's own name, or already adopted by a launch that started late.
    assertThat(archives(root)).singleElement().asString().startsWith("socialkpi.jsa");

    // The next launch adopts the archive and drops the marker, so a later build records again.
    Process next = launch(root);
    String out = new String(next.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(next.waitFor()).as(out).isZero();
    assertThat(out).isEqualTo("main ran\n");
    assertThat(archives(root)).containsExactly("socialkpi.jsa");
    assertThat(root.resolve("target/socialkpi-cds.recording")).doesNotExist();
  }

  /** A pid no process has: one of a process that has ended. */
  static long endedPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }

  /** {@link #launch(Path, Map)} to its end, which must be a success: what it printed. */
  static String run(Path root, Map<String, String> env) throws Exception {
    Process p = launch(root, env);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

  @Test
  void aMarkerWhoseRecordingProcessIsGoneIsTakenOverAndALiveOneIsRespected() throws Exception {
    Path root = sandbox(dir, RECORDING_JAVA);
    Path marker = root.resolve("target/socialkpi-cds.recording");
    Files.writeString(marker, endedPid() + "\n");
    // The default child path (the launcher waits for Java), unlike the exec path above.
    assertThat(run(root, Map.of())).contains("records Java's class-data archive");
    assertThat(archives(root)).singleElement().asString().startsWith("socialkpi.jsa.");

    // A recording under way (this JVM's pid stands in for its launcher) keeps a run from recording.
    Files.delete(root.resolve("target").resolve(archives(root).get(0)));
    Files.writeString(marker, ProcessHandle.current().pid() + "\n");
    assertThat(run(root, Map.of())).isEqualTo("main ran\n");
    assertThat(archives(root)).isEmpty();

    // The jar built again by Maven since the marker was written: a new build's run records.
    Files.setLastModifiedTime(marker, FileTime.from(Instant.parse("2019-01-01T00:00:00Z")));
    assertThat(run(root, Map.of())).contains("records Java's class-data archive");
  }

  /**
   * A finished archive that cannot be adopted (target/ read-only to this user; here a failing mv)
   * runs without one, as before the marker existed, and leaves a recording's marker alone.
   */
  @Test
  void anArchiveThatCannotBeAdoptedNeitherFailsTheRunNorDropsTheMarker() throws Exception {
    Path root = sandbox(dir, RECORDING_JAVA);
    Files.writeString(root.resolve("target/socialkpi.jsa.111"), "recorded");
    Path marker = root.resolve("target/socialkpi-cds.recording");
    String pid = ProcessHandle.current().pid() + "\n";
    Files.writeString(marker, pid);
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path mv = Files.writeString(bin.resolve("mv"), "#!/usr/bin/env bash\nexit 1\n");
    mv.toFile().setExecutable(true);
    String out = run(root, Map.of("PATH", bin + ":" + System.getenv("PATH")));
    assertThat(out).isEqualTo("main ran\n");
    assertThat(marker).hasContent(pid.strip());
    assertThat(archives(root)).containsExactly("socialkpi.jsa.111");
  }
}

package io.socialkpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.output.LockHolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} and the run lock: a live holder makes the run exit 4 before it writes anything, with
 * the lock file and the holder in the message; a dead holder's lock is taken over and said so.
 */
class RunLockExitTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream oldErr;
  private PrintStream oldOut;

  @BeforeEach
  void capture() throws IOException {
    oldErr = System.err;
    oldOut = System.out;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    Files.writeString(
        dir.resolve("tickets.csv"),
        "ticket_id,opened_at\n1,2024-01-01 10:00\n2,2024-01-09 09:00\n");
    Files.writeString(dir.resolve("job.conf"), MainTest.CONF);
  }

  @AfterEach
  void restore() {
    System.setErr(oldErr);
    System.setOut(oldOut);
  }

  Path lockFile() {
    return dir.resolve("out/_locks/run_date=2024-02-01.lock");
  }

  int run() {
    return Main.execute(
        "run",
        "--config",
        dir.resolve("job.conf").toString(),
        "--output",
        dir.resolve("out").toString(),
        "--run-date",
        "2024-02-01");
  }

  void plant(long pid, Instant processStart) throws IOException {
    LockHolder me = LockHolder.current(Instant.now());
    Files.createDirectories(lockFile().getParent());
    Files.writeString(
        lockFile(),
        new LockHolder(me.host(), pid, processStart, Instant.now(), me.bootId(), me.pidNamespace())
            .toText());
  }

  @Test
  void aLiveHolderMakesTheRunExitFourWithoutWritingAnything() throws IOException {
    LockHolder me = LockHolder.current(Instant.now());
    plant(me.pid(), me.processStart());
    assertThat(run()).isEqualTo(Main.LOCKED);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("socialkpi: run locked: ")
        .contains(lockFile().toString() + " is held by another run of the same run date: ")
        .contains("pid " + me.pid() + " on host " + me.host())
        .contains("process started " + me.processStart());
    try (var files = Files.list(dir.resolve("out"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("_locks");
    }
    assertThat(lockFile()).exists();
  }

  @Test
  void theLockOfADeadRunIsTakenOverAndReleasedAtTheEnd() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    assertThat(gone.waitFor(10, TimeUnit.SECONDS)).isTrue();
    plant(gone.pid(), Instant.parse("2024-02-01T02:00:00Z"));
    assertThat(run()).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("socialkpi: locked run date 2024-02-01: ")
        .contains("took over the stale lock of pid " + gone.pid())
        .contains("its process " + gone.pid() + " on this machine is gone");
    assertThat(lockFile()).doesNotExist();
    assertThat(dir.resolve("out/_runs/run_date=2024-02-01.json")).exists();
  }
}

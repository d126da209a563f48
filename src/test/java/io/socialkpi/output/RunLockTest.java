package io.socialkpi.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run lock: taking, refusing with the holder named, releasing, and stale-lock takeover. */
class RunLockTest {
  static final LocalDate DATE = LocalDate.of(2026, 1, 1);
  static final Duration STALE = Duration.ofHours(24);
  static final Configuration HADOOP = new Configuration();
  static final Instant STARTED = Instant.parse("2026-01-01T02:00:00Z");

  @TempDir java.nio.file.Path out;

  java.nio.file.Path lockFile() {
    return out.resolve("_locks/run_date=2026-01-01.lock");
  }

  Path lockPath() {
    return RunLock.path(out.toString(), DATE);
  }

  RunLock acquire() {
    return RunLock.acquire(out.toString(), DATE, STALE, HADOOP);
  }

  /** Takes the lock as a process whose clock reads {@code now}. */
  RunLock acquireAt(Instant now) {
    return RunLock.acquire(
        lockPath(), STALE, Duration.ofMinutes(1), HADOOP, LockHolder.current(now));
  }

  /**
   * Makes the lock file's last sign of life {@code age} (and a few seconds) old by the file
   * system's clock, whose mtimes may be a second coarser than ours.
   */
  void age(Duration age) throws IOException {
    Files.setLastModifiedTime(lockFile(), FileTime.from(Instant.now().minus(age).minusSeconds(5)));
  }

  /** Writes a lock file as if another process held it. */
  void plant(LockHolder holder) throws IOException {
    Files.createDirectories(lockFile().getParent());
    Files.writeString(lockFile(), holder.toText());
  }

  static LockHolder me() {
    return LockHolder.current(Instant.now());
  }

  static LockHolder elsewhere(Instant acquired) {
    return new LockHolder("other-host", 4242, STARTED, acquired, "other-boot", "pid:[1]");
  }

  @SuppressWarnings("try") // the lock is held through the block, never read in it
  @Test
  void theLockFileNamesTheHolderAndIsDeletedOnRelease() throws IOException {
    try (RunLock lock = acquire()) {
      assertThat(lock.path().toUri().getPath()).isEqualTo(lockFile().toString());
      assertThat(lock.notes()).isEmpty();
      String text = Files.readString(lockFile());
      LockHolder holder = LockHolder.parse(text).orElseThrow();
      assertThat(holder.pid()).isEqualTo(ProcessHandle.current().pid());
      assertThat(holder.host()).isEqualTo(me().host());
      assertThat(holder.acquiredAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
      assertThat(text).contains("host=", "pid=", "process_start=", "acquired_at=", "token=");
    }
    assertThat(lockFile()).doesNotExist();
    try (RunLock again = acquire()) {
      assertThat(lockFile()).exists();
    }
  }

  @Test
  void aLiveLockIsRefusedWithFileHostPidAndStartTime() {
    try (RunLock held = acquire()) {
      LockHolder me = me();
      assertThatThrownBy(this::acquire)
          .isInstanceOf(RunLockedException.class)
          .hasMessageStartingWith(held.path() + " is held by another run of the same run date: ")
          .hasMessageContaining("pid " + me.pid() + " on host " + me.host())
          .hasMessageContaining("(process started " + me.processStart() + ")")
          .hasMessageContaining(", holding it since 20")
          .hasMessageContaining("once its heartbeat has stopped for run.lock-stale-after = 24h");
      assertThat(lockFile()).exists();
    }
  }

  @Test
  void aLockOfAProcessThatIsGoneOnThisMachineIsTakenOver() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    assertThat(gone.waitFor(10, TimeUnit.SECONDS)).isTrue();
    LockHolder me = me();
    plant(
        new LockHolder(
            me.host(), gone.pid(), STARTED, Instant.now(), me.bootId(), me.pidNamespace()));
    try (RunLock lock = acquire()) {
      assertThat(lock.notes())
          .containsExactly(
              "took over the stale lock of pid "
                  + gone.pid()
                  + " on host "
                  + me.host()
                  + " (process started 2026-01-01T02:00:00Z): its process "
                  + gone.pid()
                  + " on this machine is gone");
      assertThat(LockHolder.parse(Files.readString(lockFile())).orElseThrow().pid())
          .isEqualTo(me.pid());
    }
  }

  @Test
  void aLivePidThatStartedAtAnotherTimeIsAReusedPidNotTheHolder() throws IOException {
    LockHolder me = me();
    plant(
        new LockHolder(
            me.host(), me.pid(), STARTED, Instant.now(), me.bootId(), me.pidNamespace()));
    try (RunLock lock = acquire()) {
      assertThat(lock.notes()).singleElement().asString().endsWith("on this machine is gone");
    }
  }

  @Test
  void aLockOnAnotherMachineIsLeftAloneUntilItsHeartbeatStopsThenTakenOver() throws IOException {
    // The holder's clock and ours are both a day off: only the file system's times count.
    Instant skewed = Instant.now().plus(Duration.ofHours(30));
    plant(elsewhere(Instant.now().minus(Duration.ofDays(3))));
    age(Duration.ofHours(23));
    String planted = Files.readString(lockFile());
    assertThatThrownBy(() -> acquireAt(skewed))
        .isInstanceOf(RunLockedException.class)
        .hasMessageContaining(
            "pid 4242 on host other-host (process started 2026-01-01T02:00:00Z), holding it"
                + " since");
    assertThat(Files.readString(lockFile())).isEqualTo(planted);

    age(Duration.ofHours(25));
    try (RunLock lock = acquireAt(Instant.now().minus(Duration.ofHours(30)))) {
      assertThat(lock.notes())
          .singleElement()
          .asString()
          .startsWith(
              "took over the stale lock of pid 4242 on host other-host (process started"
                  + " 2026-01-01T02:00:00Z): its last heartbeat was 25h")
          .endsWith("ago, more than run.lock-stale-after = 24h");
    }
  }

  @Test
  void anIncompleteLockFileIsRespectedForAMinuteThenTakenOver() throws IOException {
    Files.createDirectories(lockFile().getParent());
    Files.writeString(lockFile(), "host=killed-while-writing\n");
    assertThatThrownBy(this::acquire)
        .isInstanceOf(RunLockedException.class)
        .hasMessageContaining("a run whose lock file is still being written or is unreadable");
    // 2m30s by our clock; the file system's clock (its mtimes) may be a second coarser.
    Files.setLastModifiedTime(lockFile(), FileTime.from(Instant.now().minusSeconds(150)));
    try (RunLock lock = acquire()) {
      assertThat(lock.notes())
          .singleElement()
          .asString()
          .startsWith("took over the stale lock of an incomplete lock file: the lock file is")
          .matches(".*incomplete and 2m(29|30|31)s old");
    }
  }

  @Test
  void aTakeoverInProgressIsRespectedAndAnAbandonedOneCleared() throws IOException {
    Instant now = Instant.now();
    plant(elsewhere(now.minus(Duration.ofDays(3))));
    age(Duration.ofDays(3));
    java.nio.file.Path guard = lockFile().resolveSibling("run_date=2026-01-01.lock.takeover");
    Files.writeString(guard, "taking over\n");
    assertThatThrownBy(this::acquire)
        .isInstanceOf(RunLockedException.class)
        .hasMessageContaining("another run is taking this stale lock over now");
    Files.setLastModifiedTime(guard, FileTime.from(now.minusSeconds(300)));
    try (RunLock lock = acquire()) {
      assertThat(lock.notes()).singleElement().asString().contains("its last heartbeat was 72h");
    }
    assertThat(guard).doesNotExist();
  }

  @Test
  void releaseLeavesALockThatIsNoLongerThisRuns() throws IOException {
    RunLock lock = acquire();
    plant(elsewhere(Instant.now()));
    lock.close();
    assertThat(LockHolder.parse(Files.readString(lockFile())).orElseThrow().host())
        .isEqualTo("other-host");
  }

  @Test
  void durationsAreShownAsInTheConfig() {
    assertThat(RunLock.format(Duration.ofHours(24))).isEqualTo("24h");
    assertThat(RunLock.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(RunLock.format(Duration.ofSeconds(45))).isEqualTo("45s");
    assertThat(RunLock.format(Duration.ZERO)).isEqualTo("0s");
  }
}

package io.socialkpi.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialkpi.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run lock as a lease: a heartbeating holder keeps it whatever the clocks of the hosts say, a
 * holder whose heartbeat stopped loses it, and a run that lost it publishes nothing.
 */
class RunLeaseTest {
  static final LocalDate DATE = LocalDate.of(2026, 1, 1);
  static final Configuration HADOOP = new Configuration();

  @TempDir java.nio.file.Path out;

  Path lockPath() {
    return RunLock.path(out.toString(), DATE);
  }

  java.nio.file.Path lockFile() {
    return out.resolve("_locks/run_date=2026-01-01.lock");
  }

  /** A holder on another machine whose clock reads {@code clock} when it takes the lock. */
  static LockHolder otherHost(String host, Instant clock) {
    return new LockHolder(host, 4242, clock, clock, host + "-boot", "pid:[1]");
  }

  @Test
  void aHeartbeatingLockIsNeverTakenOverWhateverTheHostsClocksSay() throws Exception {
    Duration stale = Duration.ofMillis(800);
    // The holder's clock is three days behind, the contender's two days ahead: by either clock
    // the lock is far older than run.lock-stale-after.
    LockHolder holder = otherHost("slow-clock", Instant.now().minus(Duration.ofDays(3)));
    try (RunLock held = RunLock.acquire(lockPath(), stale, Duration.ofMillis(50), HADOOP, holder)) {
      String text = Files.readString(lockFile());
      long until = System.nanoTime() + 4 * stale.toNanos();
      int refused = 0;
      while (System.nanoTime() < until) {
        LockHolder contender = otherHost("fast-clock", Instant.now().plus(Duration.ofDays(2)));
        assertThatThrownBy(
                () -> RunLock.acquire(lockPath(), stale, Duration.ofMillis(50), HADOOP, contender))
            .isInstanceOf(RunLockedException.class)
            .hasMessageContaining("pid 4242 on host slow-clock");
        refused++;
        Thread.sleep(100);
      }
      assertThat(refused).isGreaterThan(10);
      assertThat(Files.readString(lockFile())).isEqualTo(text);
      held.checkHeld();
    }
    assertThat(lockFile()).doesNotExist();
    assertThat(lockFile().getParent()).isEmptyDirectory();
  }

  @Test
  void aLockWhoseHeartbeatFileStoppedIsStaleAndOneStillBeatingIsNot() throws Exception {
    LockHolder gone = otherHost("gone", Instant.now());
    Files.createDirectories(lockFile().getParent());
    Files.writeString(lockFile(), gone.toText() + "token=t1\n");
    java.nio.file.Path beat = lockFile().resolveSibling("run_date=2026-01-01.lock.beat-t1");
    Files.writeString(beat, "beat\n");
    FileTime hourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
    Files.setLastModifiedTime(lockFile(), hourAgo);
    LockHolder me = LockHolder.current(Instant.now());
    // Taken an hour ago, but its heartbeat file is fresh: live.
    assertThatThrownBy(
            () ->
                RunLock.acquire(
                    lockPath(), Duration.ofMinutes(10), Duration.ofMinutes(1), HADOOP, me))
        .isInstanceOf(RunLockedException.class);
    Files.setLastModifiedTime(beat, hourAgo);
    try (RunLock lock =
        RunLock.acquire(lockPath(), Duration.ofMinutes(10), Duration.ofMinutes(1), HADOOP, me)) {
      assertThat(lock.notes()).singleElement().asString().contains("its last heartbeat was 1h");
      assertThat(beat).doesNotExist();
    }
  }

  @Test
  void aRunThatLostItsLockPublishesNothingAndSaysWhy() throws Exception {
    RunWriter writer = new RunWriter(out.toString(), DATE, HADOOP);
    writer.stageRows(Table.RUN_INFO, SparkTestSession.get().sql("SELECT 1 AS x"), 1);
    RunLock lock = RunLock.acquire(out.toString(), DATE, Duration.ofMinutes(10), HADOOP);
    // Another run judged it stale (say, this one was paused) and took it over.
    LockHolder taker = otherHost("taker", Instant.now());
    Files.writeString(lockFile(), taker.toText() + "token=t2\n");
    assertThatThrownBy(() -> writer.publish(lock))
        .isInstanceOf(LockLostException.class)
        .hasMessage(
            "this run lost its lock "
                + lockPath()
                + " before publishing: it is now held by "
                + taker.describe()
                + ". Nothing was published; run the date again once no other run of it is"
                + " running.");
    assertThat(out.resolve("run_info")).doesNotExist();
    assertThat(out.resolve("_runs")).doesNotExist();
    lock.close();
    assertThat(Files.readString(lockFile())).contains("host=taker");
  }

  /**
   * A contender with a shorter run.lock-stale-after (the report command's 10 minutes, retention run
   * by a job of another config) than the holder's: the holder's checkHeld lets its heartbeat stay
   * away for half of its own period, so the contender must not judge it by its shorter one, or both
   * would publish.
   */
  @Test
  void aLockIsJudgedByTheHoldersStalePeriodWhenItIsLongerThanTheContenders() throws Exception {
    LockHolder holder = otherHost("long-lease", Instant.now());
    try (RunLock held =
        RunLock.acquire(lockPath(), Duration.ofHours(1), Duration.ofHours(1), HADOOP, holder)) {
      Thread.sleep(400); // no beat since the first: silent 400 ms, well within the holder's lease
      held.checkHeld();
      LockHolder contender = otherHost("short-lease", Instant.now());
      assertThatThrownBy(
              () ->
                  RunLock.acquire(
                      lockPath(), Duration.ofMillis(200), Duration.ofMillis(50), HADOOP, contender))
          .isInstanceOf(RunLockedException.class)
          .hasMessageContaining("pid 4242 on host long-lease");
      held.checkHeld();
      assertThat(Files.readString(lockFile())).contains("host=long-lease");
    }
  }

  @Test
  void aRunWhoseHeartbeatCannotBeWrittenFailsBeforePublishing() throws Exception {
    // Beats far apart: none after the first, so the lease runs out within the stale period.
    try (RunLock lock =
        RunLock.acquire(
            lockPath(),
            Duration.ofMillis(200),
            Duration.ofHours(1),
            HADOOP,
            LockHolder.current(Instant.now()))) {
      Thread.sleep(300);
      assertThatThrownBy(lock::checkHeld)
          .isInstanceOf(LockLostException.class)
          .hasMessageContaining("its heartbeat has not reached the file system for")
          .hasMessageContaining("so another run may judge it stale");
    }
  }
}

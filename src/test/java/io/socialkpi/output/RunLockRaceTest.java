package io.socialkpi.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs that start at the same moment: of two (or more) contenders for one run date exactly one gets
 * the lock and the others fail naming it, also when they all find the same stale lock.
 */
class RunLockRaceTest {
  static final LocalDate DATE = LocalDate.of(2026, 1, 1);
  static final int ROUNDS = 40;

  @TempDir java.nio.file.Path out;
  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  /** Outcome of one contender: its lock, or the refusal it got. */
  record Attempt(RunLock lock, RunLockedException refused) {}

  List<Attempt> race(int contenders) throws Exception {
    CyclicBarrier start = new CyclicBarrier(contenders);
    List<Future<Attempt>> futures = new ArrayList<>();
    for (int i = 0; i < contenders; i++) {
      Callable<Attempt> contender =
          () -> {
            start.await();
            try {
              return new Attempt(
                  RunLock.acquire(out.toString(), DATE, Duration.ofHours(1), new Configuration()),
                  null);
            } catch (RunLockedException e) {
              return new Attempt(null, e);
            }
          };
      futures.add(pool.submit(contender));
    }
    List<Attempt> attempts = new ArrayList<>();
    for (Future<Attempt> f : futures) {
      attempts.add(f.get());
    }
    return attempts;
  }

  static void exactlyOneWins(List<Attempt> attempts, String lockPath) {
    List<RunLock> winners = attempts.stream().map(Attempt::lock).filter(l -> l != null).toList();
    assertThat(winners).hasSize(1);
    for (Attempt a : attempts) {
      if (a.refused() != null) {
        assertThat(a.refused()).hasMessageStartingWith(lockPath + " is held by another run");
      }
    }
    winners.get(0).close();
  }

  @Test
  void twoRunsStartedAtOnceOneWinsTheOtherIsRefused() throws Exception {
    String lockPath = RunLock.path(out.toString(), DATE).toString();
    for (int round = 0; round < ROUNDS; round++) {
      List<Attempt> attempts = race(2);
      exactlyOneWins(attempts, lockPath);
      Attempt loser = attempts.get(0).lock() == null ? attempts.get(0) : attempts.get(1);
      assertThat(loser.refused())
          .hasMessageContaining("pid " + ProcessHandle.current().pid() + " on host ");
      assertThat(out.resolve("_locks/run_date=2026-01-01.lock")).doesNotExist();
    }
  }

  @Test
  void runsThatFindTheSameStaleLockTakeItOverOnlyOnce() throws Exception {
    String lockPath = RunLock.path(out.toString(), DATE).toString();
    java.nio.file.Path file = out.resolve("_locks/run_date=2026-01-01.lock");
    Files.createDirectories(file.getParent());
    for (int round = 0; round < ROUNDS; round++) {
      Instant old = Instant.now().minus(Duration.ofHours(2));
      Files.writeString(
          file, new LockHolder("gone-host", 7, old, old, "gone-boot", "pid:[1]").toText());
      Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(old));
      List<Attempt> attempts = race(4);
      RunLock winner =
          attempts.stream().filter(a -> a.lock() != null).findFirst().orElseThrow().lock();
      // The winner took the stale lock over, or created the lock in the instant after another
      // contender had deleted the stale one (that contender then lost to it).
      assertThat(winner.notes())
          .allMatch(n -> n.startsWith("took over the stale lock of pid 7 on host gone-host"));
      assertThat(LockHolder.parse(Files.readString(file)).orElseThrow().host())
          .isNotEqualTo("gone-host");
      exactlyOneWins(attempts, lockPath);
      assertThat(file.resolveSibling("run_date=2026-01-01.lock.takeover")).doesNotExist();
    }
  }
}

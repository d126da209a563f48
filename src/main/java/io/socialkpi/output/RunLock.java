package io.socialkpi.output;

import io.socialkpi.config.Uris;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The lock of one run date of one output, {@code <output>/_locks/run_date=D.lock}, held for a whole
 * run so two runs of the same date never write at once. Taking it is one atomic create of the lock
 * file; the loser fails with {@link RunLockedException} before it has written anything.
 *
 * <p>The lock is a lease: while held, a {@link LockHeartbeat} rewrites a heartbeat file beside it
 * several times per {@code run.lock-stale-after}. A lock left by a run that died (killed, machine
 * lost) is stale and is taken over when its process is gone (checked only from the same machine and
 * pid space) or when its last heartbeat is older than {@code run.lock-stale-after}, both times read
 * from the file system's clock, so a host's clock skew cannot make a live lock look stale. A live
 * lock is never taken. Taking over goes through a second exclusive file ({@code .takeover}), so of
 * several runs that find the same stale lock only one replaces it.
 *
 * <p>A run calls {@link #checkHeld} right before it publishes: a run that lost its lock (judged
 * stale while paused, or its lock deleted by hand) fails instead of publishing over another run.
 */
public final class RunLock implements AutoCloseable {
  /** A lock file without a complete holder is a holder killed while writing it, after this. */
  static final Duration INCOMPLETE_GRACE = Duration.ofMinutes(1);

  /** Reads of a lock that is settling (about a second) before deciding about it. */
  private static final int SETTLE_TRIES = 50;

  private final FileSystem fs;
  private final Path path;
  private final String text;
  private final List<String> notes;
  private final Duration staleAfter;
  private final LockHeartbeat heartbeat;
  private boolean released;

  private RunLock(
      FileSystem fs, Path path, String text, List<String> notes, Duration staleAfter, Duration beat)
      throws IOException {
    this.fs = fs;
    this.path = path;
    this.text = text;
    this.notes = notes;
    this.staleAfter = staleAfter;
    this.heartbeat = LockHeartbeat.start(fs, path, LockFile.token(text), beat);
  }

  /**
   * How often a holder beats: ten times per stale period, so a few slow or failed writes never let
   * a live lock look stale, and at least once a minute.
   */
  static Duration heartbeatEvery(Duration staleAfter) {
    Duration tenth = staleAfter.dividedBy(10);
    Duration minute = Duration.ofMinutes(1);
    return tenth.compareTo(minute) > 0 ? minute : tenth;
  }

  /** Where the lock of {@code runDate} under {@code output} lives. */
  public static Path path(String output, LocalDate runDate) {
    return new Path(new Path(output, "_locks"), "run_date=" + runDate + ".lock");
  }

  /** Takes the lock for this process, or throws {@link RunLockedException} naming its holder. */
  public static RunLock acquire(
      String output, LocalDate runDate, Duration staleAfter, Configuration hadoop) {
    return acquire(
        path(output, runDate),
        staleAfter,
        heartbeatEvery(staleAfter),
        hadoop,
        LockHolder.current(Instant.now()));
  }

  /**
   * Takes the lock for {@code self}. The holder's {@code acquired_at} is for people only: every
   * decision about age uses the file system's clock ({@link LockHeartbeat#fsNow}).
   */
  static RunLock acquire(
      Path path, Duration staleAfter, Duration beatEvery, Configuration hadoop, LockHolder self) {
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      fs.mkdirs(path.getParent());
      Instant now = LockFs.fsNow(fs, path.getParent());
      // The token makes every acquisition's text unique, so release and takeover can tell them
      // apart.
      // stale_after: the holder's lease, which contenders with a shorter one judge it by.
      String text =
          self.toText()
              + LockFile.STALE_AFTER
              + staleAfter
              + "\n"
              + "token="
              + UUID.randomUUID()
              + "\n";
      LockFile held = null;
      // Tried again while the lock is settling: released between our create and our read, or
      // created but not yet written (HDFS shows the bytes only once the file is closed), so a
      // refusal can name the holder.
      for (int attempt = 0; attempt < SETTLE_TRIES; attempt++) {
        if (LockFs.createExclusive(fs, path, text)) {
          return new RunLock(fs, path, text, List.of(), staleAfter, beatEvery);
        }
        held = LockFile.read(fs, path);
        boolean settling =
            held == null
                || (held.holder() == null
                    && Duration.between(held.modified(), now).compareTo(INCOMPLETE_GRACE) <= 0);
        if (!settling) {
          break;
        }
        pause();
      }
      if (held == null) {
        throw new RunLockedException(path, null, staleAfter, "it changed hands while we looked");
      }
      String stale = held.staleness(self, staleAfter, now);
      if (stale == null) {
        throw new RunLockedException(path, held.holder(), staleAfter, null);
      }
      String note = LockTakeover.takeOver(fs, path, held, stale, text, staleAfter, now);
      return new RunLock(fs, path, text, List.of(note), staleAfter, beatEvery);
    } catch (IOException e) {
      throw new UncheckedIOException("taking the run lock " + path, e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public Path path() {
    return path;
  }

  /** What taking the lock involved, e.g. the stale lock of a killed run that was taken over. */
  public List<String> notes() {
    return notes;
  }

  /**
   * Throws {@link LockLostException} unless this run still holds the lock: the lock file is still
   * this acquisition's and its heartbeat reached the file system within half the stale period (so
   * no other run can judge it stale before the publish that follows is done).
   */
  public void checkHeld() {
    if (released) {
      throw new LockLostException(path, "this run has already released it");
    }
    LockFile current;
    try {
      current = LockFile.read(fs, path);
    } catch (IOException e) {
      throw new LockLostException(path, "it could not be read: " + e.getMessage());
    }
    if (current == null) {
      throw new LockLostException(path, "the lock file is gone");
    }
    if (!current.text().equals(text)) {
      throw new LockLostException(
          path,
          "it is now held by "
              + (current.holder() == null ? "another run" : current.holder().describe()));
    }
    Duration silent = heartbeat.sinceLastBeat();
    if (silent.compareTo(staleAfter.dividedBy(2)) > 0) {
      throw new LockLostException(
          path,
          "its heartbeat has not reached the file system for "
              + format(silent)
              + (heartbeat.lastFailure() == null ? "" : " (" + heartbeat.lastFailure() + ")")
              + ", so another run may judge it stale (run.lock-stale-after = "
              + format(staleAfter)
              + ")");
    }
  }

  /** Deletes the lock file if it is still this run's (a run judged stale may have lost it). */
  @Override
  public void close() {
    if (released) {
      return;
    }
    released = true;
    heartbeat.close();
    try {
      LockFile current = LockFile.read(fs, path);
      if (current != null && current.text().equals(text)) {
        fs.delete(path, false);
      } else {
        System.err.println(
            Uris.redact(
                "socialkpi: warning: " + path + " is no longer this run's lock; left as it is"));
      }
    } catch (IOException e) {
      System.err.println(Uris.redact("socialkpi: warning: could not release " + path + ": " + e));
    }
  }

  /** "24h", "1h30m", "45s". */
  static String format(Duration d) {
    long s = d.toSeconds();
    StringBuilder b = new StringBuilder();
    if (s >= 3600) {
      b.append(s / 3600).append('h');
    }
    if (s % 3600 >= 60) {
      b.append(s % 3600 / 60).append('m');
    }
    if (s % 60 > 0 || b.length() == 0) {
      b.append(s % 60).append('s');
    }
    return b.toString();
  }
}

package io.socialkpi.output;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Replacing a stale {@link RunLock} with our own. It goes through a second exclusive file ({@code
 * .takeover}), so of several runs that find the same stale lock only one replaces it; the others
 * fail as for a live lock.
 */
final class LockTakeover {
  private LockTakeover() {}

  /**
   * Replaces the lock file {@code stale} (judged stale because {@code why}) with {@code text}.
   *
   * @return the note saying whose lock was taken over and why
   * @throws RunLockedException when another run takes it over first or the lock changed meanwhile
   */
  static String takeOver(
      FileSystem fs,
      Path path,
      LockFile stale,
      String why,
      String text,
      Duration staleAfter,
      Instant now)
      throws IOException {
    Path guard = path.suffix(".takeover");
    if (!LockFs.createExclusive(fs, guard, text)) {
      // A guard older than the grace is left by a run killed in the middle of a takeover.
      LockFile other = LockFile.read(fs, guard);
      boolean abandoned =
          other == null
              || Duration.between(other.modified(), now).compareTo(RunLock.INCOMPLETE_GRACE) > 0;
      if (other != null && abandoned) {
        fs.delete(guard, false);
      }
      if (!abandoned || !LockFs.createExclusive(fs, guard, text)) {
        throw new RunLockedException(
            path, stale.holder(), staleAfter, "another run is taking this stale lock over now");
      }
    }
    try {
      LockFile current = LockFile.read(fs, path);
      if (current != null && !current.sameAs(stale)) {
        throw new RunLockedException(path, current.holder(), staleAfter, null);
      }
      if (current != null) {
        fs.delete(path, false);
        String token = LockFile.token(current.text());
        if (token != null) {
          fs.delete(LockHeartbeat.file(path, token), false);
        }
      }
      if (!LockFs.createExclusive(fs, path, text)) {
        LockFile winner = LockFile.read(fs, path);
        throw new RunLockedException(
            path, winner == null ? null : winner.holder(), staleAfter, null);
      }
      String previous =
          stale.holder() == null ? "an incomplete lock file" : stale.holder().describe();
      return "took over the stale lock of " + previous + ": " + why;
    } finally {
      fs.delete(guard, false);
    }
  }
}

package io.socialkpi.output;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A lock file as read: its text, the holder it names (null if incomplete), its mtime and the
 * holder's last heartbeat ({@link LockHeartbeat}; the lock's own mtime when it has none yet). Both
 * times are the file system's.
 */
record LockFile(String text, LockHolder holder, Instant modified, Instant lastBeat) {
  static LockFile read(FileSystem fs, Path path) throws IOException {
    try {
      FileStatus status = fs.getFileStatus(path);
      String text;
      try (InputStream in = fs.open(path)) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Instant modified = Instant.ofEpochMilli(status.getModificationTime());
      Instant beat = modified;
      String token = token(text);
      if (token != null) {
        try {
          Instant b =
              Instant.ofEpochMilli(
                  fs.getFileStatus(LockHeartbeat.file(path, token)).getModificationTime());
          beat = b.isAfter(beat) ? b : beat;
        } catch (FileNotFoundException e) {
          // Not yet beating (just taken) or released: the lock's own time is its last sign of life.
        }
      }
      return new LockFile(text, LockHolder.parse(text).orElse(null), modified, beat);
    } catch (FileNotFoundException e) {
      return null;
    }
  }

  /** The line naming the holder's {@code run.lock-stale-after}, e.g. {@code stale_after=PT10M}. */
  static final String STALE_AFTER = "stale_after=";

  /**
   * The holder's {@code run.lock-stale-after} as its lock file says, or null (a lock written by an
   * earlier version, or unreadable).
   */
  static Duration staleAfter(String text) {
    String value = field(text, STALE_AFTER);
    try {
      return value == null ? null : Duration.parse(value);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  /** The acquisition's token, the {@code token=} line every lock file ends with, or null. */
  static String token(String text) {
    String value = field(text, "token=");
    return value == null || value.isEmpty() ? null : value;
  }

  /** The trimmed rest of the first line of {@code text} that starts with {@code key}, or null. */
  private static String field(String text, String key) {
    return text.lines()
        .filter(line -> line.startsWith(key))
        .findFirst()
        .map(line -> line.substring(key.length()).trim())
        .orElse(null);
  }

  boolean sameAs(LockFile other) {
    return text.equals(other.text) && modified.equals(other.modified);
  }

  /**
   * Why this lock is stale as seen by {@code self} when the file system's clock reads {@code
   * fsNow}, or null while it is live. Age is judged from the last heartbeat, never from the
   * holder's {@code acquired_at}: that is the holder's clock, which may be hours off. A holder
   * whose own {@code run.lock-stale-after} is longer than {@code mine} is judged by its own: it
   * publishes while its heartbeat is silent for less than half of that ({@link RunLock#checkHeld}),
   * so a contender with a shorter period (the {@code report} command, another config's retention)
   * must not take it over sooner.
   */
  String staleness(LockHolder self, Duration mine, Instant fsNow) {
    Duration theirs = staleAfter(text);
    Duration staleAfter = theirs != null && theirs.compareTo(mine) > 0 ? theirs : mine;
    if (holder == null) {
      Duration age = Duration.between(modified, fsNow);
      return age.compareTo(RunLock.INCOMPLETE_GRACE) > 0
          ? "the lock file is incomplete and " + RunLock.format(age) + " old"
          : null;
    }
    Duration silent = Duration.between(lastBeat, fsNow);
    if (silent.compareTo(staleAfter) > 0) {
      return "its last heartbeat was "
          + RunLock.format(silent)
          + " ago, more than run.lock-stale-after = "
          + RunLock.format(staleAfter);
    }
    if (holder.sharesPidSpaceWith(self) && !holder.processAlive()) {
      return "its process " + holder.pid() + " on this machine is gone";
    }
    return null;
  }
}

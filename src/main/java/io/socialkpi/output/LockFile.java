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

/** A lock file as read: its text, the holder it names (null if incomplete) and its mtime. */
record LockFile(String text, LockHolder holder, Instant modified) {
  static LockFile read(FileSystem fs, Path path) throws IOException {
    try {
      FileStatus status = fs.getFileStatus(path);
      String text;
      try (InputStream in = fs.open(path)) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      return new LockFile(
          text,
          LockHolder.parse(text).orElse(null),
          Instant.ofEpochMilli(status.getModificationTime()));
    } catch (FileNotFoundException e) {
      return null;
    }
  }

  boolean sameAs(LockFile other) {
    return text.equals(other.text) && modified.equals(other.modified);
  }

  /** Why this lock is stale as seen by {@code self} at {@code now}, or null while it is live. */
  String staleness(LockHolder self, Duration staleAfter, Instant now) {
    if (holder == null) {
      Duration age = Duration.between(modified, now);
      return age.compareTo(RunLock.INCOMPLETE_GRACE) > 0
          ? "the lock file is incomplete and " + RunLock.format(age) + " old"
          : null;
    }
    Duration age = Duration.between(holder.acquiredAt(), now);
    if (age.compareTo(staleAfter) > 0) {
      return "it was taken "
          + RunLock.format(age)
          + " ago, more than run.lock-stale-after = "
          + RunLock.format(staleAfter);
    }
    if (holder.sharesPidSpaceWith(self) && !holder.processAlive()) {
      return "its process " + holder.pid() + " on this machine is gone";
    }
    return null;
  }
}

package io.socialkpi.output;

import java.time.Duration;
import org.apache.hadoop.fs.Path;

/**
 * Another run of the same run date and output holds the lock: this run wrote nothing. The message
 * names the lock file and the holder, so an operator can tell a running job from a dead one.
 */
public final class RunLockedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RunLockedException(Path lock, LockHolder holder, Duration staleAfter, String note) {
    super(message(lock, holder, staleAfter, note));
  }

  private static String message(Path lock, LockHolder holder, Duration staleAfter, String note) {
    String who =
        holder == null
            ? "a run whose lock file is still being written or is unreadable"
            : holder.describe() + ", holding it since " + holder.acquiredAt();
    return lock
        + " is held by another run of the same run date: "
        + who
        + (note == null ? "" : " (" + note + ")")
        + ". Wait for it to finish. A lock whose process is gone is taken over by the next run on"
        + " the same machine; from another machine once its heartbeat has stopped for"
        + " run.lock-stale-after = "
        + RunLock.format(staleAfter)
        + ", or delete the file once you know that run is dead.";
  }
}

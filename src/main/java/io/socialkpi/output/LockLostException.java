package io.socialkpi.output;

import org.apache.hadoop.fs.Path;

/**
 * This run no longer holds its run lock when it is about to publish ({@link RunLock#checkHeld}):
 * another run may be writing the same date, so this one publishes nothing and fails. Its staged
 * tables are left for the next run of the date to clean up.
 */
public final class LockLostException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  LockLostException(Path lock, String why) {
    super(
        "this run lost its lock "
            + lock
            + " before publishing: "
            + why
            + ". Nothing was published; run the date again once no other run of it is running.");
  }
}

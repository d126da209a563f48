package io.socialkpi.output;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Keeps a held {@link RunLock} alive: every {@code every} it rewrites the holder's heartbeat file
 * {@code run_date=D.lock.beat-<token>} next to the lock, so its modification time moves on. That
 * time is stamped by the file system (the NameNode, the object store, the local kernel), not by the
 * holder's clock, and other runs compare it with the file system's time too ({@link LockFs#fsNow}):
 * a host whose clock is a day ahead can neither make a live lock look old nor a dead one young.
 *
 * <p>Each holder writes only its own file (named by its lock's token), so a run that lost its lock
 * never overwrites the new holder's heartbeat.
 */
final class LockHeartbeat implements AutoCloseable {
  private final FileSystem fs;
  private final Path file;
  private final ScheduledExecutorService timer;
  // System.nanoTime() of the last beat that reached the file system.
  private volatile long lastBeatNanos;
  private volatile IOException lastFailure;

  private LockHeartbeat(FileSystem fs, Path file, Duration every) {
    this.fs = fs;
    this.file = file;
    this.lastBeatNanos = System.nanoTime();
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "socialkpi-lock-heartbeat");
              t.setDaemon(true);
              return t;
            });
    long millis = Math.max(1, every.toMillis());
    // beat() catches every failure and keeps it for checkHeld, so the future never holds one.
    java.util.concurrent.ScheduledFuture<?> unused =
        timer.scheduleWithFixedDelay(this::beat, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Writes the first beat now and then one every {@code every} until closed. */
  static LockHeartbeat start(FileSystem fs, Path lock, String token, Duration every)
      throws IOException {
    Path file = file(lock, token);
    LockFs.touch(fs, file);
    return new LockHeartbeat(fs, file, every);
  }

  /** The heartbeat file of the lock acquisition with {@code token}. */
  static Path file(Path lock, String token) {
    return lock.suffix(".beat-" + token);
  }

  private void beat() {
    try {
      LockFs.touch(fs, file);
      lastBeatNanos = System.nanoTime();
      lastFailure = null;
    } catch (IOException | RuntimeException e) {
      // Retried at the next beat; RunLock.checkHeld fails the run if beats stay away too long.
      lastFailure = e instanceof IOException io ? io : new IOException(e);
    }
  }

  /** How long ago a beat last reached the file system, by this process's monotonic clock. */
  Duration sinceLastBeat() {
    return Duration.ofNanos(System.nanoTime() - lastBeatNanos);
  }

  IOException lastFailure() {
    return lastFailure;
  }

  /** Stops beating and deletes the heartbeat file. */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(10, TimeUnit.SECONDS);
      fs.delete(file, false);
    } catch (IOException e) {
      // A leftover heartbeat file names a token no lock has: nobody reads it.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

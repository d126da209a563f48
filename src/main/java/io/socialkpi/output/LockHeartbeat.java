package io.socialkpi.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Keeps a held {@link RunLock} alive: every {@code every} it rewrites the holder's heartbeat file
 * {@code run_date=D.lock.beat-<token>} next to the lock, so its modification time moves on. That
 * time is stamped by the file system (the NameNode, the object store, the local kernel), not by the
 * holder's clock, and other runs compare it with the file system's time too ({@link #fsNow}): a
 * host whose clock is a day ahead can neither make a live lock look old nor a dead one young.
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
    timer.scheduleWithFixedDelay(this::beat, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Writes the first beat now and then one every {@code every} until closed. */
  static LockHeartbeat start(FileSystem fs, Path lock, String token, Duration every)
      throws IOException {
    Path file = file(lock, token);
    touch(fs, file);
    return new LockHeartbeat(fs, file, every);
  }

  /** The heartbeat file of the lock acquisition with {@code token}. */
  static Path file(Path lock, String token) {
    return lock.suffix(".beat-" + token);
  }

  private void beat() {
    try {
      touch(fs, file);
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

  /**
   * The file system's current time: the modification time of a file created now. Compared with
   * other files' modification times, so both come from the same clock whatever the hosts' clocks.
   */
  static java.time.Instant fsNow(FileSystem fs, Path dir) throws IOException {
    Path probe = new Path(dir, ".clock-" + UUID.randomUUID());
    touch(fs, probe);
    try {
      return java.time.Instant.ofEpochMilli(fs.getFileStatus(probe).getModificationTime());
    } finally {
      fs.delete(probe, false);
    }
  }

  /**
   * Creates or rewrites {@code file}, so the file system stamps its modification time. Local files
   * are written in place by the operating system (no {@code .crc} beside them, never missing while
   * rewritten); other file systems overwrite in one create.
   */
  static void touch(FileSystem fs, Path file) throws IOException {
    byte[] bytes = (java.time.Instant.now() + "\n").getBytes(StandardCharsets.UTF_8);
    if ("file".equals(fs.getScheme())) {
      Files.write(Paths.get(fs.makeQualified(file).toUri()), bytes);
      return;
    }
    try (OutputStream out = fs.create(file, true)) {
      out.write(bytes);
    }
  }
}

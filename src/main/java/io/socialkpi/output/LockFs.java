package io.socialkpi.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The file operations the run lock is built on, each atomic or stamped by the file system: an
 * exclusive create, a rewrite that moves a file's modification time on, and the file system's
 * current time.
 */
final class LockFs {
  private LockFs() {}

  /**
   * Creates {@code path} with {@code text} only if it does not exist, atomically. Hadoop's local
   * file system checks existence and then opens the file, so two processes can both "create" it:
   * local files use the operating system's exclusive create instead. HDFS, ABFS and GCS create
   * exclusively on the server; S3A does not (see docs/ARCHITECTURE.md).
   */
  static boolean createExclusive(FileSystem fs, Path path, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if ("file".equals(fs.getScheme())) {
      try {
        Files.write(
            Paths.get(fs.makeQualified(path).toUri()),
            bytes,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
        return true;
      } catch (java.nio.file.FileAlreadyExistsException e) {
        return false;
      }
    }
    try (OutputStream out = fs.create(path, false)) {
      out.write(bytes);
      return true;
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
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

package io.socialkpi.output;

import io.socialkpi.config.ConfigError;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Checks, before Spark starts, that the output can be written: its nearest existing folder is a
 * folder, and (on a local file system) writable. Writes nothing.
 */
public final class OutputCheck {
  private OutputCheck() {}

  /**
   * Throws {@link ConfigError} "cannot write to OUTPUT: why" under {@code key} (the config key or
   * option that gave the output).
   */
  public static void check(String output, String configFile, String key, Configuration hadoop) {
    check(output, new io.socialkpi.config.ConfigProblem(configFile, -1, key, ""), hadoop);
  }

  /**
   * The same, at {@code at}'s file, line and key: where the config wrote {@code run.output} (or
   * {@code --output}).
   */
  public static void check(
      String output, io.socialkpi.config.ConfigProblem at, Configuration hadoop) {
    String why;
    try {
      why = problem(output, hadoop);
    } catch (IOException | RuntimeException e) {
      why = e.getMessage();
    }
    if (why != null) {
      throw ConfigError.of(
          at.file(), at.line(), at.path(), "cannot write to " + output + ": " + why);
    }
  }

  private static String problem(String output, Configuration hadoop) throws IOException {
    Path path = new Path(output);
    FileSystem fs = path.getFileSystem(hadoop);
    Path existing = path;
    FileStatus status = null;
    while (existing != null) {
      try {
        status = fs.getFileStatus(existing);
        break;
      } catch (java.io.FileNotFoundException e) {
        existing = existing.getParent();
      }
    }
    if (status == null) {
      return null; // An object store's bucket root, say: the first write says more.
    }
    String shown =
        "file".equals(fs.getUri().getScheme()) ? localName(existing) : existing.toString();
    if (!status.isDirectory()) {
      return shown + " is a file, not a folder";
    }
    if ("file".equals(fs.getUri().getScheme())) {
      java.nio.file.Path local = java.nio.file.Path.of(existing.toUri().getPath());
      if (!Files.isWritable(local)) {
        return shown + " is read-only";
      }
      return refusesWrites(local, shown);
    }
    return null;
  }

  /**
   * The folder's permissions say nothing to root, who may write anywhere by mode but not on a
   * read-only mount or in a system folder such as /proc: a file created there and removed at once
   * is the only sure test, and leaves nothing behind.
   */
  private static String refusesWrites(java.nio.file.Path folder, String shown) {
    try {
      Files.delete(Files.createTempFile(folder, ".socialkpi-write-check-", ""));
      return null;
    } catch (IOException e) {
      return shown + " refuses new files (" + e.getClass().getSimpleName() + ")";
    }
  }

  private static String localName(Path path) {
    return java.nio.file.Path.of(path.toUri().getPath()).toString();
  }
}

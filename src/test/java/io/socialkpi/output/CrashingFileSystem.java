package io.socialkpi.output;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local file system (with its checksum files, as Hadoop's default local file system), except
 * that the process "dies" before its n-th change (create, mkdirs, rename, delete): an unchecked
 * {@link Crash} stops the caller there, and nothing after it runs, which leaves the files exactly
 * as a kill at that point would.
 */
public class CrashingFileSystem extends LocalFileSystem {
  /** Changes allowed before the crash; negative: no crash. */
  static final AtomicInteger BUDGET = new AtomicInteger(-1);

  /** Changes made since {@link #BUDGET} was last set. */
  static final AtomicInteger CHANGES = new AtomicInteger();

  /** The simulated death of the process. */
  static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash(String op) {
      super("simulated crash before " + op);
    }
  }

  /**
   * A Hadoop configuration whose local file system is this one (not cached, so tests share none).
   */
  static Configuration conf() {
    Configuration conf = new Configuration();
    conf.set("fs.file.impl", CrashingFileSystem.class.getName());
    conf.setBoolean("fs.file.impl.disable.cache", true);
    return conf;
  }

  static void crashAfter(int changes) {
    CHANGES.set(0);
    BUDGET.set(changes);
  }

  private static void change(String op, Path path) {
    int budget = BUDGET.get();
    if (budget >= 0 && CHANGES.get() >= budget) {
      throw new Crash(op + " " + path);
    }
    CHANGES.incrementAndGet();
  }

  @Override
  public boolean rename(Path src, Path dst) throws IOException {
    change("rename", src);
    return super.rename(src, dst);
  }

  @Override
  public boolean delete(Path p, boolean recursive) throws IOException {
    change("delete", p);
    return super.delete(p, recursive);
  }

  @Override
  public boolean mkdirs(Path f) throws IOException {
    change("mkdirs", f);
    return super.mkdirs(f);
  }

  @Override
  public boolean mkdirs(Path f, FsPermission permission) throws IOException {
    change("mkdirs", f);
    return super.mkdirs(f, permission);
  }

  @Override
  public FSDataOutputStream create(
      Path f,
      boolean overwrite,
      int bufferSize,
      short replication,
      long blockSize,
      Progressable progress)
      throws IOException {
    change("create", f);
    return super.create(f, overwrite, bufferSize, replication, blockSize, progress);
  }
}

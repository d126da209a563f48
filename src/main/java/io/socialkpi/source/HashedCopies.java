package io.socialkpi.source;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;

/**
 * The first copy of each record's text in a partition of records shuffled by fingerprint, found
 * without a sort: the partition is held in a hash table ({@link FirstCopies}) while it fits a
 * memory budget. A partition that outgrows it (a skewed key, a line repeated millions of times, a
 * compressed source whose size on disk said little) is written to local disk in buckets by its
 * fingerprint's bits; each bucket is then answered in memory if it fits, or in two passes over its
 * file holding only one record per distinct text, or split again by further bits. Every record is
 * answered exactly once, in no particular order.
 */
final class HashedCopies {
  /** Receives each record with the position of its text's first copy in the partition. */
  interface Sink {
    void take(long position, byte[] record, long firstCopy);
  }

  static final int FANOUT = 64;

  /**
   * Levels of buckets, six bits of the fingerprint's low half each (60 bits): lines crafted to
   * share those bits would take about 2^60 tries, so a bucket of many distinct texts always splits.
   * Only the last level holds what it must.
   */
  static final int MAX_DEPTH = 10;

  /** Bytes a held record costs beyond its own: array slots, the array header, table space. */
  static final int OVERHEAD = 96;

  /** Bytes a distinct text of the first pass costs beyond its record (map entry, list, key). */
  static final int DISTINCT_OVERHEAD = 192;

  /** Records in memory per byte of uncompressed input, measured 2.2 to 11.4 on the sample. */
  static final int RECORD_BYTES_PER_INPUT_BYTE = 8;

  private static final int BUFFER = 16 << 10;

  private final Iterator<Row> in;
  private final long budget;
  private final List<File> files = new ArrayList<>();
  private final ArrayDeque<Bucket> pending = new ArrayDeque<>();
  private boolean filled;
  private boolean spilled;
  private FirstCopies held;
  private int answered;
  private SecondPass streaming;

  /** Bucket files being written, closed if the task fails meanwhile. */
  private Buckets writing;

  HashedCopies(Iterator<Row> in, long budget) {
    this.in = in;
    this.budget = budget;
    TaskContext task = TaskContext.get();
    if (task != null) {
      task.addTaskCompletionListener(
          (org.apache.spark.util.TaskCompletionListener) t -> deleteAll());
    }
  }

  /**
   * Memory for one task's records: an eighth of the heap shared by the cores that run tasks at
   * once, between 8 MB and 512 MB.
   */
  static long budget() {
    Runtime rt = Runtime.getRuntime();
    long share = rt.maxMemory() / (8L * rt.availableProcessors());
    return Math.max(8L << 20, Math.min(512L << 20, share));
  }

  /** Partitions for a source of {@code bytes} on disk, so that each usually fits the budget. */
  static int partitionsFor(long bytes, int atLeast) {
    double needed = Math.ceil((double) bytes * RECORD_BYTES_PER_INPUT_BYTE / budget());
    return (int) Math.max(atLeast, Math.min(4096, needed));
  }

  /** Whether this partition spilled to disk (for tests). */
  boolean spilled() {
    return spilled;
  }

  /** Gives the sink the next record; false when every record has been given. */
  boolean next(Sink sink) {
    while (true) {
      if (held != null && answered < held.size()) {
        int i = answered++;
        sink.take(held.position(i), held.record(i), held.firstCopy(i));
        held.release(i);
        return true;
      }
      held = null;
      if (streaming != null) {
        if (streaming.next(sink)) {
          return true;
        }
        streaming.close();
        streaming = null;
      }
      if (!filled) {
        filled = true;
        fill();
      } else if (!pending.isEmpty()) {
        answer(pending.poll());
      } else {
        deleteAll();
        return false;
      }
    }
  }

  private void fill() {
    FirstCopies table = new FirstCopies();
    long bytes = 0;
    while (in.hasNext()) {
      Row row = in.next();
      byte[] record = (byte[]) row.get(3);
      table.add(row.getLong(0), row.getLong(1), row.getLong(2), record, rawStart(record));
      bytes += record.length + OVERHEAD;
      if (bytes > budget && in.hasNext()) {
        Buckets out = new Buckets(0);
        for (int i = 0; i < table.size(); i++) {
          out.write(table.hi(i), table.lo(i), table.position(i), table.record(i));
          table.release(i);
        }
        while (in.hasNext()) {
          Row r = in.next();
          out.write(r.getLong(0), r.getLong(1), r.getLong(2), (byte[]) r.get(3));
        }
        out.close();
        return;
      }
    }
    held = table;
    answered = 0;
  }

  private void answer(Bucket b) {
    if (b.bytes <= budget) {
      FirstCopies table = new FirstCopies();
      try (Reader r = new Reader(b.file)) {
        while (r.next()) {
          table.add(r.hi, r.lo, r.position, r.record, rawStart(r.record));
        }
      }
      delete(b.file);
      held = table;
      answered = 0;
      return;
    }
    boolean canSplit = b.depth + 1 < MAX_DEPTH;
    Map<Fingerprint, List<Text>> distinct = new HashMap<>();
    long bytes = 0;
    try (Reader r = new Reader(b.file)) {
      while (r.next()) {
        List<Text> texts =
            distinct.computeIfAbsent(new Fingerprint(r.hi, r.lo), k -> new ArrayList<>(1));
        Text t = find(texts, r.record);
        if (t == null) {
          texts.add(new Text(r.record, rawStart(r.record), r.position));
          bytes += r.record.length + DISTINCT_OVERHEAD;
          if (bytes > budget && canSplit) {
            break;
          }
        } else {
          t.first = Math.min(t.first, r.position);
        }
      }
    }
    if (bytes > budget && canSplit) {
      // Many distinct texts: split the bucket by the fingerprint's next bits.
      distinct = null;
      Buckets out = new Buckets(b.depth + 1);
      try (Reader r = new Reader(b.file)) {
        while (r.next()) {
          out.write(r.hi, r.lo, r.position, r.record);
        }
      }
      out.close();
      delete(b.file);
      return;
    }
    streaming = new SecondPass(b.file, distinct);
  }

  private static Text find(List<Text> texts, byte[] record) {
    int raw = rawStart(record);
    for (Text t : texts) {
      if (LineRecord.sameString(t.record, t.raw, record, raw)) {
        return t;
      }
    }
    return null;
  }

  /** Where a record's raw text starts (after its kind, split start and line index). */
  static int rawStart(byte[] record) {
    LineRecord.Reader r = new LineRecord.Reader(record);
    r.getByte();
    r.getLong();
    r.getLong();
    return r.skipString();
  }

  private record Fingerprint(long hi, long lo) {}

  private static final class Text {
    final byte[] record;
    final int raw;
    long first;

    Text(byte[] record, int raw, long first) {
      this.record = record;
      this.raw = raw;
      this.first = first;
    }
  }

  private record Bucket(File file, int depth, long bytes) {}

  /** The second pass over a bucket whose distinct texts are known: streams its records. */
  private final class SecondPass {
    private final File file;
    private final Reader reader;
    private final Map<Fingerprint, List<Text>> distinct;

    SecondPass(File file, Map<Fingerprint, List<Text>> distinct) {
      this.file = file;
      this.reader = new Reader(file);
      this.distinct = distinct;
    }

    boolean next(Sink sink) {
      if (!reader.next()) {
        return false;
      }
      Text t = find(distinct.get(new Fingerprint(reader.hi, reader.lo)), reader.record);
      sink.take(reader.position, reader.record, t.first);
      return true;
    }

    void close() {
      reader.close();
      delete(file);
    }
  }

  /** One file per bucket of the fingerprint's bits at a depth. */
  private final class Buckets {
    private final int depth;
    private final File[] file = new File[FANOUT];
    private final DataOutputStream[] out = new DataOutputStream[FANOUT];
    private final long[] bytes = new long[FANOUT];

    Buckets(int depth) {
      this.depth = depth;
      writing = this;
    }

    void write(long hi, long lo, long position, byte[] record) {
      // The partition was chosen by a hash of hi; buckets take lo's bits, six per depth.
      int b = (int) (lo >>> (58 - 6 * depth)) & (FANOUT - 1);
      try {
        if (out[b] == null) {
          file[b] = newFile();
          out[b] =
              new DataOutputStream(
                  new BufferedOutputStream(Files.newOutputStream(file[b].toPath()), BUFFER));
        }
        out[b].writeLong(hi);
        out[b].writeLong(lo);
        out[b].writeLong(position);
        out[b].writeInt(record.length);
        out[b].write(record);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      bytes[b] += record.length + OVERHEAD;
    }

    void close() {
      writing = null;
      for (int b = 0; b < FANOUT; b++) {
        if (out[b] != null) {
          try {
            out[b].close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          pending.add(new Bucket(file[b], depth, bytes[b]));
        }
      }
    }

    /** Closes every file without publishing it, ignoring errors: the task is failing. */
    void abandon() {
      for (DataOutputStream o : out) {
        if (o != null) {
          try {
            o.close();
          } catch (IOException | RuntimeException ignored) {
            // the files are deleted next
          }
        }
      }
    }
  }

  private File newFile() throws IOException {
    SparkEnv env = SparkEnv.get();
    File f =
        env != null
            ? env.blockManager().diskBlockManager().createTempLocalBlock()._2()
            : Files.createTempFile("socialkpi-copies", ".bin").toFile();
    files.add(f);
    spilled = true;
    return f;
  }

  private void delete(File f) {
    f.delete(); // one that stays is deleted again with the rest at the task's end
  }

  private void deleteAll() {
    try {
      if (writing != null) {
        writing.abandon();
        writing = null;
      }
      if (streaming != null) {
        streaming.reader.close();
        streaming = null;
      }
    } catch (RuntimeException ignored) {
      // the files are deleted whatever happened to their streams
    } finally {
      for (File f : files) {
        f.delete();
      }
      files.clear();
    }
  }

  /** Reads a bucket file's records one at a time. */
  private static final class Reader implements AutoCloseable {
    private final DataInputStream in;
    long hi;
    long lo;
    long position;
    byte[] record;

    Reader(File file) {
      try {
        in =
            new DataInputStream(
                new BufferedInputStream(Files.newInputStream(file.toPath()), BUFFER));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    boolean next() {
      try {
        hi = in.readLong();
      } catch (EOFException e) {
        return false;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try {
        lo = in.readLong();
        position = in.readLong();
        record = new byte[in.readInt()];
        in.readFully(record);
        return true;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        in.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

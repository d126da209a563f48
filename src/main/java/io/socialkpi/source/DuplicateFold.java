package io.socialkpi.source;

import io.socialkpi.config.Aggregate;
import io.socialkpi.config.MetricSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The second half of a text source's scan, over one partition of {@link LineRecord}s: marks the
 * later copies of a line as duplicates and folds accepted lines into partial aggregates per
 * (entity, window). With the duplicate check on, the partition's records (all copies of a text are
 * in one partition, shuffled by fingerprint) are read whole first, and {@link FirstCopies} gives
 * each its text's first copy in the source; copies are confirmed by comparing their text, never by
 * the fingerprint alone. Emits the rows of {@link TextScan#partial}: one per quarantined line, and
 * one per group (more when a partition holds more groups than the cap, which are flushed and merged
 * later).
 */
final class DuplicateFold implements Iterator<Row> {
  /** Groups held per partition before they are flushed as partial rows. */
  static final int MAX_GROUPS = 200_000;

  private static final BigDecimal TWO_63 = new BigDecimal(BigInteger.ONE.shiftLeft(63));

  private final Iterator<Row> in;
  private final Aggregate[] aggregates;
  private final List<String> fileNames;
  private final Copies mode;
  private final int maxGroups;
  private final ArrayDeque<Row> out = new ArrayDeque<>();
  private final Map<Key, State> groups = new HashMap<>();
  private FirstCopies copies;
  private int taken;
  private final List<Long> firstPositions = new ArrayList<>();
  private final List<byte[]> firstRecords = new ArrayList<>();
  private final List<Integer> firstRaw = new ArrayList<>();
  private long fpHi;
  private long fpLo;
  private boolean any;

  DuplicateFold(
      Iterator<Row> in,
      List<MetricSpec> metrics,
      List<String> fileNames,
      Copies mode,
      int maxGroups) {
    this.maxGroups = maxGroups;
    this.in = in;
    this.aggregates = new Aggregate[metrics.size()];
    for (int i = 0; i < aggregates.length; i++) {
      aggregates[i] = metrics.get(i).aggregate();
    }
    this.fileNames = fileNames;
    this.mode = mode;
  }

  /** How the later copies of a line are found, if at all. */
  enum Copies {
    /** The duplicate check is off for the source. */
    NONE,
    /**
     * Records arrive sorted by fingerprint and position (Spark's sort, which spills to disk): a
     * text's copies are neighbours and its first copy comes first. For compressed input, whose size
     * in memory the file sizes do not tell.
     */
    SORTED,
    /** Records in any order, held in memory per partition: {@link FirstCopies}. */
    HASHED
  }

  private record Key(String entity, int window) {}

  /** A group's partial aggregate. */
  private static final class State {
    long rows;
    long minTs = Long.MAX_VALUE;
    long maxTs = Long.MIN_VALUE;
    int minDay = Integer.MAX_VALUE;
    int maxDay = Integer.MIN_VALUE;
    final double[] value;
    final long[] count;
    final long[] lastTs;
    final long[] lastPos;

    State(int metrics) {
      value = new double[metrics];
      count = new long[metrics];
      lastTs = new long[metrics];
      lastPos = new long[metrics];
    }
  }

  @Override
  public boolean hasNext() {
    if (mode == Copies.HASHED && copies == null) {
      // Every record of the partition is read before the first is answered: the first copy of
      // a text may come last.
      copies = new FirstCopies();
      while (in.hasNext()) {
        Row row = in.next();
        byte[] bytes = (byte[]) row.get(3);
        copies.add(row.getLong(0), row.getLong(1), row.getLong(2), bytes, rawStart(bytes));
      }
    }
    while (out.isEmpty()) {
      if (mode == Copies.HASHED) {
        if (taken == copies.size()) {
          break;
        }
        int i = taken++;
        take(copies.position(i), copies.record(i), copies.firstCopy(i));
        copies.release(i);
      } else {
        if (!in.hasNext()) {
          break;
        }
        Row row = in.next();
        long position = row.getLong(2);
        byte[] bytes = (byte[]) row.get(3);
        long first =
            mode == Copies.SORTED
                ? neighbourFirstCopy(row.getLong(0), row.getLong(1), position, bytes)
                : position;
        take(position, bytes, first);
      }
    }
    if (out.isEmpty() && !groups.isEmpty()) {
      flush();
    }
    return !out.isEmpty();
  }

  /**
   * In sorted input, the position of the first copy of this record's text: its own unless a record
   * with the same fingerprint and the same text came before it.
   */
  private long neighbourFirstCopy(long hi, long lo, long position, byte[] bytes) {
    int raw = rawStart(bytes);
    if (!any || hi != fpHi || lo != fpLo) {
      any = true;
      fpHi = hi;
      fpLo = lo;
      firstPositions.clear();
      firstRecords.clear();
      firstRaw.clear();
    }
    for (int i = 0; i < firstRecords.size(); i++) {
      if (LineRecord.sameString(firstRecords.get(i), firstRaw.get(i), bytes, raw)) {
        return firstPositions.get(i);
      }
    }
    firstPositions.add(position);
    firstRecords.add(bytes);
    firstRaw.add(raw);
    return position;
  }

  /** Where a record's raw text starts (after its kind, split start and line index). */
  private static int rawStart(byte[] bytes) {
    LineRecord.Reader r = new LineRecord.Reader(bytes);
    r.getByte();
    r.getLong();
    r.getLong();
    return r.skipString();
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return out.poll();
  }

  private void take(long position, byte[] bytes, long firstCopy) {
    LineRecord.Reader r = new LineRecord.Reader(bytes);
    int kind = r.getByte();
    long splitStart = r.getLong();
    long index = r.getLong();
    int raw = r.skipString();
    if (kind == LineRecord.REJECTED) {
      QuarantineReason reason = QuarantineReason.values()[r.getByte()];
      out.add(rejected(position, splitStart, index, bytes, raw, reason, r.getString()));
      return;
    }
    if (firstCopy != position) {
      long offset = firstCopy & ((1L << RawRows.OFFSET_BITS) - 1);
      String file = fileNames.get((int) (firstCopy >>> RawRows.OFFSET_BITS));
      out.add(
          rejected(
              position,
              splitStart,
              index,
              bytes,
              raw,
              QuarantineReason.DUPLICATE,
              "same as the row at byte " + offset + " of " + file));
      return;
    }
    fold(r, position);
  }

  private void fold(LineRecord.Reader r, long position) {
    String entity = r.getString();
    int window = r.getInt();
    long ts = r.getLong();
    int day = r.getInt();
    State s = groups.computeIfAbsent(new Key(entity, window), k -> new State(aggregates.length));
    s.rows++;
    s.minTs = Math.min(s.minTs, ts);
    s.maxTs = Math.max(s.maxTs, ts);
    s.minDay = Math.min(s.minDay, day);
    s.maxDay = Math.max(s.maxDay, day);
    for (int i = 0; i < aggregates.length; i++) {
      double v = r.getDouble();
      if (Double.isNaN(v)) {
        continue;
      }
      boolean first = s.count[i] == 0;
      s.count[i]++;
      switch (aggregates[i]) {
        case SUM, MEAN -> s.value[i] += v;
        case COUNT -> {}
        case MIN -> s.value[i] = first ? v : Math.min(s.value[i], v);
        case MAX -> s.value[i] = first ? v : Math.max(s.value[i], v);
        case LAST -> {
          if (first || ts > s.lastTs[i] || (ts == s.lastTs[i] && position > s.lastPos[i])) {
            s.value[i] = v;
            s.lastTs[i] = ts;
            s.lastPos[i] = position;
          }
        }
      }
    }
    if (groups.size() > maxGroups) {
      flush();
    }
  }

  private void flush() {
    for (Map.Entry<Key, State> e : groups.entrySet()) {
      State s = e.getValue();
      Object[] v = new Object[TextScan.FIXED + 3 * aggregates.length];
      v[0] = true;
      v[1] = e.getKey().entity();
      v[2] = e.getKey().window();
      v[9] = s.rows;
      v[10] = s.minTs;
      v[11] = s.maxTs;
      v[12] = s.minDay;
      v[13] = s.maxDay;
      for (int i = 0; i < aggregates.length; i++) {
        int at = TextScan.FIXED + 3 * i;
        boolean seen = s.count[i] > 0;
        v[at] = seen && aggregates[i] != Aggregate.COUNT ? s.value[i] : null;
        v[at + 1] = s.count[i];
        v[at + 2] =
            seen && aggregates[i] == Aggregate.LAST
                ? new BigDecimal(s.lastTs[i]).multiply(TWO_63).add(new BigDecimal(s.lastPos[i]))
                : null;
      }
      out.add(RowFactory.create(v));
    }
    groups.clear();
  }

  private Row rejected(
      long position,
      long splitStart,
      long index,
      byte[] bytes,
      int raw,
      QuarantineReason reason,
      String detail) {
    Object[] v = new Object[TextScan.FIXED + 3 * aggregates.length];
    v[0] = false;
    v[3] = position;
    v[4] = splitStart;
    v[5] = index;
    v[6] = new LineRecord.Reader(bytes).stringAt(raw);
    v[7] = reason.code();
    v[8] = detail;
    v[9] = 1L;
    for (int i = 0; i < aggregates.length; i++) {
      v[TextScan.FIXED + 3 * i + 1] = 0L;
    }
    return RowFactory.create(v);
  }
}

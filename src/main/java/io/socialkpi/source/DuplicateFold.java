package io.socialkpi.source;

import io.socialkpi.config.Aggregate;
import io.socialkpi.config.MetricSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
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
 * (entity, window). With the duplicate check on, all copies of a text are in one partition
 * (shuffled by fingerprint), and {@link HashedCopies} gives each record its text's first copy in
 * the source; copies are confirmed by comparing their text, never by the fingerprint alone. Emits
 * the rows of {@link TextScan#partial}: one per quarantined line, and one per group (more when a
 * partition holds more groups than the cap, which are flushed and merged later).
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
  private HashedCopies copies;
  private final long budget;

  DuplicateFold(
      Iterator<Row> in,
      List<MetricSpec> metrics,
      List<String> fileNames,
      Copies mode,
      int maxGroups) {
    this(in, metrics, fileNames, mode, maxGroups, HashedCopies.budget());
  }

  /** As above, holding at most about {@code budget} bytes of records in memory when hashed. */
  DuplicateFold(
      Iterator<Row> in,
      List<MetricSpec> metrics,
      List<String> fileNames,
      Copies mode,
      int maxGroups,
      long budget) {
    this.budget = budget;
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
     * Records in any order, all copies of a text in the partition: {@link HashedCopies}, in memory
     * while the partition fits its budget, on local disk when it does not.
     */
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
    final long[] missing;

    State(int metrics) {
      missing = new long[metrics];
      value = new double[metrics];
      count = new long[metrics];
      lastTs = new long[metrics];
      lastPos = new long[metrics];
    }
  }

  @Override
  public boolean hasNext() {
    if (mode == Copies.HASHED && copies == null) {
      copies = new HashedCopies(in, budget);
    }
    while (out.isEmpty()) {
      if (mode == Copies.HASHED) {
        if (!copies.next(this::take)) {
          break;
        }
      } else {
        if (!in.hasNext()) {
          break;
        }
        Row row = in.next();
        long position = row.getLong(2);
        take(position, (byte[]) row.get(3), position);
      }
    }
    if (out.isEmpty() && !groups.isEmpty()) {
      flush();
    }
    return !out.isEmpty();
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
    if (kind == LineRecord.SKIPPED) {
      return; // a totals row or the like: not data, like a header line
    }
    if (kind == LineRecord.REJECTED) {
      QuarantineReason reason = r.getReason();
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
      if (LineRecord.isMissing(v)) {
        s.missing[i]++;
        continue;
      }
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
      Object[] v = new Object[TextScan.FIXED + TextScan.PER_METRIC * aggregates.length];
      v[0] = true;
      v[1] = e.getKey().entity();
      v[2] = e.getKey().window();
      v[9] = s.rows;
      v[10] = s.minTs;
      v[11] = s.maxTs;
      v[12] = s.minDay;
      v[13] = s.maxDay;
      for (int i = 0; i < aggregates.length; i++) {
        int at = TextScan.FIXED + TextScan.PER_METRIC * i;
        boolean seen = s.count[i] > 0;
        v[at] = seen && aggregates[i] != Aggregate.COUNT ? s.value[i] : null;
        v[at + 1] = s.count[i];
        v[at + 2] =
            seen && aggregates[i] == Aggregate.LAST
                ? new BigDecimal(s.lastTs[i]).multiply(TWO_63).add(new BigDecimal(s.lastPos[i]))
                : null;
        v[at + 3] = s.missing[i];
      }
      out.add(RowFactory.create(v));
    }
    groups.clear();
  }

  /**
   * The one group of a source's superseded rows ({@code overlap.keep = newest}): no entity, window
   * or place, reason {@link Overlaps#SUPERSEDED}, counted apart from quarantine.
   */
  static Row superseded(long rows, int metrics) {
    Object[] v = new Object[TextScan.FIXED + TextScan.PER_METRIC * metrics];
    v[0] = false;
    v[7] = Overlaps.SUPERSEDED;
    v[9] = rows;
    for (int i = 0; i < metrics; i++) {
      v[TextScan.FIXED + TextScan.PER_METRIC * i + 1] = 0L;
      v[TextScan.FIXED + TextScan.PER_METRIC * i + 3] = 0L;
    }
    return RowFactory.create(v);
  }

  private Row rejected(
      long position,
      long splitStart,
      long index,
      byte[] bytes,
      int raw,
      QuarantineReason reason,
      String detail) {
    Object[] v = new Object[TextScan.FIXED + TextScan.PER_METRIC * aggregates.length];
    v[0] = false;
    v[3] = position;
    v[4] = splitStart;
    v[5] = index;
    v[6] = new LineRecord.Reader(bytes).stringAt(raw);
    v[7] = reason.code();
    v[8] = detail;
    v[9] = 1L;
    for (int i = 0; i < aggregates.length; i++) {
      v[TextScan.FIXED + TextScan.PER_METRIC * i + 1] = 0L;
      v[TextScan.FIXED + TextScan.PER_METRIC * i + 3] = 0L;
    }
    return RowFactory.create(v);
  }
}

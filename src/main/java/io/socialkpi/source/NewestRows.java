package io.socialkpi.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * The {@code overlap.keep = newest} rule in plain Java, over every {@link LineRecord} of a text
 * source held in one task: the twin of {@link Overlaps}, which does the same with two Spark windows
 * for the sources that take Spark's expressions. Of the accepted rows that share a key (entity,
 * instant and the {@code overlap.key} texts, every one non-empty), only those of the newest file
 * count: the file whose accepted rows reach the latest instant, a tie going to the later file in
 * path order. The others are superseded: left out of the duplicate check (so a newer twin is its
 * own first copy) and of the aggregate, and counted in one group of their own.
 *
 * <p>A source whose metrics number in the hundreds (Facebook's page export, every column a metric)
 * took minutes through the Spark windows and an aggregation of thousands of expressions; this runs
 * in the scan's own task, so such a source keeps the compiled scan (PERFORMANCE.md).
 */
final class NewestRows {
  private final List<Row> kept = new ArrayList<>();
  private long superseded;

  private record Key(String entity, long ts, List<String> values) {}

  /**
   * Resolves the records (rows of {@link TextScan#RECORDS}; skip-rows already dropped) of a source
   * with {@code metrics} metrics and {@code keys} {@code overlap.key} columns.
   */
  NewestRows(Iterator<Row> records, int metrics, int keys) {
    List<Row> all = new ArrayList<>();
    List<Key> rowKeys = new ArrayList<>();
    Map<Integer, Long> fileEnd = new HashMap<>();
    while (records.hasNext()) {
      Row r = records.next();
      all.add(r);
      byte[] bytes = (byte[]) r.get(3);
      LineRecord.Reader in = new LineRecord.Reader(bytes);
      if (in.getByte() != LineRecord.ACCEPTED) {
        rowKeys.add(null);
        continue;
      }
      in.getLong(); // split start
      in.getLong(); // line index
      in.skipString(); // raw text
      String entity = in.getString();
      in.getInt(); // window
      long ts = in.getLong();
      in.getInt(); // day
      in.skip(Double.BYTES * metrics);
      String[] values = new String[keys];
      boolean keyed = true;
      for (int k = 0; k < keys; k++) {
        values[k] = in.getString();
        keyed &= values[k] != null && !values[k].isEmpty();
      }
      fileEnd.merge(rank(r), ts, Math::max);
      // A row without a value in a key column names nothing another file could repeat: it counts.
      rowKeys.add(keyed ? new Key(entity, ts, Arrays.asList(values)) : null);
    }
    Map<Key, Integer> newest = new HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      Key key = rowKeys.get(i);
      if (key != null) {
        int rank = rank(all.get(i));
        newest.merge(key, rank, (a, b) -> newer(a, b, fileEnd));
      }
    }
    for (int i = 0; i < all.size(); i++) {
      Key key = rowKeys.get(i);
      if (key != null && newest.get(key) != rank(all.get(i))) {
        superseded++;
      } else {
        kept.add(all.get(i));
      }
    }
  }

  /** The file rank of a record, from its position. */
  private static int rank(Row record) {
    return (int) (record.getLong(2) >>> RawRows.OFFSET_BITS);
  }

  /** The newer of two files: the later reach, then the later path. */
  private static int newer(int a, int b, Map<Integer, Long> fileEnd) {
    int c = Long.compare(fileEnd.get(a), fileEnd.get(b));
    return c > 0 || (c == 0 && a > b) ? a : b;
  }

  /** The records that count (and the quarantined ones), in their order. */
  Iterator<Row> kept() {
    return kept.iterator();
  }

  /** How many accepted records a newer file's rows superseded. */
  long superseded() {
    return superseded;
  }
}

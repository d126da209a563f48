package io.socialkpi.source;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.shiftright;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.socialkpi.config.SourceSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The {@code overlap.keep = newest} rule of a source: of the accepted rows that share a key (time,
 * entity and the {@code overlap.key} columns) across files, only those of the newest file count;
 * the others are marked {@link #SUPERSEDED}. The newest file is the one whose accepted rows reach
 * the latest time, a tie going to the later file in path order: consecutive exports are named and
 * dated by their periods, while file times change with every copy.
 *
 * <p>Rows of one file never supersede each other: two rows of the newest file with one key both
 * count, as they would without the rule. Costs two window shuffles, so only sources that set the
 * rule pay for it (daily and per-post exports, which are small).
 */
final class Overlaps {
  /**
   * The reason of a superseded row: not a quarantine reason (nothing is wrong with the row), but
   * carried in the same column so the row takes no part in the aggregate and is counted apart.
   */
  static final String SUPERSEDED = "superseded";

  private static final String FILE_END = "overlap$file_end";
  private static final String NEWEST = "overlap$newest";

  private Overlaps() {}

  /** The observations with rows of older files marked superseded, when the source asks for it. */
  static Dataset<Row> newestWins(Dataset<Row> obs, SourceSpec source) {
    if (!source.overlap().newest()) {
      return obs;
    }
    Column accepted = col(RawRows.REASON).isNull();
    Column fileRank = shiftright(col(RawRows.POSITION), RawRows.OFFSET_BITS);
    obs =
        obs.withColumn(
            FILE_END,
            max(when(accepted, col(Observations.TS))).over(Window.partitionBy(col(RawRows.FILE))));
    List<Column> key = new ArrayList<>();
    key.add(col(Observations.ENTITY));
    key.add(col(Observations.TS));
    for (int k = 0; k < source.overlap().key().size(); k++) {
      key.add(col(Observations.overlapKey(k)));
    }
    Column rank = struct(col(FILE_END).as("end"), fileRank.as("rank"));
    obs =
        obs.withColumn(
            NEWEST, max(when(accepted, rank)).over(Window.partitionBy(key.toArray(new Column[0]))));
    // A row without a value in a key column names nothing another file could repeat: it counts.
    Column keyed = lit(true);
    for (int k = 0; k < source.overlap().key().size(); k++) {
      Column v = col(Observations.overlapKey(k));
      keyed = keyed.and(v.isNotNull()).and(v.notEqual(lit("")));
    }
    Column superseded = accepted.and(keyed).and(rank.notEqual(col(NEWEST)));
    return obs.withColumn(
            RawRows.REASON, when(superseded, lit(SUPERSEDED)).otherwise(col(RawRows.REASON)))
        .drop(FILE_END, NEWEST);
  }
}

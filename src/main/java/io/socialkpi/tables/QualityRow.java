package io.socialkpi.tables;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Row accounting of one source in one run: a row of the {@code data_quality} table, and its
 * definition ({@link RowCodec} derives the columns; documented in docs/TABLES.md).
 *
 * @param firstTime earliest accepted timestamp, null when nothing was accepted
 * @param missingValues per metric, in config order, the accepted rows whose cell was empty: a list
 *     of structs rather than a map, since Spark cannot sort, compare or de-duplicate maps
 * @param rowsSuperseded added after {@code missing_values}, so readers by position of older runs
 *     are unaffected
 */
public record QualityRow(
    String source,
    int files,
    long rowsRead,
    long rowsAccepted,
    long rowsQuarantined,
    double quarantinedFraction,
    Instant firstTime,
    Instant lastTime,
    List<MissingCells> missingValues,
    long rowsSuperseded)
    implements Serializable {

  /** One metric's count of empty cells in accepted rows. */
  public record MissingCells(String metric, long cells) implements Serializable {}
}

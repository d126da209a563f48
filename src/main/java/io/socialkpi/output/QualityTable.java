package io.socialkpi.output;

import io.socialkpi.source.SourceQuality;
import io.socialkpi.tables.QualityRow;
import io.socialkpi.tables.RowCodec;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The {@code data_quality} table: one row of row accounting per source ({@link QualityRow}). */
public final class QualityTable {
  private QualityTable() {}

  static QualityRow row(SourceQuality q) {
    List<QualityRow.MissingCells> missing = new ArrayList<>();
    q.missingCells()
        .forEach((metric, cells) -> missing.add(new QualityRow.MissingCells(metric, cells)));
    return new QualityRow(
        q.source(),
        q.files(),
        q.rowsRead(),
        q.rowsAccepted(),
        q.rowsQuarantined(),
        q.quarantinedFraction(),
        q.firstTime(),
        q.lastTime(),
        missing,
        q.rowsSuperseded());
  }

  public static Dataset<Row> of(SparkSession spark, List<SourceQuality> qualities) {
    RowCodec<QualityRow> codec = RowCodec.of(QualityRow.class);
    return spark.createDataFrame(
        codec.encodeAll(qualities.stream().map(QualityTable::row).toList()), codec.schema());
  }
}

package io.socialkpi.output;

import io.socialkpi.source.SourceQuality;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The {@code data_quality} table: one row of row accounting per source. */
public final class QualityTable {
  static final StructType SCHEMA =
      new StructType()
          .add("source", DataTypes.StringType)
          .add("files", DataTypes.IntegerType)
          .add("rows_read", DataTypes.LongType)
          .add("rows_accepted", DataTypes.LongType)
          .add("rows_quarantined", DataTypes.LongType)
          .add("quarantined_fraction", DataTypes.DoubleType)
          .add("first_time", DataTypes.TimestampType)
          .add("last_time", DataTypes.TimestampType)
          // A list of structs rather than a map: Spark cannot sort, compare or de-duplicate maps.
          .add(
              "missing_values",
              DataTypes.createArrayType(
                  new StructType()
                      .add("metric", DataTypes.StringType, false)
                      .add("cells", DataTypes.LongType, false),
                  false))
          .add("rows_superseded", DataTypes.LongType);

  private QualityTable() {}

  private static List<Row> missing(SourceQuality q) {
    List<Row> out = new ArrayList<>();
    q.missingCells().forEach((metric, cells) -> out.add(RowFactory.create(metric, cells)));
    return out;
  }

  public static Dataset<Row> of(SparkSession spark, List<SourceQuality> qualities) {
    List<Row> rows = new ArrayList<>();
    for (SourceQuality q : qualities) {
      rows.add(
          RowFactory.create(
              q.source(),
              q.files(),
              q.rowsRead(),
              q.rowsAccepted(),
              q.rowsQuarantined(),
              q.quarantinedFraction(),
              q.firstTime() == null ? null : Timestamp.from(q.firstTime()),
              q.lastTime() == null ? null : Timestamp.from(q.lastTime()),
              missing(q),
              q.rowsSuperseded()));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }
}

package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class LineNumbersTest {
  @Test
  void theQuarantineTableNamesFilesWithoutTheirUriSecrets() {
    SparkSession spark = SparkTestSession.get();
    String file = "s3a://AKIAKEY:s3cr3t@bucket/pages.csv";
    StructType schema =
        new StructType()
            .add("source", DataTypes.StringType)
            .add(RawRows.FILE, DataTypes.StringType)
            .add(RawRows.SPLIT_START, DataTypes.LongType)
            .add(RawRows.LINE_INDEX, DataTypes.LongType)
            .add(RawRows.OFFSET, DataTypes.LongType)
            .add(RawRows.REASON, DataTypes.StringType)
            .add(RawRows.DETAIL, DataTypes.StringType)
            .add(RawRows.RAW, DataTypes.StringType);
    var rejected =
        spark.createDataFrame(
            List.of(RowFactory.create("pages", file, 0L, 2L, 40L, "bad_time", "x", "raw")), schema);
    List<Row> rows =
        LineNumbers.number(spark, rejected, List.of(new SplitLines(file, 0, 5))).collectAsList();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).<String>getAs(RawRows.FILE)).isEqualTo("s3a://***@bucket/pages.csv");
    assertThat(rows.get(0).<Long>getAs("line")).isEqualTo(3L);
  }
}

package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Quarantined rows get their line numbers, and never store a URI's secret. */
class LineNumbersTest {
  static final StructType REJECTED =
      new StructType()
          .add("source", DataTypes.StringType)
          .add(RawRows.FILE, DataTypes.StringType)
          .add(RawRows.SPLIT_START, DataTypes.LongType)
          .add(RawRows.LINE_INDEX, DataTypes.LongType)
          .add(RawRows.OFFSET, DataTypes.LongType)
          .add(RawRows.REASON, DataTypes.StringType)
          .add(RawRows.DETAIL, DataTypes.StringType)
          .add(RawRows.RAW, DataTypes.StringType);

  /** One rejected row at index 2 of a 5-line split of {@code file}, numbered. */
  static Row numbered(String file, String reason, String detail) {
    var rejected =
        SparkTestSession.get()
            .createDataFrame(
                List.of(RowFactory.create("pages", file, 0L, 2L, 40L, reason, detail, "raw")),
                REJECTED);
    List<Row> rows =
        LineNumbers.number(SparkTestSession.get(), rejected, List.of(new SplitLines(file, 0, 5)))
            .collectAsList();
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  @Test
  void theQuarantineTableNamesFilesWithoutTheirUriSecrets() {
    Row row = numbered("s3a://AKIAKEY:s3cr3t@bucket/pages.csv", "bad_time", "x");
    assertThat(row.<String>getAs(RawRows.FILE)).isEqualTo("s3a://***@bucket/pages.csv");
    assertThat(row.<Long>getAs("line")).isEqualTo(3L);
  }

  @Test
  void aDuplicateFilesDetailDoesNotStoreUriSecrets() {
    // A duplicate_file row's detail names the other file, as LineParser.duplicateOf builds it
    // (found by the review of issue 18: only the file column was redacted).
    String original = "s3a://AKIAKEY:s3cr3t@bucket/pages.csv";
    Row row =
        numbered(
            "s3a://AKIAKEY:s3cr3t@bucket/pages (1).csv",
            "duplicate_file",
            "the file has the same bytes as " + original + ", whose rows count");
    assertThat(row.<String>getAs(RawRows.DETAIL))
        .isEqualTo("the file has the same bytes as s3a://***@bucket/pages.csv, whose rows count");
  }
}

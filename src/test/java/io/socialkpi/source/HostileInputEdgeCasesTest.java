package io.socialkpi.source;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input an independent review of issue 18 found mishandled: inch marks, split boundaries,
 * secrets in details.
 */
class HostileInputEdgeCasesTest {
  static SparkSession spark;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.get();
  }

  @BeforeEach
  void corpus() {
    BadInputs.copyTo(dir);
  }

  @AfterEach
  void resetSplitSize() {
    spark
        .sparkContext()
        .hadoopConfiguration()
        .unset("mapreduce.input.fileinputformat.split.maxsize");
  }

  SourceScan pages(String path) throws IOException {
    Files.writeString(
        dir.resolve("job.conf"), BadInputs.config("UTC", BadInputs.pagesSource("pages", path, "")));
    Settings s = SettingsLoader.load(dir.resolve("job.conf"));
    return SourceScan.run(
        spark, s.sources().get("pages"), InputCheck.check(s).get("pages"), s.run());
  }

  static Map<String, Double> values(SourceScan scan, String metric) {
    return new TreeMap<>(
        scan.windowValues().filter(col("metric").equalTo(metric)).collectAsList().stream()
            .collect(
                Collectors.toMap(
                    r -> r.getAs("window_start").toString(), r -> r.<Double>getAs("value"))));
  }

  /**
   * One inch mark in an unquoted free-text field (univocity and Spark read it as a literal quote,
   * as the code did before this change) must not make every later line of the file "inside a
   * quote": a quote in the middle of an unquoted field opens no quoted field.
   */
  @Test
  void anInchMarkInAnUnquotedFieldDoesNotQuarantineTheRestOfTheFile() throws IOException {
    Files.writeString(
        dir.resolve("inch.csv"),
        "date,region,fans,engaged_users,revenue,note\n"
            + "2024-03-01,north,100,10,1.5,ok\n"
            + "2024-03-02,north,101,11,2.5,TV 55\" screen\n"
            + "2024-03-03,north,102,12,3.5,ok\n"
            + "2024-03-04,north,103,13,4.5,ok\n"
            + "2024-03-05,north,104,14,5.5,ok\n");
    SourceScan scan = pages("inch.csv");
    assertThat(scan.quality().rowsRead()).isEqualTo(5);
    // Lines 4-6 hold no quote at all and are fine rows.
    assertThat(values(scan, "pages.fans")).containsKeys("2024-03-03", "2024-03-04", "2024-03-05");
    assertThat(scan.quality().rowsAccepted()).isGreaterThanOrEqualTo(4);
  }

  /**
   * The quote state is kept per Hadoop split: a quoted line break whose record crosses a split
   * boundary flips the parity in the next split, so the inner "record" line is accepted (the fake
   * row the issue is about) and real rows after it are quarantined. Splits are 32 MB on a local
   * disk, 128 MB on HDFS: any big export with multi-line notes hits this.
   */
  @Test
  void aQuotedLineBreakAcrossASplitBoundaryNeverMakesARow() throws IOException {
    spark
        .sparkContext()
        .hadoopConfiguration()
        .setLong("mapreduce.input.fileinputformat.split.maxsize", 40);
    SourceScan scan = pages("quoted-newline.csv");
    SourceQuality q = scan.quality();
    assertThat(q.rowsRead()).isEqualTo(8);
    // 2024-03-03 and 2024-03-06 are text inside quoted fields, never rows.
    assertThat(values(scan, "pages.fans"))
        .containsOnlyKeys("2024-03-01", "2024-03-04", "2024-03-07");
  }

  /**
   * LineNumbers hides the user-info of the file column, but a duplicate_file row's detail names the
   * other file with its full URI: the secret is stored in the quarantine table.
   */
  @Test
  void aDuplicateFilesDetailDoesNotStoreUriSecrets() {
    String file = "s3a://AKIAKEY:s3cr3t@bucket/pages (1).csv";
    String original = "s3a://AKIAKEY:s3cr3t@bucket/pages.csv";
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
    // The detail exactly as LineParser.duplicateOf builds it.
    String detail = "the file has the same bytes as " + original + ", whose rows count";
    var rejected =
        spark.createDataFrame(
            List.of(RowFactory.create("pages", file, 0L, 2L, 40L, "duplicate_file", detail, "r")),
            schema);
    List<Row> rows =
        LineNumbers.number(spark, rejected, List.of(new SplitLines(file, 0, 5))).collectAsList();
    assertThat(rows.get(0).<String>getAs(RawRows.DETAIL)).doesNotContain("s3cr3t");
  }
}

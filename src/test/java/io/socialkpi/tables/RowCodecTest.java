package io.socialkpi.tables;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Records as rows and back: the derived schema, NaN as null, reading by name. */
class RowCodecTest {
  record Item(String leadMetric, int lag, double qValue) {}

  record Sample(
      String name,
      double value,
      Double boxed,
      int count,
      Integer maybe,
      long big,
      Boolean flag,
      LocalDate day,
      Instant at,
      List<Item> items) {}

  record Part(String model, Double estimate) {}

  /** A reader of some of Sample's columns, in another order, one renamed, one grouped. */
  record Reader(@ColumnName("value") Double amount, String name, @Prefixed("x_") Part part) {}

  static final Sample SAMPLE =
      new Sample(
          "a",
          Double.NaN,
          2.5,
          3,
          null,
          4L,
          true,
          LocalDate.of(2024, 2, 29),
          Instant.parse("2024-03-01T10:15:30Z"),
          List.of(new Item("s.fans", 2, 0.01)));

  @Test
  void theSchemaIsOneNullableColumnPerComponentInSnakeCase() {
    StructType schema = RowCodec.of(Sample.class).schema();
    assertThat(schema.toDDL())
        .isEqualTo(
            "name STRING,value DOUBLE,boxed DOUBLE,count INT,maybe INT,big BIGINT,flag BOOLEAN,"
                + "day DATE,at TIMESTAMP,items ARRAY<STRUCT<lead_metric: STRING, lag: INT,"
                + " q_value: DOUBLE>>");
    assertThat(schema.fields()).allMatch(f -> f.nullable());
    assertThat(RowCodec.of(Reader.class).names())
        .containsExactly("value", "name", "x_model", "x_estimate");
  }

  @Test
  void aNullElementOfAListStaysNull() {
    // review16: it was written as a struct of nulls, read back as Item(null, 0, NaN).
    Sample withNull =
        new Sample(
            "a",
            1,
            null,
            0,
            null,
            0L,
            null,
            null,
            null,
            java.util.Arrays.asList(new Item("s.fans", 2, 0.01), null));
    Row row = RowCodec.of(Sample.class).encode(withNull);
    scala.collection.Seq<?> items = (scala.collection.Seq<?>) row.get(row.size() - 1);
    assertThat(items.apply(1)).isNull();
    RowCodec<Sample> codec = RowCodec.of(Sample.class);
    Row back =
        SparkTestSession.get().createDataFrame(List.of(row), codec.schema()).collectAsList().get(0);
    assertThat(codec.decode(back)).isEqualTo(withNull);
  }

  @Test
  void aRecordGoesThroughSparkAndComesBackWithNaNAsNull() {
    SparkSession spark = SparkTestSession.get();
    RowCodec<Sample> codec = RowCodec.of(Sample.class);
    Row back =
        spark
            .createDataFrame(codec.encodeAll(List.of(SAMPLE)), codec.schema())
            .collectAsList()
            .get(0);
    assertThat(back.isNullAt(back.fieldIndex("value"))).isTrue();
    assertThat(codec.decode(back)).isEqualTo(SAMPLE);
  }

  @Test
  void aReaderTakesColumnsByNameAndMissingOnesAsNull() {
    StructType schema =
        new StructType()
            .add("x_estimate", DataTypes.DoubleType)
            .add("name", DataTypes.StringType)
            .add("other", DataTypes.IntegerType);
    Row row =
        new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(
            new Object[] {Double.NaN, "n", 1}, schema);
    assertThat(RowCodec.of(Reader.class).decode(row))
        .isEqualTo(new Reader(null, "n", new Part(null, null)));
  }

  @Test
  void aPrefixedRecordIsWrittenAsItsColumns() {
    Row row = RowCodec.of(Reader.class).encode(new Reader(1.0, "n", new Part("m", 2.0)));
    assertThat(row.toSeq().mkString(",")).isEqualTo("1.0,n,m,2.0");
    Row none = RowCodec.of(Reader.class).encode(new Reader(1.0, "n", null));
    assertThat(none.isNullAt(2) && none.isNullAt(3)).isTrue();
  }
}

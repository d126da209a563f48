package io.socialkpi.calendar;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Spark expressions must give the same windows as the plain-Java calendar, every day. */
class WindowColumnsTest {
  static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.get();
  }

  static Dataset<Row> everyDay(LocalDate from, LocalDate to) {
    List<Row> rows = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      rows.add(RowFactory.create(Date.valueOf(d)));
    }
    return spark.createDataFrame(rows, new StructType().add("d", DataTypes.DateType));
  }

  @Test
  void sparkWindowsEqualJavaWindowsOverThreeYears() {
    Dataset<Row> days = everyDay(LocalDate.of(2023, 12, 25), LocalDate.of(2026, 1, 10));
    for (WindowUnit unit : WindowUnit.values()) {
      List<Row> out =
          days.select(col("d"), WindowColumns.start(col("d"), unit).as("start")).collectAsList();
      assertThat(out).hasSize(748);
      for (Row r : out) {
        LocalDate d = r.getDate(0).toLocalDate();
        LocalDate start = unit.start(d);
        assertThat(r.getDate(1).toLocalDate()).as("%s start of %s", unit, d).isEqualTo(start);
      }
    }
  }
}

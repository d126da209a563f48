package io.socialkpi.source;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import io.socialkpi.calendar.PeriodStamp;
import io.socialkpi.calendar.WindowUnit;
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

  @Test
  void periodStampsAgreeWithJavaOnEveryDayOverThreeYears() {
    var days = everyDay(LocalDate.of(2023, 12, 25), LocalDate.of(2026, 1, 10));
    for (WindowUnit unit : WindowUnit.values()) {
      for (PeriodStamp stamp : PeriodStamp.values()) {
        List<Row> out =
            days.select(col("d"), WindowColumns.onStamp(col("d"), unit, stamp)).collectAsList();
        int stamped = 0;
        for (Row r : out) {
          LocalDate d = r.getDate(0).toLocalDate();
          assertThat(r.getBoolean(1))
              .as("%s %s on %s", stamp, unit, d)
              .isEqualTo(stamp.on(unit, d));
          stamped += r.getBoolean(1) ? 1 : 0;
        }
        int expected =
            switch (unit) {
              case DAY -> 748;
              // 2023-12-25 is a Monday, 2026-01-10 a Saturday: 107 Mondays, 106 Sundays.
              case WEEK -> stamp == PeriodStamp.START ? 107 : 106;
              case MONTH -> 25; // 2024-01-01 .. 2026-01-01, or 2023-12-31 .. 2025-12-31
            };
        assertThat(stamped).as("%s %s", stamp, unit).isEqualTo(expected);
      }
    }
  }
}

package io.socialkpi.source;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_utc_timestamp;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.TimeSpec;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The time columns with their fixed-width fast path give exactly what Spark's own expressions give
 * ({@code try_to_timestamp} and {@code to_utc_timestamp}; {@code from_utc_timestamp} and {@code
 * to_date}), on random valid times from 1900 to 2100, local times in and around daylight-saving
 * gaps and overlaps, and text the fast path must leave to Spark.
 */
class TimeColumnsTest {
  /** Text that a fixed-width reader could get wrong; Spark's parser must decide all of them. */
  private static final List<String> EDGES =
      List.of(
          "2024-02-29 12:00:00",
          "2023-02-29 12:00:00",
          "2100-02-29 12:00:00",
          "2000-02-29 12:00:00",
          "2024-04-31 12:00:00",
          "2024-13-01 12:00:00",
          "2024-00-10 12:00:00",
          "2024-01-00 12:00:00",
          "2024-01-01 24:00:00",
          "2024-01-01 23:60:00",
          "2024-01-01 23:59:60",
          "2024-1-01 12:00:00",
          "2024-01-01 12:00:00.5",
          "2024-01-01 12:00:00Z",
          "2024-01-01T12:00:00",
          "２０２４-01-01 12:00:00",
          "0999-01-01 12:00:00",
          "1000-01-01 00:00:00",
          "9999-12-31 23:59:59",
          "+2024-01-01 12:00:0",
          " 2024-01-01 12:00:00 ",
          "",
          "2024-03-31 03:30:00", // Helsinki: in the spring gap
          "2024-10-27 03:30:00", // Helsinki: ambiguous, twice that night
          "2024-03-10 02:30:00", // Los Angeles: in the gap
          "2024-11-03 01:30:00"); // Los Angeles: ambiguous

  @ParameterizedTest
  @CsvSource({
    "yyyy-MM-dd HH:mm:ss, Europe/Helsinki",
    "yyyy-MM-dd HH:mm:ss, America/Los_Angeles",
    "dd.MM.yyyy HH:mm, Europe/Helsinki",
    "yyyyMMddHHmmss, America/Sao_Paulo",
    "MM/dd/yyyy HH:mm, Australia/Lord_Howe",
    "yyyy-MM-dd'T'HH:mm:ssXXX, UTC"
  })
  void theFastPathGivesSparksInstantsAndAnswersForEveryWellFormedTime(String pattern, String zone) {
    TimeSpec time = new TimeSpec("t", pattern, ZoneId.of(zone));
    FixedWidthPattern reader = FixedWidthPattern.of(pattern);
    assertThat(reader).isNotNull();
    List<String> texts = new ArrayList<>(EDGES);
    List<String> wellFormed = wellFormed(pattern, time.carriesOffset());
    texts.addAll(wellFormed);
    for (String t : wellFormed) {
      assertThat(reader.epochSecond(t)).as(t).isNotEqualTo(FixedWidthPattern.NO_ANSWER);
    }
    Column text = trim(col("t"));
    Column parsed = try_to_timestamp(text, lit(pattern));
    Column spark = time.carriesOffset() ? parsed : to_utc_timestamp(parsed, zone);
    List<Row> rows =
        texts(texts)
            .select(col("t"), TimeColumns.instant(col("t"), DataTypes.StringType, time), spark)
            .collectAsList();
    int parsedBySpark = 0;
    for (Row r : rows) {
      assertThat(r.get(1)).as("'%s' with %s in %s", r.get(0), pattern, zone).isEqualTo(r.get(2));
      parsedBySpark += r.isNullAt(2) ? 0 : 1;
    }
    assertThat(parsedBySpark).isGreaterThanOrEqualTo(wellFormed.size());
  }

  @Test
  void patternsThatAreNotFixedWidthHaveNoFastPath() {
    assertThat(FixedWidthPattern.of("yyyy-MM-dd")).isNull(); // no time: read as a calendar date
    assertThat(FixedWidthPattern.of("d.M.yyyy HH:mm")).isNull();
    assertThat(FixedWidthPattern.of("yyyy-MM-dd HH:mm:ss.SSS")).isNull();
    assertThat(FixedWidthPattern.of("yyyy-MM-dd hh:mm a")).isNull();
    assertThat(FixedWidthPattern.of("yyyy-MM-dd HH:mm:ssXXX'Z'")).isNull();
    assertThat(FixedWidthPattern.of("yyyy-MM-dd HH:mm:ss Z")).isNull();
    assertThat(FixedWidthPattern.of("yyyy-MM-dd'T'HH:mm:ssXXX").carriesOffset()).isTrue();
    // Optional sections and escaped quotes are Spark's to read.
    assertThat(FixedWidthPattern.of("[yyyy-MM-dd HH:mm:ss]")).isNull();
    assertThat(FixedWidthPattern.of("HH 'o''clock' yyyy-MM-dd")).isNull();
  }

  @Test
  void aLiteralZeroInThePatternIsAZeroNotAnyDigit() {
    FixedWidthPattern utc = FixedWidthPattern.of("yyyy-MM-dd'T'HH:mm:ss'+00:00'");
    assertThat(utc.epochSecond("2024-03-04T10:00:00+00:00")).isEqualTo(1_709_546_400L);
    assertThat(utc.epochSecond("2024-03-04T10:00:00+02:00")).isEqualTo(FixedWidthPattern.NO_ANSWER);
    FixedWidthPattern millis = FixedWidthPattern.of("yyyy-MM-dd HH:mm:ss.000");
    assertThat(millis.epochSecond("2024-03-04 10:00:00.250"))
        .isEqualTo(FixedWidthPattern.NO_ANSWER);
  }

  @ParameterizedTest
  @CsvSource({"Europe/Helsinki", "America/Sao_Paulo", "Africa/Casablanca", "Asia/Kathmandu"})
  void theLocalDateIsSparksFromUtcTimestampDate(String zone) {
    Random random = new Random(11);
    List<Long> micros = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      // 1900 to 2100, with fractions of a second, before and after 1970.
      micros.add((long) ((random.nextDouble() * 200 - 70) * 365.25 * 86_400 * 1e6));
    }
    for (int day = 0; day < 3 * 366; day++) {
      long midnight =
          LocalDateTime.of(2018, 1, 1, 0, 0).plusDays(day).toEpochSecond(ZoneOffset.UTC);
      for (long hour = -6; hour <= 6; hour++) {
        micros.add((midnight + hour * 3_600) * 1_000_000L);
        micros.add((midnight + hour * 3_600) * 1_000_000L - 1);
      }
    }
    Dataset<Row> ts =
        SparkTestSession.get()
            .createDataset(micros, Encoders.LONG())
            .toDF("m")
            .select(timestamp_micros(col("m")).as("ts"));
    List<Row> rows =
        ts.select(
                col("ts"),
                TimeColumns.localDate(col("ts"), ZoneId.of(zone)),
                to_date(from_utc_timestamp(col("ts"), zone)))
            .collectAsList();
    assertThat(rows).hasSize(micros.size());
    for (Row r : rows) {
      assertThat(Objects.equals(r.get(1), r.get(2)))
          .as("%s in %s: %s, Spark %s", r.get(0), zone, r.get(1), r.get(2))
          .isTrue();
    }
  }

  /** Random times from 1900 to 2100 written in the pattern, plus every hour of two DST days. */
  private static List<String> wellFormed(String pattern, boolean offset) {
    DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu"));
    Random random = new Random(pattern.hashCode());
    List<LocalDateTime> times = new ArrayList<>();
    LocalDateTime from = LocalDateTime.of(1900, 1, 1, 0, 0);
    for (int i = 0; i < 3_000; i++) {
      times.add(from.plusSeconds((long) (random.nextDouble() * 200 * 365.25 * 86_400)));
    }
    for (LocalDateTime day :
        List.of(
            LocalDateTime.of(2024, 3, 31, 0, 0),
            LocalDateTime.of(2024, 10, 27, 0, 0),
            LocalDateTime.of(2024, 3, 10, 0, 0),
            LocalDateTime.of(2024, 11, 3, 0, 0),
            LocalDateTime.of(2018, 11, 4, 0, 0))) {
      for (int minutes = 0; minutes < 24 * 60; minutes += 15) {
        times.add(day.plusMinutes(minutes));
      }
    }
    List<String> texts = new ArrayList<>();
    for (LocalDateTime t : times) {
      if (offset) {
        int quarter = random.nextInt(4 * 14 * 2 + 1) - 4 * 14;
        ZoneOffset o = ZoneOffset.ofTotalSeconds(quarter * 900);
        texts.add(t.atOffset(o).format(format));
      } else {
        texts.add(t.format(format));
      }
    }
    return texts;
  }

  private static Dataset<Row> texts(List<String> texts) {
    return SparkTestSession.get().createDataset(texts, Encoders.STRING()).toDF("t");
  }
}

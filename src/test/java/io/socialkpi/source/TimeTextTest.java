package io.socialkpi.source;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.unix_micros;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.TimeSpec;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.spark.SparkUpgradeException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link TimeText} gives exactly the instant and local date that {@link TimeColumns#instant} and
 * {@link TimeColumns#day} give in Spark for a text field: fixed-width and other patterns, date-only
 * patterns, patterns with offsets, in zones with daylight-saving gaps and overlaps (some at
 * midnight), with a reporting zone other than the source's; on hand-picked edge cases, times
 * written in the pattern around transitions, and thousands of random texts near the pattern's
 * shape.
 */
class TimeTextTest {
  /** Text for every pattern: blanks, spaces and tabs, other shapes, invalid dates. */
  private static final List<String> EDGES =
      List.of(
          "",
          " ",
          "\t",
          "  ",
          "2024-02-29 12:00:00",
          "2023-02-29 12:00:00",
          "2024-02-30 12:00:00",
          "2024-01-01 24:00:00",
          "2024-01-01 23:60:00",
          "2024-01-01 23:59:60",
          "2024-1-1 1:2:3",
          "2024-01-01 12:00:00.5",
          "2024-01-01 12:00:00.123456",
          "2024-01-01 12:00:00.1234567",
          "2024-01-01 12:00:00Z",
          "2024-01-01T12:00:00+05:30",
          "2024-01-01T12:00:00-03:00",
          "2024-01-01T12:00:00Z",
          "2024-01-01T12:00:00+18:00",
          "2024-01-01T12:00:00+5:30",
          "2024-01-01 12:00:00 +0530",
          "2024-01-01 12:00:00+0530",
          " 2024-01-01 12:00:00 ",
          "\t2024-01-01 12:00:00",
          "2024-01-01 12:00:00\t",
          "2024-01-01 12:00:00\n",
          "2024-01-01",
          " 2024-01-01 ",
          "2024-1-1",
          "2024-02-29",
          "2023-02-29",
          "2024-02-30",
          "2011-12-30",
          "2011-12-29",
          "2011-12-31",
          "20240101",
          "2024010112",
          "1/2/2024",
          "01/02/2024",
          "12/31/2024",
          "13/01/2024",
          "2/29/2023",
          "2/29/2024",
          "1/2/24",
          "01/02/2024 01:02:03 PM",
          "01/02/2024 12:00:00 AM",
          "01/02/2024 12:00:00 pm",
          "01/02/2024 13:00:00 PM",
          "01/02/2024 1:02:03 PM",
          "Jan 2, 2024",
          "Jan 02, 2024",
          "jan 2, 2024",
          "January 2, 2024",
          "Feb 30, 2024",
          "2 January 2024, 13:45",
          "2 Jan 2024, 13:45",
          "2 January 2024, 02:30",
          "31 March 2024, 02:30",
          "27 October 2024, 02:30",
          "Tue, Jan 2, 2024",
          "Mon, Jan 2, 2024",
          "Tue, Jan 02, 2024",
          "Tue, January 2, 2024",
          "Fri, Mar 1, 2024",
          "1704067200000000",
          "1704067200000",
          "1704067200",
          "-1",
          "+5",
          "0",
          "007",
          "1.5",
          "1e6",
          " 1704067200 ",
          "9223372036854775807",
          "9223372036854775808",
          "-9223372036854775808",
          "253402300799999999",
          "253402300800000000",
          "253402300799999",
          "253402300800",
          "-62135596800",
          "-62135596801",
          "12345678901234567890",
          "Fri, Apr 26, 2024",
          " Fri, Apr 26, 2024 ",
          "Fri,Apr 26, 2024",
          "Fri. Apr 26, 2024",
          "Fri Apr 26, 2024",
          ", Apr 26, 2024",
          "Apr 26, 2024",
          "Tuesday, 2 January 2024, 13:45",
          "Tue, 2 January 2024, 13:45",
          "2, Apr 26, 2024",
          "1.2.2024 0:00",
          "01.02.2024 00:00",
          "31.12.1999 23:59",
          "01.01.2024",
          "１２/01/2024",
          "0999-01-01 12:00:00",
          "+2024-01-01 12:00:00",
          "-2024-01-01 12:00:00",
          "10000-01-01 00:00:00",
          "99999-01-01",
          "2024-03-31 02:30:00",
          "2024-10-27 02:30:00",
          "2024-03-10 02:30:00",
          "2024-11-03 01:30:00",
          "2018-11-04 00:30",
          "2018-11-04",
          "2019-02-16 23:30",
          "2024-03-31 02:30",
          "2024-10-27 02:30",
          "2024-03-10 02:30",
          "2024-11-03 01:30",
          "1900-01-01 00:00:00",
          "1969-12-31 23:59:59",
          "1970-01-01 00:00:00",
          // listening suites (Meltwater, Sprout Social, Brandwatch; see the presets)
          "07-Jan-2026 06:27PM",
          "07-jan-2026 06:27pm",
          "07-Jan-2026 6:27PM",
          "07-Jan-2026 06:27 PM",
          "1/1/2021 12:35 am",
          "11/16/2024 3:00 pm",
          "11/16/2024 3:00 PM",
          "12-31-2023",
          "1-31-2023",
          "2023-12-31 14:05:00.0",
          "2023-12-31 14:05:00.123",
          "2023-12-31 14:05:00",
          "garbage");

  @ParameterizedTest
  @CsvSource({
    "yyyy-MM-dd HH:mm:ss, Europe/Berlin, America/New_York",
    "yyyy-MM-dd HH:mm:ss, America/New_York, Europe/Berlin",
    "yyyy-MM-dd'T'HH:mm:ssXXX, UTC, Asia/Kolkata",
    "yyyy-MM-dd HH:mm:ssZ, Europe/Berlin, Europe/Berlin",
    "yyyy-MM-dd HH:mm:ss.SSS, Europe/Berlin, Australia/Lord_Howe",
    "yyyy-MM-dd HH:mm, America/Sao_Paulo, Asia/Kathmandu",
    "d.M.yyyy H:mm, Europe/Berlin, Europe/Berlin",
    "MM/dd/yyyy hh:mm:ss a, America/New_York, UTC",
    "yyyy-MM-dd, Europe/Berlin, UTC",
    "yyyyMMdd, America/Sao_Paulo, America/New_York",
    "dd.MM.yyyy, Pacific/Apia, Pacific/Apia",
    "yyyy-MM-dd, Pacific/Apia, Asia/Tokyo",
    "M/d/yyyy, America/New_York, Europe/Berlin",
    "'MMM d, yyyy', Europe/Berlin, America/New_York",
    "'d MMMM yyyy, HH:mm', Europe/Berlin, Europe/Berlin",
    "'EEE, MMM d, yyyy', Europe/Berlin, America/New_York",
    "'EEEE, d MMMM yyyy, HH:mm', Europe/Berlin, Europe/Berlin",
    "dd-MMM-yyyy hh:mma, Africa/Nairobi, UTC",
    "M/d/yyyy h:mm a, America/New_York, America/New_York",
    "MM-dd-yyyy, America/Chicago, UTC",
    "yyyy-MM-dd HH:mm:ss.SSS, UTC, Europe/London",
    "epoch-micros, UTC, Europe/Berlin",
    "epoch-millis, America/New_York, America/New_York",
    "epoch-seconds, UTC, Asia/Kolkata"
  })
  void timeTextGivesSparksInstantAndDay(String pattern, String zone, String reportingZone) {
    TimeSpec time = new TimeSpec("t", pattern, ZoneId.of(zone));
    ZoneId reporting = ZoneId.of(reportingZone);
    TimeText java = JavaSerialization.roundTrip(TimeText.of(time, reporting));
    List<String> texts = new ArrayList<>(EDGES);
    texts.addAll(nearPattern(pattern, time.carriesOffset(), 2_500));
    texts.add(null);
    Column instant = TimeColumns.instant(col("t"), DataTypes.StringType, time);
    Column day = TimeColumns.day(col("t"), DataTypes.StringType, instant, time, reporting);
    List<Row> rows =
        SparkTestSession.get()
            // From an RDD, not a local list: the expressions run as generated code, as on files.
            .createDataset(
                JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext())
                    .parallelize(texts, 2)
                    .rdd(),
                Encoders.STRING())
            .toDF("t")
            .select(col("t"), unix_micros(instant), unix_date(day))
            .collectAsList();
    assertThat(rows).hasSize(texts.size());
    int parsed = 0;
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      String t = texts.get(i);
      assertThat(r.getString(0)).isEqualTo(t);
      long sparkMicros = r.isNullAt(1) ? TimeText.NONE : r.getLong(1);
      int sparkDay = r.isNullAt(2) ? TimeText.NO_DAY : r.getInt(2);
      long micros = java.instantMicros(t);
      assertThat(micros).as("instant of '%s' (%s in %s)", t, pattern, zone).isEqualTo(sparkMicros);
      assertThat(java.day(t, micros))
          .as("day of '%s' (%s in %s, reporting %s)", t, pattern, zone, reportingZone)
          .isEqualTo(sparkDay);
      // The day of a date-only text does not depend on an earlier call for the same text.
      assertThat(java.day(t == null ? null : new String(t), micros)).isEqualTo(sparkDay);
      parsed += r.isNullAt(1) ? 0 : 1;
    }
    // Most texts near the pattern's shape are times.
    assertThat(parsed).as("texts Spark read").isGreaterThan(texts.size() / 3);
  }

  @Test
  void aLeadingWeekdayIsSkippedAndNotChecked() {
    TimeText text =
        TimeText.of(new TimeSpec("t", "EEE, MMM d, yyyy", ZoneId.of("UTC")), ZoneOffset.UTC);
    // 2024-04-26 is day 19839 since the epoch; X's new exports write "Fri, Apr 26, 2024".
    assertThat(text.day("Fri, Apr 26, 2024", text.instantMicros("Fri, Apr 26, 2024")))
        .isEqualTo(19839);
    assertThat(text.instantMicros("Mon, Apr 26, 2024")).isEqualTo(19839L * 86_400_000_000L);
    assertThat(text.instantMicros("Apr 26, 2024")).isEqualTo(TimeText.NONE);
  }

  @Test
  void aPatternSparkRejectsIsRejectedWhenBuilt() {
    TimeSpec time = new TimeSpec("t", "MMM d, yyyy EEE", ZoneId.of("UTC"));
    Column instant = TimeColumns.instant(col("t"), DataTypes.StringType, time);
    assertThatThrownBy(
            () ->
                SparkTestSession.get()
                    .createDataset(List.of("Tue, Jan 2, 2024"), Encoders.STRING())
                    .toDF("t")
                    .select(unix_micros(instant))
                    .collectAsList())
        .isInstanceOf(SparkUpgradeException.class);
    assertThatThrownBy(() -> TimeText.of(time, ZoneOffset.UTC))
        .isInstanceOf(SparkUpgradeException.class);
  }

  @Test
  void spacesAreTrimmedButNoOtherBlanks() {
    TimeText text = TimeText.of(new TimeSpec("t", "yyyy-MM-dd", ZoneId.of("UTC")), ZoneOffset.UTC);
    assertThat(text.instantMicros("  2024-01-02  ")).isEqualTo(1_704_153_600_000_000L);
    assertThat(text.instantMicros("\t2024-01-02")).isEqualTo(TimeText.NONE);
    assertThat(text.day(null, TimeText.NONE)).isEqualTo(TimeText.NO_DAY);
    assertThat(CellTrim.trim(" \ta ")).isEqualTo("\ta");
  }

  /** Counts of an epoch unit: random instants from 1900 to 2100, near the limits, and changed. */
  private static List<String> nearEpoch(long unit, int n) {
    Random random = new Random(unit);
    long limit = TimeText.EPOCH_MAX_MICROS / unit;
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long micros = (long) ((random.nextDouble() * 200 - 70) * 365.25 * 86_400 * 1e6);
      String s = Long.toString(micros / unit);
      switch (random.nextInt(6)) {
        case 0 -> s = Long.toString(limit + random.nextInt(3) - 1);
        case 1 -> s = " " + s + (random.nextBoolean() ? " " : "\t");
        case 2 -> s = s + "0".repeat(random.nextInt(8));
        case 3 -> s = s.substring(0, random.nextInt(s.length())) + ".5";
        default -> {}
      }
      texts.add(s);
    }
    return texts;
  }

  /**
   * Times written in the pattern: random ones from 1900 to 2100, every quarter hour of
   * daylight-saving days, and about a third of them with a character changed, removed or doubled,
   * or blanks around them.
   */
  private static List<String> nearPattern(String pattern, boolean offset, int n) {
    long unit = TimeSpec.epochMicros(pattern);
    if (unit > 0) {
      return nearEpoch(unit, n);
    }
    DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern, Locale.US);
    Random random = new Random(pattern.hashCode());
    List<LocalDateTime> times = new ArrayList<>();
    LocalDateTime from = LocalDateTime.of(1900, 1, 1, 0, 0);
    for (int i = 0; i < n; i++) {
      LocalDateTime t = from.plusSeconds((long) (random.nextDouble() * 200 * 365.25 * 86_400));
      times.add(t.plusNanos(random.nextInt(4) == 0 ? random.nextInt(1_000) * 1_000_000L : 0));
    }
    for (LocalDateTime day :
        List.of(
            LocalDateTime.of(2024, 3, 31, 0, 0),
            LocalDateTime.of(2024, 10, 27, 0, 0),
            LocalDateTime.of(2024, 3, 10, 0, 0),
            LocalDateTime.of(2024, 11, 3, 0, 0),
            LocalDateTime.of(2018, 11, 3, 0, 0),
            LocalDateTime.of(2019, 2, 16, 0, 0),
            LocalDateTime.of(2011, 12, 29, 0, 0))) {
      for (int minutes = -60; minutes < 48 * 60; minutes += 15) {
        times.add(day.plusMinutes(minutes));
      }
    }
    String alphabet = "0123456789 :-/.,TZ+\tAPM";
    List<String> texts = new ArrayList<>();
    for (LocalDateTime t : times) {
      String s;
      if (offset) {
        int quarter = random.nextInt(4 * 14 * 2 + 1) - 4 * 14;
        s = t.atOffset(ZoneOffset.ofTotalSeconds(quarter * 900)).format(format);
      } else {
        s = t.format(format);
      }
      switch (random.nextInt(9)) {
        case 0 -> {
          int at = random.nextInt(s.length());
          s =
              s.substring(0, at)
                  + alphabet.charAt(random.nextInt(alphabet.length()))
                  + s.substring(at + 1);
        }
        case 1 -> {
          int at = random.nextInt(s.length());
          s = s.substring(0, at) + s.substring(at + 1);
        }
        case 2 -> {
          int at = random.nextInt(s.length());
          s = s.substring(0, at) + s.charAt(at) + s.substring(at);
        }
        case 3 -> s = (random.nextBoolean() ? " " : "  ") + s + (random.nextBoolean() ? " " : "");
        default -> {}
      }
      texts.add(s);
    }
    return texts;
  }
}

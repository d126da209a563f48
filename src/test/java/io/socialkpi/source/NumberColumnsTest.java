package io.socialkpi.source;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.Aggregate;
import io.socialkpi.config.CsvOptions;
import io.socialkpi.config.GapPolicy;
import io.socialkpi.config.MetricSpec;
import io.socialkpi.config.SourceFormat;
import io.socialkpi.config.SourceSpec;
import io.socialkpi.config.TimeSpec;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Numbers in metric columns per number format: what each text reads as, and that a value written in
 * another format than the configured one is not a number rather than a wrong one.
 */
class NumberColumnsTest {
  static SourceSpec csv(char decimal, Character grouping) {
    return SourceSpec.of(
        "s",
        "s.csv",
        SourceFormat.CSV,
        CsvOptions.of(';', decimal, grouping, null),
        new TimeSpec("date", "yyyy-MM-dd", ZoneId.of("UTC")),
        List.of(new MetricSpec("s", "v", "v", Aggregate.SUM, Map.of(), GapPolicy.ZERO)));
  }

  /** Text to the number it reads as (null: non_numeric). */
  static Map<String, Double> read(SourceSpec source, String... texts) {
    var df = SparkTestSession.get().createDataset(List.of(texts), Encoders.STRING()).toDF("v");
    Map<String, Double> out = new HashMap<>();
    for (Row r : df.select(col("v"), NumberColumns.number(col("v"), source)).collectAsList()) {
      out.put(r.getString(0), r.isNullAt(1) ? null : r.getDouble(1));
    }
    return out;
  }

  static Map<String, Double> expect(Object... pairs) {
    Map<String, Double> m = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1] == null ? null : ((Number) pairs[i + 1]).doubleValue());
    }
    return m;
  }

  static void check(SourceSpec source, Object... pairs) {
    Map<String, Double> want = expect(pairs);
    List<String> texts = new ArrayList<>(want.keySet());
    assertThat(read(source, texts.toArray(new String[0]))).isEqualTo(want);
  }

  @Test
  void plainNumbersAreWhatSparkCastsToAFiniteDouble() {
    check(
        csv('.', null),
        "12.5",
        12.5,
        "1e3",
        1000,
        " 7 ",
        7,
        "-0.5",
        -0.5,
        "1,234",
        null,
        "12,5",
        null,
        "NaN",
        null,
        "Infinity",
        null,
        "n/a",
        null,
        "12d",
        null,
        "7f",
        null,
        "0x1p4",
        null,
        "1e3D",
        null,
        ".5",
        0.5,
        "5.",
        5,
        "+3",
        3);
  }

  @Test
  void aDecimalCommaWithoutThousandsSeparator() {
    check(
        csv(',', null),
        "12,5",
        12.5,
        "-0,5",
        -0.5,
        ",5",
        0.5,
        "12",
        12,
        "1,5E3",
        1500,
        "12.5",
        null,
        "1.234,5",
        null,
        "1 234",
        null);
  }

  @Test
  void dotsBetweenThousandsAndADecimalComma() {
    check(
        csv(',', '.'),
        "1.234,5",
        1234.5,
        "1.234.567",
        1234567,
        "1234,5",
        1234.5,
        "1.23",
        null,
        "12.5",
        null,
        "1.2345",
        null);
  }

  @Test
  void commasBetweenThousandsAndADecimalPoint() {
    check(csv('.', ','), "1,234.5", 1234.5, "1,000,000", 1e6, "1,23", null, "12,5", null);
  }

  @Test
  void spacesBetweenThousandsIncludeTheNoBreakSpacesOfExcelAndCldr() {
    check(
        csv(',', ' '),
        "1 234,5",
        1234.5,
        "1\u00A0234,5",
        1234.5,
        "1\u202F234",
        1234,
        "-12 345 678",
        -12345678,
        "1  234",
        null,
        "12 34",
        null);
  }

  @Test
  void swissApostrophes() {
    check(csv('.', '\''), "1'234.5", 1234.5, "1'23", null);
  }
}

package io.socialkpi.source;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link NumberText} gives exactly what {@link NumberColumns#number} and {@link NumberColumns#hint}
 * give in Spark, for every number format, on hand-picked edge cases and thousands of random texts
 * near numbers.
 */
class NumberTextTest {
  private static final List<String> EDGES =
      List.of(
          "",
          " ",
          "\t",
          "0",
          "-0",
          "+0",
          "-0.0",
          "12",
          " 12 ",
          "\t12\t",
          "12\n",
          "\n12",
          "12\r\n",
          "12\u0085",
          "12\u2028",
          "12\u00A0",
          "\u00A012",
          "+12",
          "-12",
          "+-12",
          "--12",
          "12.",
          ".5",
          "-.5",
          ".",
          "-",
          "+",
          "1e3",
          "1E3",
          "1e+3",
          "1e-3",
          "1e",
          "e3",
          ".e3",
          "1.5e3",
          "1e999",
          "-1e999",
          "1e-999",
          "NaN",
          "nan",
          "Infinity",
          "-Infinity",
          "inf",
          "12d",
          "12D",
          "7f",
          "0x1p4",
          "0x10",
          "1,234.5",
          "1.234,5",
          "1 234,5",
          "1\u00A0234,5",
          "1\u202F234,5",
          "1'234.5",
          "12,5",
          "12.5",
          "1,23",
          "1.23",
          "1,2345",
          "1.2345",
          "1.234.567",
          "1,234,567",
          "1 234 567",
          "1  234",
          "12 345,67",
          " 12 345,67 ",
          "1234,5",
          "1234.5",
          ",5",
          "5,",
          "-1.234,5e2",
          "1.234,5e2",
          "١٢",
          "１２",
          "99999999999999999999999",
          "4.9e-324",
          "1.7976931348623157e308",
          "1.7976931348623159e308",
          "00012",
          "1_000",
          "12abc",
          "abc",
          "1 2",
          "12 ",
          " 12",
          "\u000B12",
          "\f12",
          "12%",
          "12 %",
          "12\u00A0%",
          "12,5 %",
          "1.234,5%",
          "96.02%",
          "-3%",
          "+3.5%",
          "12.%",
          "%",
          "12%%",
          "%12",
          "1e3%",
          "1e999%",
          "NaN%",
          "x12%",
          "£0.00",
          "50¢",
          "50 \uFFE0",
          "-£5.00",
          "£-5.00",
          "-£-5.00",
          "$1,234.50",
          "$ 12",
          "1,234.50 €",
          "12,50\u00A0€",
          "12 €",
          "€",
          "$",
          "$$12",
          "£12%",
          "¥1e3",
          "0:00:41",
          "00:00:12",
          "1:02:03.5",
          " 10:00:00 ",
          "12:34",
          "1:60:00",
          "1:00:60",
          "99:59:59",
          "-0:00:10",
          "1::00",
          "1:2:3");

  static Stream<Arguments> formats() {
    return Stream.of(
        Arguments.of(SourceFormat.JSON, '.', null),
        Arguments.of(SourceFormat.CSV, '.', null),
        Arguments.of(SourceFormat.CSV, ',', '.'),
        Arguments.of(SourceFormat.CSV, ',', ' '),
        Arguments.of(SourceFormat.CSV, '.', ','),
        Arguments.of(SourceFormat.CSV, ',', null),
        Arguments.of(SourceFormat.CSV, '.', '\''),
        Arguments.of(SourceFormat.CSV, '.', ' '));
  }

  @ParameterizedTest
  @MethodSource("formats")
  void numberTextGivesSparksNumbersAndHints(SourceFormat format, char decimal, Character grouping) {
    SourceSpec source = source(format, decimal, grouping);
    NumberText java = JavaSerialization.roundTrip(NumberText.of(source));
    List<String> texts = new ArrayList<>(EDGES);
    texts.addAll(random(source.csv(), 4_000, (format.name() + decimal + grouping).hashCode()));
    texts.add(null);
    List<Row> rows =
        SparkTestSession.get()
            // From an RDD, not a local list: the expressions run as generated code, as on files.
            .createDataset(
                JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext())
                    .parallelize(texts, 2)
                    .rdd(),
                Encoders.STRING())
            .toDF("t")
            .select(
                col("t"),
                NumberColumns.number(col("t"), source),
                NumberColumns.hint(col("t"), source))
            .collectAsList();
    assertThat(rows).hasSize(texts.size());
    int numbers = 0;
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      String t = texts.get(i);
      assertThat(r.getString(0)).isEqualTo(t);
      double spark = r.isNullAt(1) ? Double.NaN : r.getDouble(1);
      double mine = java.parse(t);
      assertThat(Double.compare(mine, spark))
          .as("'%s' in %s: Java %s, Spark %s", t, source.csv(), mine, spark)
          .isZero();
      assertThat(java.hint(t)).as("hint of '%s'", t).isEqualTo(r.getString(2));
      numbers += Double.isNaN(spark) ? 0 : 1;
    }
    // The random texts are not all rejects.
    assertThat(numbers).isGreaterThan(texts.size() / 10);
  }

  @Test
  void aPlainNumberSkipsTheRegexAndAnythingElseIsLeftToIt() {
    NumberText plain = NumberText.of(source(SourceFormat.JSON, '.', null));
    assertThat(plain.parse("-12.50")).isEqualTo(-12.5);
    // -0 is read as 0, as NumberColumns reads it: min and max then cannot depend on row order.
    assertThat(Double.compare(plain.parse("-0"), 0.0)).isZero();
    assertThat(plain.parse(" 12 ")).isEqualTo(12.0);
    assertThat(plain.parse("12d")).isNaN();
    assertThat(plain.parse("1e999")).isNaN();
    NumberText euro = NumberText.of(source(SourceFormat.CSV, ',', '.'));
    assertThat(euro.parse(" 1.234,5 ")).isEqualTo(1234.5);
    assertThat(euro.parse("-1234")).isEqualTo(-1234.0);
    assertThat(euro.parse("12.5")).isNaN();
    assertThat(euro.hint("x")).isEqualTo(" with decimal separator ',' and thousands separator '.'");
  }

  @Test
  void percentsCurrenciesAndDurationsAreReadAsFractionsAmountsAndSeconds() {
    NumberText plain = NumberText.of(source(SourceFormat.CSV, '.', null));
    assertThat(plain.parse("12%")).isCloseTo(0.12, within(1e-15));
    assertThat(plain.parse("96.02%")).isCloseTo(0.9602, within(1e-15));
    assertThat(plain.parse("-3 %")).isCloseTo(-0.03, within(1e-15));
    assertThat(plain.parse("£0.00")).isEqualTo(0.0);
    assertThat(plain.parse("-$5.25")).isEqualTo(-5.25);
    assertThat(plain.parse("12 €")).isEqualTo(12.0);
    assertThat(plain.parse("0:00:41")).isEqualTo(41.0);
    assertThat(plain.parse("1:02:03.5")).isEqualTo(3723.5);
    // Minutes:seconds and hours:minutes look alike: not read.
    assertThat(plain.parse("12:34")).isNaN();
    // Grouping still needs its setting: $1,234.50 is not silently 1.
    assertThat(plain.parse("$1,234.50")).isNaN();
    NumberText us = NumberText.of(source(SourceFormat.CSV, '.', ','));
    assertThat(us.parse("$1,234.50")).isEqualTo(1234.5);
    assertThat(us.parse("\"1,200\"")).isNaN();
    assertThat(us.parse("1,200")).isEqualTo(1200.0);
    NumberText euro = NumberText.of(source(SourceFormat.CSV, ',', ' '));
    assertThat(euro.parse("12,5\u00A0%")).isCloseTo(0.125, within(1e-15));
    assertThat(euro.parse("1 234,50 €")).isEqualTo(1234.5);
  }

  private static SourceSpec source(SourceFormat format, char decimal, Character grouping) {
    return SourceSpec.of(
        "s",
        "s.csv",
        format,
        CsvOptions.of(';', decimal, grouping, null),
        new TimeSpec("date", "yyyy-MM-dd", ZoneId.of("UTC")),
        List.of(new MetricSpec("s", "v", "v", Aggregate.SUM, Map.of(), GapPolicy.ZERO)));
  }

  /** Numbers written in every format, then some characters changed, added or removed. */
  private static List<String> random(CsvOptions csv, int n, int seed) {
    Random random = new Random(seed);
    String[] pieces = {
      "0",
      "1",
      "7",
      "12",
      "123",
      "1234",
      "12345",
      "999",
      ".",
      ",",
      " ",
      "'",
      "\u00A0",
      "\u202F",
      "e",
      "E",
      "+",
      "-",
      "\t",
      "e-",
      "x",
      "d",
      "f",
      "NaN",
      "Infinity",
      "\n",
      "%",
      "£",
      "$",
      ":",
      ":00",
      ":59"
    };
    char[] separators = {'.', ',', ' ', '\'', '\u00A0', '\u202F'};
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String t;
      if (random.nextInt(3) > 0) {
        // A number: sign, grouped integer part, fraction, exponent.
        StringBuilder b = new StringBuilder();
        if (random.nextInt(4) == 0) {
          b.append(random.nextBoolean() ? '-' : '+');
        }
        long v = (long) Math.pow(10, random.nextInt(10)) * random.nextInt(1000);
        String digits = Long.toString(v);
        char g =
            random.nextInt(3) == 0
                ? separators[random.nextInt(separators.length)]
                : (csv.groupingSeparator() == null ? 0 : csv.groupingSeparator());
        if (g != 0 && random.nextBoolean()) {
          StringBuilder grouped = new StringBuilder();
          for (int k = 0; k < digits.length(); k++) {
            if (k > 0 && (digits.length() - k) % 3 == 0) {
              grouped.append(g);
            }
            grouped.append(digits.charAt(k));
          }
          digits = grouped.toString();
        }
        b.append(digits);
        if (random.nextBoolean()) {
          b.append(random.nextInt(4) == 0 ? separators[random.nextInt(2)] : csv.decimalSeparator());
          b.append(random.nextInt(1000));
        }
        if (random.nextInt(6) == 0) {
          b.append(random.nextBoolean() ? 'e' : 'E').append(random.nextInt(400) - 200);
        }
        t = b.toString();
        if (random.nextInt(5) == 0) {
          t = " ".repeat(random.nextInt(3)) + t + (random.nextBoolean() ? "\t" : "  ");
        }
      } else {
        StringBuilder b = new StringBuilder();
        for (int k = random.nextInt(4) + 1; k > 0; k--) {
          b.append(pieces[random.nextInt(pieces.length)]);
        }
        t = b.toString();
      }
      if (random.nextInt(8) == 0 && !t.isEmpty()) {
        // One character changed or removed.
        int at = random.nextInt(t.length());
        String piece = random.nextBoolean() ? "" : pieces[random.nextInt(pieces.length)];
        t = t.substring(0, at) + piece + t.substring(at + 1);
      }
      texts.add(t);
    }
    return texts;
  }
}

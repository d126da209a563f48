package io.socialkpi.source;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.translate;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.socialkpi.config.CsvOptions;
import io.socialkpi.config.SourceSpec;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * Metric values as numbers, as Spark column expressions. By default a value is what Spark casts to
 * a finite double ({@code 12.5}, {@code 1e3}) and is written as a plain decimal number (Java's type
 * suffixes {@code 12d}, {@code 7f} and hex floats {@code 0x1p4} are not numbers). A CSV source with
 * {@code csv.decimal-separator} or {@code csv.grouping-separator} (European and Excel exports:
 * {@code 1 234,5}) is parsed strictly in that format instead: a thousands separator must sit
 * between groups of three digits, so a value in another format ({@code 12.5} in a decimal-comma
 * file) is quarantined, never misread.
 */
final class NumberColumns {
  /** Spaces Excel and CLDR locales (fi-FI, fr-FR) write as thousands separator. */
  private static final String SPACES = "[ \\u00A0\\u202F]";

  /** A plain-number value that looks like a decimal comma or thousands separators was meant. */
  static final String LOOKS_LOCALIZED =
      "^[+-]?(\\d{1,3}([,.'\\u00A0\\u202F ]\\d{3})+([.,]\\d+)?|\\d+,\\d+)$";

  /** A plain number: sign, digits with an optional fraction, exponent; blanks around it. */
  static final String PLAIN = "^\\s*[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?\\s*$";

  private NumberColumns() {}

  /**
   * A finite double, or null: text that is no number, NaN and infinities all fail. A number with a
   * unit an export writes (a percent, a currency symbol, an {@code h:mm:ss} duration) is read as
   * its fraction, amount or seconds; what is a number without a unit is never read otherwise.
   */
  static Column number(Column field, SourceSpec source) {
    // Units are rare and their parsing several regular expressions deep: Spark's generated code
    // for them, repeated per metric column, outgrew the JVM's 64 KB method limit on a wide
    // export. NumberText's Java runs instead, for the texts the plain reading leaves without value.
    NumberText units = NumberText.of(source);
    UDF1<String, Double> withUnit =
        s -> {
          double v = s == null ? Double.NaN : units.withUnit(s);
          return Double.isNaN(v) ? null : v;
        };
    Column d =
        coalesce(
            base(field, source), udf(withUnit, DataTypes.DoubleType).apply(field.cast("string")));
    return when(
        d.isNotNull()
            .and(not(isnan(d)))
            .and(d.notEqual(lit(Double.POSITIVE_INFINITY)))
            .and(d.notEqual(lit(Double.NEGATIVE_INFINITY))),
        // -0.0 + 0.0 is 0.0: min and max keep whichever zero they meet first, so a signed zero
        // would make them depend on the order of rows.
        d.plus(lit(0.0)));
  }

  /** The number of a text without a unit in the source's format, or null. */
  private static Column base(Column field, SourceSpec source) {
    Column d;
    if (localized(source)) {
      CsvOptions csv = source.csv();
      Column text = trim(field.cast("string"));
      Column digits = text;
      if (csv.groupingSeparator() != null) {
        digits = regexp_replace(digits, grouping(csv), "");
      }
      if (csv.decimalSeparator() != '.') {
        digits = translate(digits, String.valueOf(csv.decimalSeparator()), ".");
      }
      d = when(text.rlike(pattern(csv)), digits.try_cast(DataTypes.DoubleType));
    } else {
      // Spark's cast is Java's parseDouble, which also reads 12d, 7f and 0x1p4: only plain
      // decimal text (or a typed number, whose text is such) may be cast.
      d = when(field.cast("string").rlike(PLAIN), field.try_cast(DataTypes.DoubleType));
    }
    return d;
  }

  /** What the detail of a {@code non_numeric} row adds after "is not a number". */
  static Column hint(Column field, SourceSpec source) {
    if (localized(source)) {
      CsvOptions csv = source.csv();
      return lit(
          " with decimal separator '"
              + csv.decimalSeparator()
              + "'"
              + (csv.groupingSeparator() == null
                  ? " and no thousands separator"
                  : " and thousands separator '" + csv.groupingSeparator() + "'"));
    }
    return when(
            trim(field.cast("string")).rlike(LOOKS_LOCALIZED),
            lit(
                " (a decimal comma or thousands separator? see csv.decimal-separator and"
                    + " csv.grouping-separator)"))
        .otherwise(lit(""));
  }

  private static boolean localized(SourceSpec source) {
    return source.format().csvRecords() && !source.csv().plainNumbers();
  }

  static String grouping(CsvOptions csv) {
    char g = csv.groupingSeparator();
    return g == ' ' ? SPACES : Pattern.quote(String.valueOf(g));
  }

  /** Sign, integer part (grouped in threes, or not at all), fraction, exponent. */
  static String pattern(CsvOptions csv) {
    String dec = Pattern.quote(String.valueOf(csv.decimalSeparator()));
    String integer =
        csv.groupingSeparator() == null
            ? "\\d+"
            : "(?:\\d{1,3}(?:" + grouping(csv) + "\\d{3})+|\\d+)";
    return "^[+-]?(?:" + integer + "(?:" + dec + "\\d*)?|" + dec + "\\d+)(?:[eE][+-]?\\d+)?$";
  }
}

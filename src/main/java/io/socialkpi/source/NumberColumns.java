package io.socialkpi.source;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.translate;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.socialkpi.config.CsvOptions;
import io.socialkpi.config.SourceFormat;
import io.socialkpi.config.SourceSpec;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
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

  /** Blanks an export may put between a number and its unit: spaces, tabs, no-break spaces. */
  private static final String BLANK = "[\\s\\u00A0\\u202F]*";

  /** A percent: the number before {@code %} (group 1) is divided by 100, so 12% is 0.12. */
  static final String PERCENT = "^" + BLANK + "(.*?\\d\\.?)" + BLANK + "%" + BLANK + "$";

  /** A currency symbol before the number ({@code £0.00}, {@code -$5}): sign, then the number. */
  static final String CURRENCY_BEFORE =
      "^" + BLANK + "([+-]?)" + BLANK + "\\p{Sc}" + BLANK + "([+-]?[\\d.,].*?)" + BLANK + "$";

  /** A currency symbol after the number ({@code 12,50 €}). */
  static final String CURRENCY_AFTER =
      "^" + BLANK + "(.*?\\d\\.?)" + BLANK + "\\p{Sc}" + BLANK + "$";

  /**
   * A duration {@code h:mm:ss} (GA's {@code 00:00:12}, YouTube's {@code 0:00:41}), read as seconds.
   * Two parts ({@code 12:34}) are not read: minutes:seconds and hours:minutes look alike.
   */
  static final String DURATION =
      "^" + BLANK + "(\\d{1,9}):([0-5]\\d):([0-5]\\d(?:\\.\\d{1,9})?)" + BLANK + "$";

  /**
   * A finite double, or null: text that is no number, NaN and infinities all fail. A number with a
   * unit an export writes (a percent, a currency symbol, an {@code h:mm:ss} duration) is read as
   * its fraction, amount or seconds; what is a number without a unit is never read otherwise.
   */
  static Column number(Column field, SourceSpec source) {
    Column text = field.cast("string");
    Column d = base(field, source);
    d =
        when(d.isNotNull(), d)
            .when(text.rlike(PERCENT), base(regexp_extract(text, PERCENT, 1), source).divide(100.0))
            .when(
                text.rlike(CURRENCY_BEFORE),
                base(
                    concat(
                        regexp_extract(text, CURRENCY_BEFORE, 1),
                        regexp_extract(text, CURRENCY_BEFORE, 2)),
                    source))
            .when(text.rlike(CURRENCY_AFTER), base(regexp_extract(text, CURRENCY_AFTER, 1), source))
            .when(
                text.rlike(DURATION),
                regexp_extract(text, DURATION, 1)
                    .cast(DataTypes.DoubleType)
                    .multiply(60.0)
                    .plus(regexp_extract(text, DURATION, 2).cast(DataTypes.DoubleType))
                    .multiply(60.0)
                    .plus(regexp_extract(text, DURATION, 3).cast(DataTypes.DoubleType)));
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
    return source.format() == SourceFormat.CSV && !source.csv().plainNumbers();
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

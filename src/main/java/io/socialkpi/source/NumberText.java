package io.socialkpi.source;

import io.socialkpi.config.CsvOptions;
import io.socialkpi.config.SourceSpec;
import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A metric value's number in plain Java: the value {@link NumberColumns#number} gives for a string
 * field, and the text of {@link NumberColumns#hint}, without Spark column expressions. Mirrors
 * Spark's steps one by one: {@code rlike} is {@link java.util.regex.Matcher#find()} of the same
 * regular expression, {@code trim} drops spaces (U+0020) only, {@code regexp_replace} and {@code
 * translate} replace every match and character, and {@code try_cast} to double is {@link
 * Double#parseDouble} (which ignores characters up to U+0020 around the number), null where it
 * throws but for NaN and infinities, which are no value here anyway. Text of only ASCII digits
 * (with a sign, and for plain numbers a decimal point) matches the patterns without a look at them.
 * A test compares both on thousands of texts.
 */
public final class NumberText implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Blanks an export may put between a number and its unit: spaces, tabs, no-break spaces. */
  private static final String BLANK = "[\\s\\u00A0\\u202F]*";

  /** A percent: the number before {@code %} (group 1) is divided by 100, so 12% is 0.12. */
  private static final String PERCENT = "^" + BLANK + "(.*?\\d\\.?)" + BLANK + "%" + BLANK + "$";

  /**
   * A currency symbol: Unicode's currency symbols but the signs of a fraction of a unit (cent ¢,
   * its full-width form, mill ₥): 50¢ is half a dollar, and read as 50 it would be a hundred times
   * too much among "$0.50" rows, so it is no number.
   */
  private static final String CURRENCY = "[\\p{Sc}&&[^\\u00A2\\uFFE0\\u20A5]]";

  /** A currency symbol before the number ({@code £0.00}, {@code -$5}): sign, then the number. */
  private static final String CURRENCY_BEFORE =
      "^" + BLANK + "([+-]?)" + BLANK + CURRENCY + BLANK + "([+-]?[\\d.,].*?)" + BLANK + "$";

  /** A currency symbol after the number ({@code 12,50 €}). */
  private static final String CURRENCY_AFTER =
      "^" + BLANK + "(.*?\\d\\.?)" + BLANK + CURRENCY + BLANK + "$";

  /**
   * A duration {@code h:mm:ss} (GA's {@code 00:00:12}, YouTube's {@code 0:00:41}), read as seconds.
   * Two parts ({@code 12:34}) are not read: minutes:seconds and hours:minutes look alike.
   */
  private static final String DURATION =
      "^" + BLANK + "(\\d{1,9}):([0-5]\\d):([0-5]\\d(?:\\.\\d{1,9})?)" + BLANK + "$";

  /** Characters a fast-path text may hold that a separator must not be. */
  private static final String FAST_CHARS = "0123456789+-";

  private final boolean localized;

  /** The number's whole text must match (found in) this. */
  private final Pattern valid;

  /** Thousands separators to drop, or null. */
  private final Pattern grouping;

  /** The decimal separator of a localized source. */
  private final char decimal;

  /** A localized source whose separators are neither digits nor signs. */
  private final boolean fastLocalized;

  private final Pattern looksLocalized;
  private final String localizedHint;

  private final Pattern percent = Pattern.compile(PERCENT);
  private final Pattern currencyBefore = Pattern.compile(CURRENCY_BEFORE);
  private final Pattern currencyAfter = Pattern.compile(CURRENCY_AFTER);
  private final Pattern duration = Pattern.compile(DURATION);

  private NumberText(SourceSpec source) {
    localized = source.format().csvRecords() && !source.csv().plainNumbers();
    looksLocalized = Pattern.compile(NumberColumns.LOOKS_LOCALIZED);
    if (localized) {
      CsvOptions csv = source.csv();
      valid = Pattern.compile(NumberColumns.pattern(csv));
      grouping =
          csv.groupingSeparator() == null ? null : Pattern.compile(NumberColumns.grouping(csv));
      decimal = csv.decimalSeparator();
      fastLocalized =
          FAST_CHARS.indexOf(decimal) < 0
              && (csv.groupingSeparator() == null
                  || FAST_CHARS.indexOf(csv.groupingSeparator()) < 0);
      localizedHint =
          " with decimal separator '"
              + csv.decimalSeparator()
              + "'"
              + (csv.groupingSeparator() == null
                  ? " and no thousands separator"
                  : " and thousands separator '" + csv.groupingSeparator() + "'");
    } else {
      valid = Pattern.compile(NumberColumns.PLAIN);
      grouping = null;
      decimal = '.';
      fastLocalized = false;
      localizedHint = null;
    }
  }

  /** The reader of a source's metric values. */
  public static NumberText of(SourceSpec source) {
    return new NumberText(source);
  }

  /** The finite number of the field, or {@link Double#NaN} where Spark's column is null. */
  public double parse(String field) {
    if (field == null) {
      return Double.NaN;
    }
    double d = base(field);
    return Double.isNaN(d) ? withUnit(field) : d;
  }

  /**
   * The value of a text with a unit (a percent, an amount with a currency symbol, an h:mm:ss
   * duration), or NaN; NumberColumns calls it where the text is no plain number.
   */
  double withUnit(String field) {
    Matcher m = percent.matcher(field);
    if (m.find()) {
      double d = base(m.group(1));
      return Double.isNaN(d) ? d : finiteValue(d / 100.0);
    }
    m = currencyBefore.matcher(field);
    if (m.find()) {
      return base(m.group(1) + m.group(2));
    }
    m = currencyAfter.matcher(field);
    if (m.find()) {
      return base(m.group(1));
    }
    m = duration.matcher(field);
    if (m.find()) {
      double seconds =
          (Double.parseDouble(m.group(1)) * 60.0 + Double.parseDouble(m.group(2))) * 60.0
              + Double.parseDouble(m.group(3));
      return finiteValue(seconds);
    }
    return Double.NaN;
  }

  private static double finiteValue(double d) {
    return Double.isFinite(d) ? d + 0.0 : Double.NaN;
  }

  /** The number of a text without a unit in the source's format, or NaN. */
  private double base(String field) {
    if (!localized) {
      // when(field.rlike(PLAIN), field.try_cast(double))
      if (!plainDecimal(field) && !valid.matcher(field).find()) {
        return Double.NaN;
      }
      return finite(field);
    }
    String text = CellTrim.trim(field);
    if (fastLocalized && digits(text)) {
      return finite(text);
    }
    if (!valid.matcher(text).find()) {
      return Double.NaN;
    }
    String digits = text;
    if (grouping != null) {
      digits = grouping.matcher(digits).replaceAll("");
    }
    if (decimal != '.') {
      digits = digits.replace(decimal, '.');
    }
    return finite(digits);
  }

  /** The text {@link NumberColumns#hint} adds to the detail of a non-numeric value. */
  public String hint(String field) {
    if (localized) {
      return localizedHint;
    }
    if (field != null && looksLocalized.matcher(CellTrim.trim(field)).find()) {
      return " (a decimal comma or thousands separator? see csv.decimal-separator and"
          + " csv.grouping-separator)";
    }
    return "";
  }

  /** Spark's string to double cast, and NaN for null, NaN and infinities. */
  private static double finite(String text) {
    double d;
    try {
      d = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      // Cast.processFloatingPointSpecialLiterals gives only NaN and infinities, or null.
      return Double.NaN;
    }
    // + 0.0 turns -0.0 into 0.0, as NumberColumns does: Spark's min and max keep whichever zero
    // they meet first, so a signed zero would make them depend on the order of rows.
    return Double.isFinite(d) ? d + 0.0 : Double.NaN;
  }

  /** A sign, then ASCII digits and at most one '.', with a digit: a match of PLAIN. */
  private static boolean plainDecimal(String s) {
    int n = s.length();
    int i = n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
    boolean digit = false;
    boolean point = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c == '.' && !point) {
        point = true;
      } else {
        return false;
      }
    }
    return digit;
  }

  /** A sign, then one or more ASCII digits: a match of every localized pattern, unchanged. */
  private static boolean digits(String s) {
    int n = s.length();
    int i = n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
    if (i == n) {
      return false;
    }
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}

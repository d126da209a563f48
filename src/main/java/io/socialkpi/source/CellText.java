package io.socialkpi.source;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;

/**
 * One spreadsheet cell's value as the text a CSV export would hold, without the workbook's display
 * formats, so that no locale reaches the parser: a number as plain decimal digits (3423, 0.125,
 * never 1.2E-5 or a thousands separator), a date-formatted cell as ISO text ({@code yyyy-MM-dd},
 * {@code yyyy-MM-dd HH:mm:ss} when its format shows a time, {@code HH:mm:ss} when it shows only
 * one), text as it is, a formula by its cached value (what Excel last computed and saved), a
 * boolean as TRUE or FALSE, an error as Excel writes it ({@code #DIV/0!}), an empty cell as empty.
 */
final class CellText {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private CellText() {}

  /**
   * The cell's text; {@code decimal} is the source's decimal separator, so a numeric cell reads
   * with the same number options as the sheet's text cells.
   */
  static String of(Cell cell, char decimal) {
    if (cell == null) {
      return "";
    }
    CellType type = cell.getCellType();
    if (type == CellType.FORMULA) {
      type = cell.getCachedFormulaResultType();
    }
    return switch (type) {
      case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? date(cell) : number(cell, decimal);
      case STRING -> cell.getStringCellValue();
      case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
      case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
      default -> "";
    };
  }

  /** The shortest decimal that is the cell's double (as Double.toString), without exponent. */
  static String number(double value, char decimal) {
    String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    return decimal == '.' ? plain : plain.replace('.', decimal);
  }

  private static String number(Cell cell, char decimal) {
    return number(cell.getNumericCellValue(), decimal);
  }

  /**
   * A date-formatted cell as ISO text, to the second (Excel keeps a time as a fraction of a day, so
   * 10:15 may be stored a few microseconds short of it). Elapsed-time formats ({@code [h]:mm}) are
   * durations, not times of day: their value, in days, is written as a number.
   */
  private static String date(Cell cell) {
    String format = cell.getCellStyle().getDataFormatString();
    LocalDateTime t = cell.getLocalDateTimeCellValue();
    if (t == null || format.toLowerCase(Locale.ROOT).matches(".*\\[(h+|m+|s+)].*")) {
      // Not a valid date (a negative serial), or a duration: the stored number.
      return number(cell.getNumericCellValue(), '.');
    }
    t = t.plusNanos(500_000_000L).truncatedTo(ChronoUnit.SECONDS);
    String shown = shownLetters(format);
    boolean time = shown.indexOf('h') >= 0 || shown.indexOf('s') >= 0;
    boolean date = shown.indexOf('y') >= 0 || shown.indexOf('d') >= 0 || !time;
    if (date && time) {
      return DATE_TIME.format(t);
    }
    return date ? DATE.format(t) : TIME.format(t);
  }

  /**
   * The letters of a number format that stand for fields: lower-cased, without quoted literals,
   * escaped characters and bracketed parts (a color, a locale such as {@code [$-409]}).
   */
  static String shownLetters(String format) {
    StringBuilder out = new StringBuilder();
    boolean quoted = false;
    int bracket = 0;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (quoted) {
        quoted = c != '"';
      } else if (c == '"') {
        quoted = true;
      } else if (c == '\\') {
        i++;
      } else if (c == '[') {
        bracket++;
      } else if (c == ']' && bracket > 0) {
        bracket--;
      } else if (bracket == 0 && Character.isLetter(c)) {
        out.append(Character.toLowerCase(c));
      }
    }
    return out.toString();
  }
}

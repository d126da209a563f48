package io.socialkpi.source;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import io.socialkpi.config.CsvOptions;

/**
 * Splits one CSV line into fields with univocity (the parser Spark itself uses), so quoting rules
 * match Spark's CSV reader while the job keeps each line's file and position. Public for {@code
 * jobs/socialkpi inspect}, which splits a file's first lines exactly as the reader will.
 */
public final class CsvFields {
  /** The most fields a line can be split into; a line with more is quarantined unsplit. */
  static final int MAX_COLUMNS = 100_000;

  private CsvFields() {}

  /** A parser of single lines (or of records joined by {@code \n}) with the source's options. */
  public static CsvParser parser(CsvOptions options) {
    CsvParserSettings settings = new CsvParserSettings();
    settings.getFormat().setDelimiter(options.delimiter());
    settings.getFormat().setQuote(options.quote());
    settings.getFormat().setQuoteEscape(options.escape());
    settings.getFormat().setLineSeparator("\n");
    settings.setIgnoreLeadingWhitespaces(false);
    settings.setIgnoreTrailingWhitespaces(false);
    settings.setMaxCharsPerColumn(-1);
    settings.setMaxColumns(MAX_COLUMNS);
    // univocity skips lines starting with '#' by default: a hashtags export's first field. Lines
    // are comments only with csv.comment, and LineParser and Headers skip those themselves.
    settings.setCommentProcessingEnabled(false);
    settings.setNullValue(null);
    settings.setEmptyValue("");
    return new CsvParser(settings);
  }

  /**
   * Whether {@code line} ends inside a quoted field (starting inside one when {@code
   * startInQuote}): the rule by which the reader joins the lines of a record whose quoted field
   * holds line breaks ({@link LineParser#endsInQuote}).
   */
  public static boolean endsInQuote(String line, CsvOptions options, boolean startInQuote) {
    return LineParser.endsInQuote(
        line, options.delimiter(), options.quote(), options.escape(), startInQuote);
  }
}

package io.socialkpi.source;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import io.socialkpi.config.CsvOptions;

/**
 * Splits one CSV line into fields with univocity (the parser Spark itself uses), so quoting rules
 * match Spark's CSV reader while the job keeps each line's file and position.
 */
final class CsvFields {
  private CsvFields() {}

  static CsvParser parser(CsvOptions options) {
    CsvParserSettings settings = new CsvParserSettings();
    settings.getFormat().setDelimiter(options.delimiter());
    settings.getFormat().setQuote(options.quote());
    settings.getFormat().setQuoteEscape(options.escape());
    settings.getFormat().setLineSeparator("\n");
    settings.setIgnoreLeadingWhitespaces(false);
    settings.setIgnoreTrailingWhitespaces(false);
    settings.setMaxCharsPerColumn(-1);
    settings.setMaxColumns(100_000);
    settings.setNullValue(null);
    settings.setEmptyValue("");
    return new CsvParser(settings);
  }
}

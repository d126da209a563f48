package io.socialkpi.config;

import com.typesafe.config.Config;
import java.util.List;

/**
 * The csv keys of a spreadsheet source. Its rows are turned into CSV records by the reader, written
 * with a comma, RFC 4180 quotes and in UTF-8, so the keys that say how a text file writes its
 * records do not apply and setting one is an error (it would be ignored silently); the keys about
 * rows (skip-lines, header-rows, header) and about numbers in text cells do.
 */
final class SpreadsheetKeys {
  /** How a text file delimits and encodes its records: nothing a sheet's cells have. */
  private static final List<String> TEXT_ONLY =
      List.of("delimiter", "quote", "escape", "comment", "encoding");

  private SpreadsheetKeys() {}

  /**
   * The CSV options a spreadsheet source is read with: {@code csv}'s row and number keys, the
   * record format the reader writes; each text-only key the source or its preset sets is a problem.
   *
   * @param own the source's own keys over its preset's (not source-defaults, which serve every
   *     format)
   */
  static CsvOptions csvOptions(Section source, Config own, CsvOptions csv) {
    for (String key : TEXT_ONLY) {
      if (own.hasPath("csv." + key)) {
        source.problem(
            "csv." + key,
            "does not apply to format = spreadsheet: a sheet's cells are read as cells, not as"
                + " delimited text");
      }
    }
    if (csv.tables() && own.hasPath("csv.tables")) {
      // The reader's tables are a text file's (a blank line between them): a sheet's are not
      // looked for, and the setting would be ignored silently. (source-defaults serve every
      // format: a default there is no mistake of this source.)
      source.problem(
          "csv.tables",
          "does not apply to format = spreadsheet: a sheet is read as one table (choose the sheet"
              + " with sheet, the header's row with csv.skip-lines)");
    }
    return new CsvOptions(
        ',',
        csv.header(),
        '"',
        '"',
        csv.decimalSeparator(),
        csv.groupingSeparator(),
        null,
        csv.skipLines(),
        csv.headerRows(),
        "UTF-8",
        false); // a sheet is one table
  }
}

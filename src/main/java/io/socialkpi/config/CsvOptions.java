package io.socialkpi.config;

import java.io.Serializable;

/**
 * How a CSV source is split into fields, and how its numbers are written.
 *
 * @param decimalSeparator the character between the integer and fraction digits ('.' or ',')
 * @param groupingSeparator the thousands separator, or null when numbers have none
 * @param comment the character that starts a comment line, or null when no line is a comment
 * @param skipLines lines at the start of each file before the header (a title, metadata rows), or
 *     {@link #AUTO_SKIP}: each file's header is the first line that names every column the source
 *     reads
 * @param headerRows records that make the header: the first names the columns, the others
 *     (descriptions, localized labels, import ids) are skipped
 * @param encoding the files' character set where they have no byte-order mark: UTF-8, UTF-16LE,
 *     UTF-16BE, UTF-16 (the byte order from each file's start) or a single-byte one such as
 *     windows-1252
 * @param tables whether a blank line ends a table and the next line heads another (GA's exports
 *     hold several): the tables whose header names the source's columns are read, each by its own
 *     header, the others skipped
 */
public record CsvOptions(
    char delimiter,
    boolean header,
    char quote,
    char escape,
    char decimalSeparator,
    Character groupingSeparator,
    Character comment,
    int skipLines,
    int headerRows,
    String encoding,
    boolean tables)
    implements Serializable {

  /**
   * {@code csv.skip-lines = auto}: the number of lines before the header differs from file to file
   * (Brandwatch's metadata rows, a stray row above Meltwater's header), so each file's header is
   * looked for.
   */
  public static final int AUTO_SKIP = -1;

  /** Lines looked at for the header with {@code csv.skip-lines = auto}. */
  public static final int AUTO_SKIP_SEARCH = 100;

  /** Whether each file's header is looked for ({@code csv.skip-lines = auto}). */
  public boolean autoSkip() {
    return skipLines == AUTO_SKIP;
  }

  /**
   * The options of a file of one table that starts with its one header line, in UTF-8, with RFC
   * 4180 quotes ({@code "}, doubled inside a quoted field): what inspect reads a file with, and
   * what tests build. The other keys are reference.conf's defaults.
   *
   * @param groupingSeparator the thousands separator, or null when numbers have none
   * @param comment the character that starts a comment line, or null when no line is a comment
   */
  public static CsvOptions of(
      char delimiter, char decimalSeparator, Character groupingSeparator, Character comment) {
    return new CsvOptions(
        delimiter,
        true,
        '"',
        '"',
        decimalSeparator,
        groupingSeparator,
        comment,
        0,
        1,
        "UTF-8",
        false);
  }

  /** Plain numbers ({@code 1234.5}, {@code 1e3}): no decimal comma and no thousands separator. */
  public boolean plainNumbers() {
    return decimalSeparator == '.' && groupingSeparator == null;
  }
}

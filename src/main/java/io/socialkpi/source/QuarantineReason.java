package io.socialkpi.source;

/**
 * Why a raw row was set aside instead of counted. The codes are stable: they are the values of the
 * {@code reason} column of the {@code quarantine} table. The constants are in the order the checks
 * apply (a row gets the first reason that applies), the order of the table in docs/TABLES.md
 * ({@code QuarantineReasonDocsTest}).
 */
public enum QuarantineReason {
  /** The row is in a file whose bytes are those of another file of the same source. */
  DUPLICATE_FILE("duplicate_file"),
  /** The line is longer than the source's {@code max-line-size}; it is not parsed. */
  LINE_TOO_LONG("line_too_long"),
  /** The line is not valid UTF-8. */
  BAD_ENCODING("bad_encoding"),
  /** An empty line inside a file. */
  BLANK_LINE("blank_line"),
  /**
   * A CSV line whose quotes do not balance, or one between such lines: a quoted field holding a
   * line break, whose halves are never read as rows.
   */
  UNBALANCED_QUOTE("unbalanced_quote"),
  /** A CSV line with more or fewer fields than the header. */
  WRONG_FIELD_COUNT("wrong_field_count"),
  /** A JSON line that is not one JSON object. */
  MALFORMED_JSON("malformed_json"),
  /** A required value (time, entity or metric column) is empty. */
  MISSING_VALUE("missing_value"),
  /** The time does not match the source's pattern or is not a real date. */
  BAD_TIME("bad_time"),
  /** The time falls on a day after the run date (in the reporting zone). */
  FUTURE_TIME("future_time"),
  /**
   * The time falls on a day before the source's {@code time.earliest}: a placeholder date
   * (1900-01-01, 1970-01-01) rather than a real one.
   */
  IMPLAUSIBLE_TIME("implausible_time"),
  /**
   * A row of a weekly or monthly source ({@code time.grain}) is stamped on another day than its
   * {@code time.stamp} allows, so its period would span two windows.
   */
  UNALIGNED_PERIOD("unaligned_period"),
  /** A metric column holds something that is not a finite number. */
  NON_NUMERIC("non_numeric"),
  /** A column of a {@code non-negative} metric holds a number below zero. */
  NEGATIVE_VALUE("negative_value"),
  /** The same raw row appeared earlier in the source. */
  DUPLICATE("duplicate");

  private final String code;

  QuarantineReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}

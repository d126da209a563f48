package io.socialkpi.generate;

/**
 * The kinds of deliberately broken rows, each with the quarantine reason a reader is expected to
 * give it (the codes of the pipeline's {@code quarantine.reason} column).
 */
enum Fault {
  /** A time that does not match the declared pattern or is not a real date. */
  BAD_TIME("bad_time"),
  /** A metric column holding text that is not a number. */
  NON_NUMERIC("non_numeric"),
  /** A required value (time, entity or metric) left empty. */
  MISSING_VALUE("missing_value"),
  /** The exact line of an earlier row, written again later in the file. */
  DUPLICATE("duplicate"),
  /** A CSV line with more fields than the header. */
  WRONG_FIELD_COUNT("wrong_field_count"),
  /** A JSON line cut short. */
  MALFORMED_JSON("malformed_json"),
  /** An empty line in the middle of a file. */
  BLANK_LINE("blank_line");

  final String reason;

  Fault(String reason) {
    this.reason = reason;
  }
}

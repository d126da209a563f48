package io.socialkpi.generate;

/**
 * One deliberately broken row: where it is and why a careful reader must set it aside.
 *
 * @param file path relative to the output folder, e.g. {@code business/orders.csv}
 * @param line 1-based physical line number in the file (a CSV header is line 1)
 * @param reason the expected quarantine reason: bad_time, non_numeric, missing_value, duplicate,
 *     wrong_field_count, malformed_json or blank_line
 * @param detail what is wrong, in words
 * @param raw the line as written, without its line break
 */
public record MalformedRow(String file, long line, String reason, String detail, String raw) {}

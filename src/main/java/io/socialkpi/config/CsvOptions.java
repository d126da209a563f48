package io.socialkpi.config;

import java.io.Serializable;

/**
 * How a CSV source is split into fields, and how its numbers are written.
 *
 * @param decimalSeparator the character between the integer and fraction digits ('.' or ',')
 * @param groupingSeparator the thousands separator, or null when numbers have none
 */
public record CsvOptions(
    char delimiter,
    boolean header,
    char quote,
    char escape,
    char decimalSeparator,
    Character groupingSeparator)
    implements Serializable {

  /** Plain numbers ({@code 1234.5}, {@code 1e3}): no decimal comma and no thousands separator. */
  public boolean plainNumbers() {
    return decimalSeparator == '.' && groupingSeparator == null;
  }
}

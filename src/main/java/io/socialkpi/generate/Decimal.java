package io.socialkpi.generate;

/**
 * Fixed-point decimals with a '.' separator, written without String.format (which would dominate
 * the cost of a row) and without locale: amounts with 2 places, sentiment with 3.
 */
final class Decimal {
  private static final long[] SCALE = {1, 10, 100, 1000, 10000};

  private Decimal() {}

  /** Appends {@code value} rounded half-up to {@code places} (0..4) decimal places. */
  static StringBuilder append(StringBuilder sb, double value, int places) {
    long scaled = Math.round(Math.abs(value) * SCALE[places]);
    if (value < 0 && scaled != 0) {
      sb.append('-');
    }
    sb.append(scaled / SCALE[places]);
    if (places > 0) {
      sb.append('.');
      long fraction = scaled % SCALE[places];
      for (int p = places - 1; p >= 0; p--) {
        sb.append((char) ('0' + fraction / SCALE[p] % 10));
      }
    }
    return sb;
  }
}

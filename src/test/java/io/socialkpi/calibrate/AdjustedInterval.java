package io.socialkpi.calibrate;

import java.util.Arrays;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The control- or trend-adjusted estimate of a tactic's effect on the outcome and its interval,
 * read from one {@code intervention_effects} outcome row: the segmented-regression columns {@code
 * adj_estimate}, {@code adj_ci_low}, {@code adj_ci_high} when the row has them, otherwise the
 * counterfactual's {@code cf_average_effect}, {@code cf_ci_low}, {@code cf_ci_high} (the closest
 * estimate of the code before those columns existed). The one place that knows which, so the
 * benchmark runs before and after that change and says which it used.
 *
 * @param source the column prefix read: {@code adj} or {@code cf}
 */
public record AdjustedInterval(double estimate, double low, double high, String source) {
  static final String[] ADJUSTED = {"adj_estimate", "adj_ci_low", "adj_ci_high"};
  static final String[] COUNTERFACTUAL = {"cf_average_effect", "cf_ci_low", "cf_ci_high"};

  public static AdjustedInterval of(Row row) {
    String[] cols = columns(row.schema());
    return new AdjustedInterval(
        num(row, cols[0]), num(row, cols[1]), num(row, cols[2]), cols == ADJUSTED ? "adj" : "cf");
  }

  /** The three columns this schema is read through. */
  public static String[] columns(StructType schema) {
    boolean adjusted =
        Arrays.stream(ADJUSTED).allMatch(c -> Arrays.asList(schema.fieldNames()).contains(c));
    return adjusted ? ADJUSTED : COUNTERFACTUAL;
  }

  /** Whether the interval exists and holds {@code value}. */
  public boolean covers(double value) {
    return !Double.isNaN(low) && !Double.isNaN(high) && low <= value && value <= high;
  }

  public boolean present() {
    return !Double.isNaN(low) && !Double.isNaN(high);
  }

  private static double num(Row row, String column) {
    int i = row.fieldIndex(column);
    return row.isNullAt(i) ? Double.NaN : row.getDouble(i);
  }
}

package io.socialkpi.config;

import java.util.Locale;

/**
 * What a metric's window value is, for the words the report puts around it: a total of money
 * ({@code amount}) or of things ({@code count}) per window, or an average score or rate, which is
 * not "per week".
 */
public enum MetricKind {
  AMOUNT,
  COUNT,
  SCORE,
  RATE;

  /** The kind a metric has when its config does not say: a mean is a score, the rest counts. */
  public static MetricKind of(Aggregate aggregate) {
    return aggregate == Aggregate.MEAN ? SCORE : COUNT;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package io.socialkpi.config;

import java.util.Locale;

/** How the observations of one metric in one window become one value. */
public enum Aggregate {
  SUM,
  COUNT,
  MEAN,
  LAST,
  MIN,
  MAX;

  /** Flows (sum, count) are zero in a window without observations; levels are unknown. */
  public GapPolicy defaultGap() {
    return this == SUM || this == COUNT ? GapPolicy.ZERO : GapPolicy.MISSING;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}

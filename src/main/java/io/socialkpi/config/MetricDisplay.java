package io.socialkpi.config;

import java.io.Serializable;
import java.util.Locale;

/**
 * How the manager's report names a metric: its display name ({@code name = "Online sales"}), the
 * unit of its values ({@code unit = EUR}, none by default) and its {@link MetricKind}.
 */
public record MetricDisplay(String name, String unit, MetricKind kind) implements Serializable {

  /** The display of a metric whose config gives none: its key in words, no unit. */
  public static MetricDisplay defaults(String metricName, Aggregate aggregate) {
    return new MetricDisplay(words(metricName), null, MetricKind.of(aggregate));
  }

  /** {@code engaged-users} reads "Engaged users". */
  static String words(String key) {
    String s = key.replace('-', ' ').replace('_', ' ');
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}

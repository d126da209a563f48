package io.socialkpi.generate;

import java.time.LocalDate;

/**
 * What {@link SyntheticCompany} generates.
 *
 * @param start first day of data
 * @param days number of days
 * @param entities number of regions (north, south, east, west, region-05, ...)
 * @param seed the random seed: the same options give byte-identical files
 * @param volume multiplier of every per-day event rate (orders, mentions, tickets, ...)
 * @param malformed write a few deliberately broken rows into every file
 * @param inject inject the tactic effects and leads; false gives data where nothing happens
 */
public record GeneratorOptions(
    LocalDate start,
    int days,
    int entities,
    long seed,
    double volume,
    boolean malformed,
    boolean inject) {

  public static GeneratorOptions defaults() {
    return new GeneratorOptions(LocalDate.of(2024, 1, 1), 731, 2, 42L, 1.0, true, true);
  }

  public GeneratorOptions {
    if (days < 28) {
      throw new IllegalArgumentException("days must be at least 28, was " + days);
    }
    if (entities < 1) {
      throw new IllegalArgumentException("entities must be at least 1, was " + entities);
    }
    if (!(volume > 0)) {
      throw new IllegalArgumentException("volume must be positive, was " + volume);
    }
  }

  /** Region names: north, south, east, west, then region-05, region-06, ... */
  public String region(int i) {
    return switch (i) {
      case 0 -> "north";
      case 1 -> "south";
      case 2 -> "east";
      case 3 -> "west";
      default -> String.format(java.util.Locale.ROOT, "region-%02d", i + 1);
    };
  }

  public LocalDate day(int i) {
    return start.plusDays(i);
  }
}

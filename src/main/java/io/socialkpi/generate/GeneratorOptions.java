package io.socialkpi.generate;

import java.time.LocalDate;
import java.util.Locale;

/**
 * What {@link SyntheticCompany} generates: which days, how many regions, which seed, how many
 * events, and whether broken rows and tactic effects are written in.
 *
 * @param start first day of data (a Helsinki calendar day)
 * @param days number of days, at least 28; with fewer than 518 the tactic launches move from their
 *     day offsets (399, 427, 462) to fixed fractions of the range (see {@link Truth})
 * @param entities number of regions (north, south, east, west, region-05, region-06, ...)
 * @param seed the random seed: the same options give byte-identical files
 * @param volume multiplier of every per-day event rate (orders, mentions, tickets, CSAT responses,
 *     applications); daily aggregate exports (page insights, jobs tab, web sessions) keep one row
 *     per day, region and source whatever the volume
 * @param malformed write a handful of deliberately broken rows into every file
 * @param inject inject the tactic effects and the leads; false gives a null data set in which no
 *     tactic changes anything and no social series leads a business outcome
 * @param everyDays write every n-th day only (1: daily exports; 7: weekly exports, one day a week
 *     from {@code start}): the model still runs every day, only the files get fewer rows, so many
 *     entities over two years stay a manageable number of rows
 */
public record GeneratorOptions(
    LocalDate start,
    int days,
    int entities,
    long seed,
    double volume,
    boolean malformed,
    boolean inject,
    int everyDays) {

  /** Fewer days leave no room for a before and an after period of several weeks. */
  public static final int MIN_DAYS = 28;

  public GeneratorOptions {
    if (start == null) {
      throw new IllegalArgumentException("start must be given");
    }
    if (days < MIN_DAYS) {
      throw new IllegalArgumentException("days must be at least " + MIN_DAYS + ", was " + days);
    }
    if (entities < 1) {
      throw new IllegalArgumentException("entities must be at least 1, was " + entities);
    }
    if (!(volume > 0) || Double.isInfinite(volume)) {
      throw new IllegalArgumentException("volume must be positive, was " + volume);
    }
    if (everyDays < 1 || everyDays > days / 4) {
      throw new IllegalArgumentException(
          "every-days must be between 1 and a quarter of the days, was " + everyDays);
    }
  }

  /** Daily exports. */
  public GeneratorOptions(
      LocalDate start,
      int days,
      int entities,
      long seed,
      double volume,
      boolean malformed,
      boolean inject) {
    this(start, days, entities, seed, volume, malformed, inject, 1);
  }

  /** Without the injection switch: effects are injected. */
  public GeneratorOptions(
      LocalDate start, int days, int entities, long seed, double volume, boolean malformed) {
    this(start, days, entities, seed, volume, malformed, true);
  }

  /** The committed sample: two regions, 2024-01-01 to 2025-12-31, seed 42, volume 1. */
  public static GeneratorOptions defaults() {
    return new GeneratorOptions(LocalDate.of(2024, 1, 1), 731, 2, 42L, 1.0, true, true);
  }

  public GeneratorOptions withStart(LocalDate newStart) {
    return new GeneratorOptions(
        newStart, days, entities, seed, volume, malformed, inject, everyDays);
  }

  public GeneratorOptions withDays(int newDays) {
    return new GeneratorOptions(
        start, newDays, entities, seed, volume, malformed, inject, everyDays);
  }

  public GeneratorOptions withEntities(int newEntities) {
    return new GeneratorOptions(
        start, days, newEntities, seed, volume, malformed, inject, everyDays);
  }

  public GeneratorOptions withSeed(long newSeed) {
    return new GeneratorOptions(
        start, days, entities, newSeed, volume, malformed, inject, everyDays);
  }

  public GeneratorOptions withVolume(double newVolume) {
    return new GeneratorOptions(
        start, days, entities, seed, newVolume, malformed, inject, everyDays);
  }

  public GeneratorOptions withInject(boolean newInject) {
    return new GeneratorOptions(
        start, days, entities, seed, volume, malformed, newInject, everyDays);
  }

  public GeneratorOptions withMalformed(boolean newMalformed) {
    return new GeneratorOptions(
        start, days, entities, seed, volume, newMalformed, inject, everyDays);
  }

  public GeneratorOptions withEveryDays(int newEveryDays) {
    return new GeneratorOptions(
        start, days, entities, seed, volume, malformed, inject, newEveryDays);
  }

  /** Whether day {@code i}'s rows are written (see {@code everyDays}). */
  public boolean writes(int i) {
    return i % everyDays == 0;
  }

  /** Region names: north, south, east, west, then region-05, region-06, ... */
  public String region(int i) {
    return switch (i) {
      case 0 -> "north";
      case 1 -> "south";
      case 2 -> "east";
      case 3 -> "west";
      default -> String.format(Locale.ROOT, "region-%02d", i + 1);
    };
  }

  /** The calendar day with index {@code i} (0 is {@link #start}). */
  public LocalDate day(int i) {
    return start.plusDays(i);
  }

  /** The last calendar day of data. */
  public LocalDate lastDay() {
    return day(days - 1);
  }
}

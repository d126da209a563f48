package io.socialkpi.generate;

import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Consumer;

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

  /** Daily exports with the tactic effects injected. */
  public GeneratorOptions(
      LocalDate start, int days, int entities, long seed, double volume, boolean malformed) {
    this(start, days, entities, seed, volume, malformed, true, 1);
  }

  /** The committed sample: two regions, 2024-01-01 to 2025-12-31, seed 42, volume 1. */
  public static GeneratorOptions defaults() {
    return new GeneratorOptions(LocalDate.of(2024, 1, 1), 731, 2, 42L, 1.0, true, true, 1);
  }

  public GeneratorOptions withStart(LocalDate newStart) {
    return edit(c -> c.start = newStart);
  }

  public GeneratorOptions withDays(int newDays) {
    return edit(c -> c.days = newDays);
  }

  public GeneratorOptions withEntities(int newEntities) {
    return edit(c -> c.entities = newEntities);
  }

  public GeneratorOptions withSeed(long newSeed) {
    return edit(c -> c.seed = newSeed);
  }

  public GeneratorOptions withVolume(double newVolume) {
    return edit(c -> c.volume = newVolume);
  }

  public GeneratorOptions withInject(boolean newInject) {
    return edit(c -> c.inject = newInject);
  }

  public GeneratorOptions withMalformed(boolean newMalformed) {
    return edit(c -> c.malformed = newMalformed);
  }

  public GeneratorOptions withEveryDays(int newEveryDays) {
    return edit(c -> c.everyDays = newEveryDays);
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

  /**
   * A copy with the components {@code change} sets: the one place that passes all of them in order,
   * so no wither can put its value into a neighbouring component of the same type.
   */
  private GeneratorOptions edit(Consumer<Components> change) {
    Components c = new Components(this);
    change.accept(c);
    return new GeneratorOptions(
        c.start, c.days, c.entities, c.seed, c.volume, c.malformed, c.inject, c.everyDays);
  }

  /** The components of a copy being made, each settable on its own. */
  private static final class Components {
    LocalDate start;
    int days;
    int entities;
    long seed;
    double volume;
    boolean malformed;
    boolean inject;
    int everyDays;

    Components(GeneratorOptions o) {
      start = o.start;
      days = o.days;
      entities = o.entities;
      seed = o.seed;
      volume = o.volume;
      malformed = o.malformed;
      inject = o.inject;
      everyDays = o.everyDays;
    }
  }
}

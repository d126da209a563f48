package io.socialkpi.generate;

import io.socialkpi.calendar.WindowUnit;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The synthetic worlds of the calibration benchmark: for one seed, the outcome series of each
 * treated entity (region), of the control entity and of a lead indicator, with a known true effect
 * of the tactic. Null scenarios launch a tactic that does nothing (or, for {@code
 * random-walk-leads}, have no tactic and a lead indicator unrelated to the outcome); effect
 * scenarios add a permanent step at the launch in every treated region.
 *
 * <p>The model, with t the window index from {@link #START} and L the launch window:
 *
 * <ul>
 *   <li>{@code white-noise}: daily, 100 + N(0, 10).
 *   <li>{@code ar1}: daily, 100 + u, u(t) = 0.97 u(t-1) + N(0, 3), u(0) from the stationary law.
 *   <li>{@code trend}: daily, 100 + 0.04 t + N(0, 5).
 *   <li>{@code shared-trend}: {@code trend} in every region, the control entity included.
 *   <li>{@code seasonal}: daily, 100 (1 + 0.10 sin(2 pi t / 365.25)) w(day of week) + N(0, 5), w =
 *       {@link #WEEKDAY} (Monday..Sunday, mean 1).
 *   <li>{@code random-walk-leads}: daily, no tactic; outcome 100 + a random walk with N(0, 1)
 *       steps, lead indicator 1000 + an independent random walk with N(0, 10) steps.
 *   <li>{@code weekly-ar}: weekly, 1000 + 1 t + e, e AR(1) with phi 0.5 and stationary sd 50 (5% of
 *       the level), half of its variance a market component shared by every region of the seed (the
 *       control included), half the region's own; no control.
 *   <li>{@code shared-shock}: as {@code weekly-ar} with a control entity, plus +20% of the launch
 *       level from the launch on in every region, the control included: a market-wide shock.
 *   <li>{@code step-0}, {@code step-5}, {@code step-10}, {@code step-15}: as {@code weekly-ar} with
 *       a control entity, plus a step of 0/5/10/15% of the launch level (1000 + 1 L) from the
 *       launch on in every treated region only. {@code step-0} is the null twin of the step
 *       scenarios. {@code step-15-noisy}: {@code step-15} with twice the noise (sd 10% of the
 *       level), none of it shared with the control: where a tactic's effect is hard to see.
 * </ul>
 *
 * Daily scenarios cover 730 days from {@link #START} with the launch at day 365; weekly ones 104
 * ISO weeks with the launch at week 52. Every entity draws its own noise from a generator seeded by
 * (seed, scenario, entity) alone, so a scenario's data do not depend on which other scenarios or
 * how many entities run alongside it.
 */
public enum Scenario {
  WHITE_NOISE("white-noise", Timeline.DAILY, false),
  AR1("ar1", Timeline.DAILY, false),
  TREND("trend", Timeline.DAILY, false),
  SHARED_TREND("shared-trend", Timeline.DAILY, true),
  SEASONAL("seasonal", Timeline.DAILY, false),
  RANDOM_WALK_LEADS("random-walk-leads", Timeline.DAILY, false),
  WEEKLY_AR("weekly-ar", Timeline.WEEKLY, false),
  SHARED_SHOCK("shared-shock", Timeline.WEEKLY, true),
  STEP_0("step-0", 0),
  STEP_5("step-5", 0.05),
  STEP_10("step-10", 0.10),
  STEP_15("step-15", 0.15),
  STEP_15_NOISY("step-15-noisy", 0.15);

  /** First window of every scenario: a Monday, so days and ISO weeks start together. */
  public static final LocalDate START = LocalDate.of(2023, 1, 2);

  public static final int DAILY_WINDOWS = 730;
  public static final int DAILY_LAUNCH = 365;
  public static final int WEEKLY_WINDOWS = 104;
  public static final int WEEKLY_LAUNCH = 52;

  static final double DAILY_LEVEL = 100;
  static final double WHITE_NOISE_SD = 10;
  static final double AR1_PHI = 0.97;
  static final double AR1_INNOVATION_SD = 3;
  static final double TREND_PER_DAY = 0.04;
  static final double TREND_NOISE_SD = 5;
  static final double SEASONAL_AMPLITUDE = 0.10;
  static final double SEASONAL_NOISE_SD = 5;

  /** Monday..Sunday multipliers of the seasonal scenario: a strong weekend dip, mean 1. */
  static final double[] WEEKDAY = {1.00, 1.05, 1.05, 1.10, 1.20, 0.85, 0.75};

  static final double WALK_OUTCOME_STEP_SD = 1;
  static final double WALK_LEAD_LEVEL = 1000;
  static final double WALK_LEAD_STEP_SD = 10;

  static final double WEEKLY_LEVEL = 1000;
  static final double WEEKLY_TREND = 1;
  static final double WEEKLY_PHI = 0.5;

  /** Stationary sd of the weekly AR(1) noise, as a share of {@link #WEEKLY_LEVEL}. */
  static final double WEEKLY_NOISE_SHARE = 0.05;

  /** Share of the weekly noise variance that is the market's, common to every region. */
  static final double MARKET_VARIANCE_SHARE = 0.5;

  /** {@code step-15-noisy}: twice the noise, all of it the region's own (a poor control). */
  static final double NOISY_NOISE_SHARE = 0.10;

  static final double SHOCK_SHARE = 0.20;

  private final String id;
  private final Timeline timeline;
  private final boolean control;
  private final double step;

  /** A scenario without a step: a null one, whatever its tactic. */
  Scenario(String id, Timeline timeline, boolean control) {
    this(id, timeline, control, 0);
  }

  /** A step scenario: weekly, with a control entity, a step of {@code step} of the launch level. */
  Scenario(String id, double step) {
    this(id, Timeline.WEEKLY, true, step);
  }

  Scenario(String id, Timeline timeline, boolean control, double step) {
    this.id = id;
    this.timeline = timeline;
    this.control = control;
    this.step = step;
  }

  /** The objective id and the name on the command line. */
  public String id() {
    return id;
  }

  public WindowUnit unit() {
    return timeline.unit;
  }

  /** Whether the objective has a control entity ({@code control-entity}). */
  public boolean hasControl() {
    return control;
  }

  /** Whether the objective has a tactic; without one the verdict rests on the lead indicator. */
  public boolean hasTactic() {
    return this != RANDOM_WALK_LEADS;
  }

  public boolean hasLead() {
    return this == RANDOM_WALK_LEADS;
  }

  /** A null scenario: whatever the tactic did, it did nothing. */
  public boolean isNull() {
    return step == 0;
  }

  public int windows() {
    return timeline.windows;
  }

  /** Index of the launch window. */
  public int launchIndex() {
    return timeline.launch;
  }

  public LocalDate window(int t) {
    return timeline.window(t);
  }

  public LocalDate launch() {
    return window(launchIndex());
  }

  /** The true effect of the tactic on a treated entity, in outcome units; 0 for the nulls. */
  public double trueEffect() {
    return step * weeklyLevel(launchIndex());
  }

  public static Scenario byId(String id) {
    for (Scenario s : values()) {
      if (s.id.equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown scenario '" + id + "'");
  }

  /** The outcome of a treated entity (1, 2, ...) or, with {@code entity = 0}, of the control. */
  public double[] outcome(long seed, int entity) {
    SplittableRandom rng = rng(seed, "outcome", entity);
    int n = windows();
    int launch = launchIndex();
    double[] y = new double[n];
    switch (this) {
      case WHITE_NOISE -> fill(y, t -> DAILY_LEVEL + WHITE_NOISE_SD * rng.nextGaussian());
      case AR1 -> {
        double[] u = ar1(rng, n, AR1_PHI, AR1_INNOVATION_SD);
        fill(y, t -> DAILY_LEVEL + u[t]);
      }
      case TREND, SHARED_TREND ->
          fill(y, t -> DAILY_LEVEL + TREND_PER_DAY * t + TREND_NOISE_SD * rng.nextGaussian());
      case SEASONAL ->
          fill(
              y,
              t -> {
                double annual = 1 + SEASONAL_AMPLITUDE * Math.sin(2 * Math.PI * t / 365.25);
                double weekday = WEEKDAY[window(t).getDayOfWeek().getValue() - 1];
                return DAILY_LEVEL * annual * weekday + SEASONAL_NOISE_SD * rng.nextGaussian();
              });
      case RANDOM_WALK_LEADS -> walk(y, rng, DAILY_LEVEL, WALK_OUTCOME_STEP_SD);
      default -> {
        // Weekly: innovation sd chosen so the stationary sd is the noise share of the level; part
        // of the variance is the market's (one draw per seed, shared by every region).
        boolean noisy = this == STEP_15_NOISY;
        double share = noisy ? NOISY_NOISE_SHARE : WEEKLY_NOISE_SHARE;
        double market = noisy ? 0 : MARKET_VARIANCE_SHARE;
        double sd = share * WEEKLY_LEVEL * Math.sqrt(1 - WEEKLY_PHI * WEEKLY_PHI);
        double[] own = ar1(rng, n, WEEKLY_PHI, sd * Math.sqrt(1 - market));
        double[] common = ar1(rng(seed, "market", 0), n, WEEKLY_PHI, sd * Math.sqrt(market));
        double[] e = new double[n];
        for (int t = 0; t < n; t++) {
          e[t] = own[t] + common[t];
        }
        double jump =
            this == SHARED_SHOCK
                ? SHOCK_SHARE * weeklyLevel(launch)
                : entity > 0 ? trueEffect() : 0;
        fill(y, t -> weeklyLevel(t) + e[t] + (t >= launch ? jump : 0));
      }
    }
    return y;
  }

  /** The lead indicator of a treated entity, or null when the scenario has none. */
  public double[] lead(long seed, int entity) {
    if (!hasLead()) {
      return null;
    }
    double[] x = new double[windows()];
    walk(x, rng(seed, "lead", entity), WALK_LEAD_LEVEL, WALK_LEAD_STEP_SD);
    return x;
  }

  /**
   * The windows of a scenario: their unit, how many there are from {@link #START}, and the launch
   * window's index.
   */
  private enum Timeline {
    DAILY(WindowUnit.DAY, DAILY_WINDOWS, DAILY_LAUNCH),
    WEEKLY(WindowUnit.WEEK, WEEKLY_WINDOWS, WEEKLY_LAUNCH);

    private final WindowUnit unit;
    private final int windows;
    private final int launch;

    Timeline(WindowUnit unit, int windows, int launch) {
      this.unit = unit;
      this.windows = windows;
      this.launch = launch;
    }

    LocalDate window(int t) {
      return unit == WindowUnit.DAY ? START.plusDays(t) : START.plusWeeks(t);
    }
  }

  /** The noise-free level of the weekly scenarios in window {@code t}. */
  private static double weeklyLevel(int t) {
    return WEEKLY_LEVEL + WEEKLY_TREND * t;
  }

  /** AR(1) around 0 started from its stationary law, so there is no burn-in drift. */
  static double[] ar1(SplittableRandom rng, int n, double phi, double innovationSd) {
    double[] u = new double[n];
    u[0] = innovationSd / Math.sqrt(1 - phi * phi) * rng.nextGaussian();
    for (int t = 1; t < n; t++) {
      u[t] = phi * u[t - 1] + innovationSd * rng.nextGaussian();
    }
    return u;
  }

  private static void walk(double[] x, SplittableRandom rng, double start, double stepSd) {
    x[0] = start;
    for (int t = 1; t < x.length; t++) {
      x[t] = x[t - 1] + stepSd * rng.nextGaussian();
    }
  }

  private static void fill(double[] y, java.util.function.IntToDoubleFunction f) {
    // In window order, so the draws of a seed always land on the same windows.
    for (int t = 0; t < y.length; t++) {
      y[t] = f.applyAsDouble(t);
    }
  }

  private SplittableRandom rng(long seed, String purpose, int entity) {
    return new SplittableRandom(Rand.streamSeed(seed, id.hashCode(), purpose.hashCode(), entity));
  }
}

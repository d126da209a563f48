package io.socialkpi.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.socialkpi.calibrate.SyntheticPanel;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The calibration generator does what {@link Scenario} documents: the same data for the same seed,
 * no step at the launch in the null scenarios, the documented step in the effect scenarios, the
 * documented autocorrelation, and a control entity the tactic does not reach. No Spark.
 */
class ScenarioTest {
  private static final int MANY = 400;

  @Test
  void theSameSeedGivesTheSameSeriesAndAnotherSeedOthers() {
    for (Scenario s : Scenario.values()) {
      assertThat(s.outcome(7, 3)).containsExactly(s.outcome(7, 3));
      assertThat(s.outcome(7, 3)).isNotEqualTo(s.outcome(8, 3));
      assertThat(s.outcome(7, 3)).isNotEqualTo(s.outcome(7, 4));
    }
    assertThat(Scenario.RANDOM_WALK_LEADS.lead(7, 3))
        .containsExactly(Scenario.RANDOM_WALK_LEADS.lead(7, 3));
  }

  @Test
  void nullScenariosHaveNoStepAtTheLaunchOnAverage() {
    for (Scenario s :
        List.of(
            Scenario.WHITE_NOISE,
            Scenario.AR1,
            Scenario.TREND,
            Scenario.SHARED_TREND,
            Scenario.SEASONAL,
            Scenario.WEEKLY_AR,
            Scenario.STEP_0)) {
      double tolerance = s.unit() == io.socialkpi.calendar.WindowUnit.DAY ? 2 : 8;
      assertThat(meanStep(s, 1)).as(s.id()).isCloseTo(0, within(tolerance));
      assertThat(s.trueEffect()).as(s.id()).isZero();
    }
  }

  @Test
  void stepScenariosHaveTheDocumentedStepInTreatedEntitiesOnly() {
    double launchLevel = Scenario.WEEKLY_LEVEL + Scenario.WEEKLY_TREND * Scenario.WEEKLY_LAUNCH;
    assertThat(Scenario.STEP_5.trueEffect()).isCloseTo(0.05 * launchLevel, within(1e-9));
    assertThat(Scenario.STEP_10.trueEffect()).isCloseTo(0.10 * launchLevel, within(1e-9));
    assertThat(Scenario.STEP_15.trueEffect()).isCloseTo(0.15 * launchLevel, within(1e-9));
    for (Scenario s : List.of(Scenario.STEP_5, Scenario.STEP_10, Scenario.STEP_15)) {
      assertThat(meanStep(s, 1)).as(s.id()).isCloseTo(s.trueEffect(), within(8.0));
      assertThat(meanStep(s, 0)).as(s.id() + " control").isCloseTo(0, within(8.0));
    }
  }

  @Test
  void aSharedShockMovesTheControlAsWell() {
    double shock = Scenario.SHOCK_SHARE * (Scenario.WEEKLY_LEVEL + Scenario.WEEKLY_TREND * 52);
    assertThat(meanStep(Scenario.SHARED_SHOCK, 1)).isCloseTo(shock, within(8.0));
    assertThat(meanStep(Scenario.SHARED_SHOCK, 0)).isCloseTo(shock, within(8.0));
    assertThat(Scenario.SHARED_SHOCK.trueEffect()).isZero();
  }

  @Test
  void arNoiseHasTheDocumentedAutocorrelationAndSpread() {
    double acfDaily = 0;
    double acfWeekly = 0;
    double varWeekly = 0;
    int n = 200;
    for (int k = 1; k <= n; k++) {
      acfDaily += lag1(residual(Scenario.AR1, Scenario.AR1.outcome(1, k))) / n;
      double[] e = residual(Scenario.WEEKLY_AR, Scenario.WEEKLY_AR.outcome(k, 1));
      acfWeekly += lag1(e) / n;
      varWeekly += java.util.Arrays.stream(e).map(v -> v * v).average().orElseThrow() / n;
    }
    // Sample autocorrelations are biased down by about (1 + 3 phi) / n.
    assertThat(acfDaily).isCloseTo(Scenario.AR1_PHI, within(0.02));
    assertThat(acfWeekly).isCloseTo(Scenario.WEEKLY_PHI, within(0.05));
    assertThat(Math.sqrt(varWeekly)).isCloseTo(Scenario.WEEKLY_NOISE_SHARE * 1000, within(3.0));
  }

  @Test
  void thePanelHasTheControlEntitysOutcomeAsASeriesOfEveryOtherEntity() {
    List<Row> rows = SyntheticPanel.rows(Scenario.STEP_5, 1, 3);
    Map<String, Long> perEntityMetric =
        rows.stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.getString(1) + " " + r.getString(2), Collectors.counting()));
    assertThat(perEntityMetric)
        .containsOnlyKeys(
            "ctrl sales.revenue",
            "r1 sales.revenue",
            "r1 sales.revenue@ctrl",
            "r2 sales.revenue",
            "r2 sales.revenue@ctrl",
            "r3 sales.revenue",
            "r3 sales.revenue@ctrl");
    assertThat(perEntityMetric.values()).containsOnly((long) Scenario.WEEKLY_WINDOWS);
    assertThat(SyntheticPanel.objectiveBlock(Scenario.STEP_5))
        .contains("control-entity = ctrl", "launched = \"2024-01-01\"");
    assertThat(SyntheticPanel.objectiveBlock(Scenario.RANDOM_WALK_LEADS))
        .contains("lead-indicators = [social.fans]")
        .doesNotContain("tactics");
  }

  /**
   * Mean over many seeds of (after mean - before mean) of one entity's outcome less its documented
   * linear trend: the step at the launch. Entity 0 is the control.
   */
  private static double meanStep(Scenario s, int entity) {
    double sum = 0;
    for (int seed = 1; seed <= MANY; seed++) {
      double[] y = residual(s, s.outcome(seed, entity));
      int launch = s.launchIndex();
      sum += mean(y, launch, y.length) - mean(y, 0, launch);
    }
    return sum / MANY;
  }

  /** The series less its documented level and trend (the level only for the others). */
  private static double[] residual(Scenario s, double[] y) {
    double[] r = y.clone();
    boolean daily = s.unit() == io.socialkpi.calendar.WindowUnit.DAY;
    double level = daily ? Scenario.DAILY_LEVEL : Scenario.WEEKLY_LEVEL;
    double trend =
        daily
            ? (s == Scenario.TREND || s == Scenario.SHARED_TREND ? Scenario.TREND_PER_DAY : 0)
            : Scenario.WEEKLY_TREND;
    for (int t = 0; t < r.length; t++) {
      r[t] -= level + trend * t;
    }
    return r;
  }

  private static double mean(double[] y, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += y[i];
    }
    return sum / (to - from);
  }

  private static double lag1(double[] e) {
    double m = mean(e, 0, e.length);
    double num = 0;
    double den = 0;
    for (int t = 0; t < e.length; t++) {
      den += (e[t] - m) * (e[t] - m);
      if (t > 0) {
        num += (e[t] - m) * (e[t - 1] - m);
      }
    }
    return num / den;
  }
}

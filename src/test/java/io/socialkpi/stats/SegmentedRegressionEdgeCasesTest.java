package io.socialkpi.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The segmented regression on edge cases an independent review found breaking it. */
class SegmentedRegressionEdgeCasesTest {

  static double[] noisy(int n, long seed, double level, double sd) {
    Random r = new Random(seed);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = level + sd * r.nextGaussian();
    }
    return y;
  }

  static List<AdjustedEffect> fit(double[] y, double[] c, int[] cuts, int rampUp) {
    return SegmentedRegression.estimate(
        new SegmentedRegression.Input(y, c, null, cuts, 0, y.length, rampUp, 0, 0.95));
  }

  /**
   * Two tactics launched in the same window: the second is told "cannot be told apart", but the
   * first silently receives the joint step and can be "supported" on it.
   */
  @Test
  void twoTacticsInTheSameWindowNeitherGetsTheJointStep() {
    double[] y = noisy(104, 1, 100, 2);
    for (int i = 52; i < 104; i++) {
      y[i] += 20;
    }
    List<AdjustedEffect> e = fit(y, null, new int[] {52, 52}, 0);
    assertThat(e.get(1).estimate()).isNaN();
    assertThat(e.get(0).estimate()).as("first of two same-window tactics").isNaN();
    assertThat(e.get(0).note()).contains("cannot be told apart");
  }

  /**
   * A ramp-up that reaches past the next tactic's launch makes the step columns collinear, and the
   * whole fit is dropped: a third, well separated tactic loses its estimate ("degenerate").
   */
  @Test
  void rampUpOverlappingTheNextLaunchDoesNotKillALaterTactic() {
    double[] y = noisy(156, 2, 100, 2);
    for (int i = 100; i < 156; i++) {
      y[i] += 20;
    }
    List<AdjustedEffect> e = fit(y, null, new int[] {52, 54, 100}, 4);
    assertThat(e.get(2).note()).isNull();
    assertThat(e.get(2).estimate()).isCloseTo(20, within(3.0));
  }

  /**
   * A control whose mean before the launch is negative (net sentiment, a margin) gets a negative
   * scale k = mean(y) / mean(c), so y - k c ADDS the control: a market-wide rise shared by outcome
   * and control is amplified (here +5 in both becomes a step of +55, p 1e-24) instead of cancelled.
   */
  @Test
  void aNegativeControlDoesNotTurnASharedShockIntoAStep() {
    Random r = new Random(3);
    int n = 104;
    double[] y = new double[n];
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      double shock = i >= 52 ? 5 : 0;
      y[i] = 100 + shock + r.nextGaussian();
      c[i] = -10 + shock + r.nextGaussian();
    }
    AdjustedEffect e = fit(y, c, new int[] {52}, 0).get(0);
    // outcome minus control moved by 0 (both +5): the step must not be clearly positive
    assertThat(e.decisiveP()).as("step %s, model %s", e.estimate(), e.model()).isGreaterThan(0.05);
  }

  /**
   * A control with zero mean before the launch is silently dropped (k = NaN): adj_model has no
   * control and there is no note, while ObjectiveVerdicts sets hasControl from control_metric, so
   * the verdict reason still says "beyond the trend before the launch and the control" and the
   * shared shock at the launch is taken as the tactic's step.
   */
  @Test
  void aControlThatCannotBeScaledIsSaid() {
    Random r = new Random(4);
    int n = 104;
    double[] y = new double[n];
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      double shock = i >= 52 ? 5 : 0;
      y[i] = 100 + shock + r.nextGaussian();
      c[i] = (i < 52 ? (i % 2 == 0 ? 1 : -1) : 0) + shock;
    }
    AdjustedEffect e = fit(y, c, new int[] {52}, 0).get(0);
    assertThat(e.model()).startsWith("outcome-minus-control");
  }
}

package io.socialkpi.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.calendar.WindowUnit;
import io.socialkpi.config.AnalysisSettings;
import io.socialkpi.config.Direction;
import io.socialkpi.config.ObjectiveSpec;
import io.socialkpi.config.TacticSpec;
import io.socialkpi.panel.ObjectivePanel;
import io.socialkpi.tables.EffectRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Comparison periods around launches, on a 20-week panel starting Monday 2024-01-01. */
class TacticEffectsTest {
  static final LocalDate START = LocalDate.of(2024, 1, 1);

  static ObjectivePanel panel(
      String entity, double[] outcome, double[] control, String controlName) {
    List<ObjectivePanel.Cell> cells = new ArrayList<>();
    for (int i = 0; i < outcome.length; i++) {
      cells.add(new ObjectivePanel.Cell("s.y", START.plusWeeks(i), outcome[i]));
      if (control != null) {
        cells.add(new ObjectivePanel.Cell(controlName, START.plusWeeks(i), control[i]));
      }
    }
    return ObjectivePanel.of("o", entity, cells);
  }

  static ObjectiveSpec objective(String controlEntity, TacticSpec... tactics) {
    return new ObjectiveSpec(
        "o",
        null,
        null,
        null,
        "A",
        "s.y",
        Direction.UP,
        null,
        List.of(),
        List.of(0),
        List.of(tactics),
        null,
        controlEntity,
        List.of());
  }

  static TacticSpec tactic(String id, int week) {
    // Launched on a Wednesday: the window holding it is the first "after" window.
    return new TacticSpec(id, null, null, START.plusWeeks(week).plusDays(2));
  }

  static AnalysisSettings settings(int before, int after, int rampUp, boolean staggered) {
    return new AnalysisSettings(0.95, 0.05, before, after, rampUp, staggered);
  }

  static double[] steps() {
    double[] y = new double[20];
    for (int i = 0; i < 20; i++) {
      y[i] = (i < 8 ? 10 : i < 14 ? 20 : 30) + (i % 2 == 0 ? 0.5 : -0.5);
    }
    return y;
  }

  @Test
  void staggeredTacticsCompareWithTheStateJustBeforeThem() {
    ObjectivePanel p = panel("north", steps(), null, null);
    List<EffectRow> rows =
        new TacticEffects(WindowUnit.WEEK, settings(0, 0, 0, true))
            .of(objective(null, tactic("a", 8), tactic("b", 14)), p);
    EffectRow b = rows.stream().filter(r -> r.tacticId().equals("b")).findFirst().orElseThrow();
    assertThat(b.beforeStart()).isEqualTo(START.plusWeeks(8));
    assertThat(b.nBefore()).isEqualTo(6);
    assertThat(b.meanBefore()).isEqualTo(20.0);
    assertThat(b.absChange()).isEqualTo(10.0);
    List<EffectRow> pooled =
        new TacticEffects(WindowUnit.WEEK, settings(0, 0, 0, false))
            .of(objective(null, tactic("a", 8), tactic("b", 14)), p);
    assertThat(pooled.get(1).nBefore()).isEqualTo(14);
  }

  @Test
  void windowCountsAndRampUpLimitThePeriods() {
    ObjectivePanel p = panel("north", steps(), null, null);
    EffectRow r =
        new TacticEffects(WindowUnit.WEEK, settings(4, 3, 2, true))
            .of(objective(null, tactic("a", 8)), p)
            .get(0);
    assertThat(r.nBefore()).isEqualTo(4);
    assertThat(r.beforeStart()).isEqualTo(START.plusWeeks(4));
    assertThat(r.beforeEnd()).isEqualTo(START.plusWeeks(7));
    assertThat(r.afterStart()).isEqualTo(START.plusWeeks(10));
    assertThat(r.afterEnd()).isEqualTo(START.plusWeeks(12));
    assertThat(r.nAfter()).isEqualTo(3);
  }

  @Test
  void aControlEntityGivesADifferenceInDifferences() {
    double[] treated = steps();
    double[] control = new double[20];
    for (int i = 0; i < 20; i++) {
      control[i] = 10 + (i % 3) * 0.4;
    }
    ObjectivePanel p = panel("north", treated, control, "s.y@south");
    EffectRow r =
        new TacticEffects(WindowUnit.WEEK, settings(0, 0, 0, true))
            .of(objective("south", tactic("a", 8)), p)
            .get(0);
    assertThat(r.controlMetric()).isEqualTo("s.y@south");
    assertThat(r.didEstimate()).isNotNaN();
    assertThat(r.didCiLow()).isPositive();
    assertThat(r.cfAverageEffect()).isPositive();
    EffectRow south =
        new TacticEffects(WindowUnit.WEEK, settings(0, 0, 0, true))
            .of(objective("south", tactic("a", 8)), panel("south", control, null, null))
            .get(0);
    assertThat(south.controlMetric()).isNull();
    assertThat(south.didEstimate()).isNaN();
    assertThat(south.didNote()).isNull();
  }

  @Test
  void aLaunchBeforeTheDataHasNoBeforePeriod() {
    ObjectivePanel p = panel("north", steps(), null, null);
    EffectRow r =
        new TacticEffects(WindowUnit.WEEK, settings(0, 0, 0, true))
            .of(objective(null, new TacticSpec("early", null, null, START.minusWeeks(3))), p)
            .get(0);
    assertThat(r.nBefore()).isZero();
    assertThat(r.note()).isEqualTo("no windows on one side of the launch");
  }

  @Test
  void theRecentLevelAveragesTheLastFourWindowsThatHaveAValue() {
    double nan = Double.NaN;
    double[] outcome = {1, 2, 3, 4, 5, nan, 6, nan, 7, 8};
    // The last four with a value: 5, 6, 7, 8 (not 6, 7, 8 over the last four windows).
    assertThat(Summaries.recentMean(outcome, 9)).isEqualTo(6.5);
    assertThat(Summaries.recentMean(new double[] {nan, 3}, 1)).isEqualTo(3);
    assertThat(Summaries.recentMean(new double[] {nan, nan}, -1)).isNaN();
  }
}

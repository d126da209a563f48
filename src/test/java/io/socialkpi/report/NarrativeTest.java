package io.socialkpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sentences and caveats from table values, including the degenerate rows the tables allow. */
class NarrativeTest {
  static final String M = Numbers.MINUS;
  static final LocalDate LAUNCH = LocalDate.of(2025, 3, 3);
  final Narrative narrative =
      new Narrative(
          new Facts.RunInfo(null, "UTC", null, "week", 0.9, 0.05, 0.05, null, List.of(), List.of()),
          Map.of("jobs\u0000tab", "Facebook jobs tab"));

  static Facts.Objective objective(List<Facts.Lead> leads, Double target, boolean control) {
    return new Facts.Objective(
        "jobs",
        "Recruit",
        "all",
        "hr",
        null,
        "B",
        "applications.via-facebook",
        "up",
        40,
        LAUNCH.plusMonths(9),
        LAUNCH.plusMonths(9).plusDays(6),
        25.0,
        22.25,
        4,
        15.3,
        target,
        LocalDate.of(2025, 12, 31),
        0.7166,
        false,
        target == null ? null : "behind",
        "headline",
        control,
        "supported",
        "reason",
        leads.isEmpty() ? null : leads.get(0).leadMetric(),
        leads.isEmpty() ? null : leads.get(0).lag(),
        leads.isEmpty() ? null : leads.get(0).qValue(),
        // The table's decision, as the analysis writes it at alpha 0.05.
        leads.isEmpty() ? null : leads.get(0).qValue() < 0.05,
        leads);
  }

  static Facts.Effect effect(Double before, Double after, int nBefore, String note) {
    return effect(before, after, nBefore, note, 3);
  }

  /** The raw change with an interval of +- {@code half}, its relative change over |before|. */
  static Facts.Effect effect(Double before, Double after, int nBefore, String note, double half) {
    Double change = before == null || after == null ? null : after - before;
    return new Facts.Effect(
        "tab",
        "applications.via-facebook",
        "outcome",
        LAUNCH,
        LAUNCH.minusWeeks(nBefore),
        LAUNCH.minusWeeks(1),
        LAUNCH,
        LAUNCH.plusWeeks(30),
        nBefore,
        31,
        before,
        after,
        change,
        change == null ? null : change / Math.abs(before),
        0.0002,
        change == null ? null : change - half,
        change == null ? null : change + half,
        change == null ? null : (change - half) / Math.abs(before),
        change == null ? null : (change + half) / Math.abs(before),
        1.2,
        0.001,
        note,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        new Facts.Adjusted(
            "level+trend+step", 6.5, 3.1, 9.9, 0.21, 0.1, 0.32, 0.0004, 0.031, null));
  }

  static Facts.Lead lead(double r, double q, boolean trend) {
    return new Facts.Lead("jobs-tab.views", 2, "pearson", "level", r, q, trend);
  }

  @Test
  void theEffectSentenceUsesTheTacticNameTheWindowAndTheRunsConfidence() {
    String s =
        narrative.effectSentence(objective(List.of(), 25.0, false), effect(15.3, 23.8, 9, null));
    assertThat(s)
        .isEqualTo(
            "Applications via facebook rose from 15.3 to 23.8 a week after Facebook jobs tab"
                + " launched on 3 March 2025 (+56%, 90% CI +36% to +75%; p < 0.001).");
  }

  @Test
  void anEffectWithoutMeansSaysWhy() {
    String s =
        narrative.effectSentence(
            objective(List.of(), null, false),
            effect(null, null, 0, "no windows before the launch"));
    assertThat(s)
        .contains(
            "has no before/after comparison for Facebook jobs tab: no windows before the launch");
  }

  @Test
  void leadSentencesNameLagQAndTrend() {
    assertThat(narrative.leadSentence(objective(List.of(lead(0.61, 0.003, false)), 25.0, false)))
        .isEqualTo("Jobs tab views leads applications via facebook by 2 weeks.");
    assertThat(narrative.leadSentence(objective(List.of(lead(0.61, 0.003, true)), 25.0, false)))
        .endsWith(
            "but their week-on-week changes do not move together: a shared trend may explain it.");
    assertThat(narrative.leadSentence(objective(List.of(lead(-0.2, 0.4, false)), 25.0, false)))
        .isEqualTo(
            "No lead indicator clearly moves with applications via facebook in the expected"
                + " direction; the closest, jobs tab views, leads applications via facebook by 2"
                + " weeks, too weakly to rely on.");
    assertThat(narrative.leadSentence(objective(List.of(), 25.0, false)))
        .startsWith("No lead indicator could be compared with applications via facebook");
  }

  @Test
  void targetSentenceOnlyWithATarget() {
    assertThat(narrative.targetSentence(objective(List.of(), null, false))).isNull();
    assertThat(narrative.targetSentence(objective(List.of(), 25.0, false)))
        .isEqualTo(
            "The last 4 weeks average 22.3 against a target of 25.0 by 31 December 2025: behind"
                + " (72% of the way from the baseline of 15.3).");
  }

  @Test
  void caveatsForControlSmallSamplesNotesTrendsAndGaps() {
    List<Facts.Point> outcome =
        List.of(
            new Facts.Point(LAUNCH, 1.0, true),
            new Facts.Point(LAUNCH.plusWeeks(1), null, true),
            new Facts.Point(LAUNCH.plusWeeks(2), 2.0, false));
    List<Facts.LagPoint> lags =
        List.of(
            new Facts.LagPoint(
                "jobs-tab.views",
                4,
                "pearson",
                "level",
                12,
                0.3,
                -0.2,
                0.7,
                0.3,
                0.4,
                false,
                true,
                null));
    List<String> caveats =
        narrative.caveats(
            objective(List.of(lead(0.61, 0.003, true)), 25.0, true),
            List.of(effect(15.3, 23.8, 5, "constant series")),
            lags,
            outcome);
    assertThat(caveats)
        .anyMatch(c -> c.startsWith("This entity is the objective's control"))
        .anyMatch(c -> c.contains("a shared trend may explain it"))
        .anyMatch(
            c ->
                c.equals(
                    "Small sample around Facebook jobs tab: 5 weeks before and 31 weeks after the launch."))
        .anyMatch(c -> c.equals("Constant series."))
        .anyMatch(c -> c.startsWith("Few pairs for some lags (n = 12"))
        .anyMatch(c -> c.equals("1 of 3 weeks have no applications via facebook value."))
        .anyMatch(c -> c.startsWith("1 partial week is left out"));
    assertThat(
            narrative.caveats(objective(List.of(), null, false), List.of(), List.of(), List.of()))
        .isEmpty();
  }

  @Test
  void theAdjustedSentenceSaysBeyondTheTrend() {
    Narrative n = new Narrative(null, java.util.Map.of("tab", "the jobs tab"));
    Facts.Effect e = effect(30.0, 40.0, 20, null);
    assertThat(n.adjustedSentence(objective(List.of(), null, false), e))
        .isEqualTo(
            "Beyond the trend before the launch, applications via facebook changed by +6.50 a"
                + " window at the launch of tab (+21%, 95% CI +10% to +32%; p < 0.001,"
                + " placebo launches p = 0.031).");
  }

  @Test
  void theRelativeIntervalIsTheTablesNotTheChangesOverTheBaseline() {
    // rel_ci_* (Fieller's, stats/RelativeChange) is wider than ci / mean_before: the sentence
    // prints the table's values, +28% to +59%, not (6.38 / 21.5) to (11.87 / 21.5) = +30% to +55%.
    Facts.Effect e = withRelativeInterval(effect(21.5, 30.625, 9, null, 2.749), 0.279, 0.591);
    String s = narrative.effectSentence(objective(List.of(), 25.0, false), e);
    assertThat(s).contains("rose").contains("+42%").contains("CI +28% to +59%");
  }

  @Test
  void anUnboundedRelativeIntervalIsSaidNotPrinted() {
    // The baseline's interval includes 0: rel_ci_* is null while ci_* is not.
    Facts.Effect e = withRelativeInterval(effect(0.5, 3.5, 9, null, 2.07), null, null);
    String s = narrative.effectSentence(objective(List.of(), 25.0, false), e);
    assertThat(s)
        .contains("+600%, 90% CI unbounded: the baseline could be 0;")
        .doesNotContain("CI +");
  }

  @Test
  void aRunWrittenBeforeRelCiDoesNotClaimAnUnboundedInterval() {
    // review16: an old run's effects table has no rel_ci_* columns; they read as null, which is
    // no evidence that the baseline could be 0.
    org.apache.spark.sql.types.StructType old =
        new org.apache.spark.sql.types.StructType()
            .add("objective_id", "string")
            .add("ci_low", "double")
            .add("ci_high", "double");
    org.apache.spark.sql.Row row =
        new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(
            new Object[] {"jobs", 5.8, 11.2}, old);
    assertThat(ReportData.relativeIntervals(List.of(row))).isFalse();
    Facts.Effect e = withRelativeInterval(effect(15.3, 23.8, 9, null, 2.7), null, null);
    Narrative before =
        new Narrative(
            new Facts.RunInfo(
                null, "UTC", null, "week", 0.9, 0.05, 0.05, null, List.of(), List.of()),
            Map.of(),
            false);
    String s = before.effectSentence(objective(List.of(), 25.0, false), e);
    assertThat(s).doesNotContain("unbounded").contains("+56%, change 90% CI +5.80 to +11.2;");
  }

  @Test
  void aRunWrittenBeforeBestLeadSignificantStillStatesItsLead() {
    // review16: an old run's objective_summary has best_lead_q_value but no best_lead_significant;
    // its best lead at q = 0.003 was significant at alpha 0.05, not "no lead indicator reaches".
    Facts.Objective o =
        withDecision(objective(List.of(lead(0.61, 0.003, false)), 25.0, false), 4, null);
    assertThat(narrative.leadSentence(o)).startsWith("Jobs tab views leads");
    Facts.Objective weak =
        withDecision(objective(List.of(lead(0.3, 0.2, false)), 25.0, false), 4, null);
    assertThat(narrative.leadSentence(weak)).startsWith("No lead indicator clearly moves");
  }

  @Test
  void aNegativeBaselineKeepsTheIntervalAroundItsEstimate() {
    // rel_change is abs_change / |mean_before| (-0.20 -> -0.09 is +55%); so is rel_ci_*.
    Facts.Effect e = withRelativeInterval(effect(-0.20, -0.09, 9, null, 0.03), 0.433, 0.637);
    String s = narrative.effectSentence(objective(List.of(), 25.0, false), e);
    assertThat(s).contains("rose").contains("+55%").contains("CI +43% to +64%");
  }

  static Facts.Effect withRelativeInterval(Facts.Effect e, Double low, Double high) {
    return new Facts.Effect(
        e.tacticId(),
        e.metric(),
        e.role(),
        e.launched(),
        e.beforeStart(),
        e.beforeEnd(),
        e.afterStart(),
        e.afterEnd(),
        e.nBefore(),
        e.nAfter(),
        e.meanBefore(),
        e.meanAfter(),
        e.absChange(),
        e.relChange(),
        e.pValue(),
        e.ciLow(),
        e.ciHigh(),
        low,
        high,
        e.effectSize(),
        e.mannWhitneyP(),
        e.note(),
        e.controlMetric(),
        e.didEstimate(),
        e.didPValue(),
        e.didCiLow(),
        e.didCiHigh(),
        e.didNote(),
        e.cfAverageEffect(),
        e.cfPValue(),
        e.cfNote(),
        e.adjusted());
  }

  @Test
  void theLeadSentenceStatesTheTablesDecision() {
    // q = 0.003 but the table says not significant (say, a stricter alpha): the report follows it.
    Facts.Objective o =
        withDecision(objective(List.of(lead(0.61, 0.003, false)), 25.0, false), 4, false);
    assertThat(narrative.leadSentence(o)).startsWith("No lead indicator clearly moves");
    Facts.Objective yes =
        withDecision(objective(List.of(lead(0.3, 0.2, false)), 25.0, false), 4, true);
    assertThat(narrative.leadSentence(yes)).startsWith("Jobs tab views leads");
  }

  @Test
  void theTargetSentenceCountsTheWindowsTheTableAveraged() {
    assertThat(narrative.targetSentence(withDecision(objective(List.of(), 25.0, false), 2, null)))
        .startsWith("The last 2 weeks average 22.3");
    assertThat(narrative.targetSentence(withDecision(objective(List.of(), 25.0, false), 1, null)))
        .startsWith("The last 1 week averages 22.3");
    assertThat(
            narrative.targetSentence(withDecision(objective(List.of(), 25.0, false), null, null)))
        .startsWith("Recent weeks average 22.3");
  }

  @Test
  void windowsAreTheCalendars() {
    assertThat(Words.windowUnit("month").next(LocalDate.of(2025, 1, 1)))
        .isEqualTo(LocalDate.of(2025, 2, 1));
    assertThat(Words.windowUnit("day").next(LAUNCH)).isEqualTo(LAUNCH.plusDays(1));
    assertThat(Words.windowUnit("week").next(LAUNCH)).isEqualTo(LAUNCH.plusWeeks(1));
    assertThat(Words.windowUnit("window").next(LAUNCH)).isEqualTo(LAUNCH.plusWeeks(1));
    assertThat(Words.windowUnit(null)).isEqualTo(io.socialkpi.calendar.WindowUnit.WEEK);
  }

  static Facts.Objective withDecision(
      Facts.Objective o, Integer recentWindows, Boolean bestLeadSignificant) {
    return new Facts.Objective(
        o.objectiveId(),
        o.name(),
        o.entity(),
        o.department(),
        o.perspective(),
        o.priority(),
        o.outcomeMetric(),
        o.expectedDirection(),
        o.windows(),
        o.latestWindow(),
        o.latestWindowEnd(),
        o.latestValue(),
        o.recentValue(),
        recentWindows,
        o.baselineValue(),
        o.targetValue(),
        o.targetDate(),
        o.progress(),
        o.onTrack(),
        o.targetStatus(),
        o.headline(),
        o.controlEntity(),
        o.verdict(),
        o.verdictReason(),
        o.bestLeadMetric(),
        o.bestLag(),
        o.bestLeadQ(),
        bestLeadSignificant,
        o.leads());
  }

  /** The effect {@code e} of the tactic {@code id}. */
  static Facts.Effect ofTactic(Facts.Effect e, String id) throws ReflectiveOperationException {
    var components = Facts.Effect.class.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      args[i] = i == 0 ? id : components[i].getAccessor().invoke(e);
    }
    return Facts.Effect.class.getDeclaredConstructor(types).newInstance(args);
  }

  /**
   * review17: a tactic without a name (run_info's tactic_name is then its id) put its id
   * ("facebook-jobs-tab") into the manager's sentences and chart; it reads as words.
   */
  @Test
  void aTacticWithoutANameReadsAsWordsNotItsId() throws Exception {
    Narrative unnamed =
        new Narrative(
            new Facts.RunInfo(
                null, "UTC", null, "week", 0.95, 0.05, 0.05, null, List.of(), List.of()),
            Map.of("jobs\u0000facebook-jobs-tab", "facebook-jobs-tab"));
    Facts.Objective o = objective(List.of(), 25.0, false);
    Facts.Effect e = ofTactic(effect(15.3, 23.8, 9, null), "facebook-jobs-tab");
    assertThat(unnamed.tactic(o, e)).isEqualTo("facebook jobs tab");
    assertThat(unnamed.effectSentence(o, e))
        .contains("after facebook jobs tab launched")
        .doesNotContain("facebook-jobs-tab");
    assertThat(unnamed.adjustedSentence(o, e)).doesNotContain("facebook-jobs-tab");
    // A run without run_info's tactics reads the same way.
    assertThat(new Narrative(null, Map.of()).tactic(o, e)).isEqualTo("facebook jobs tab");
    // A named tactic keeps its name.
    assertThat(narrative.tactic(o, effect(15.3, 23.8, 9, null))).isEqualTo("Facebook jobs tab");
  }
}

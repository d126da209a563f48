package io.socialkpi.analysis;

import io.socialkpi.calendar.WindowUnit;
import io.socialkpi.config.AnalysisSettings;
import io.socialkpi.config.ObjectiveSpec;
import io.socialkpi.config.TacticSpec;
import io.socialkpi.panel.ObjectivePanel;
import io.socialkpi.stats.AdjustedEffect;
import io.socialkpi.stats.BeforeAfter;
import io.socialkpi.stats.Counterfactual;
import io.socialkpi.stats.CounterfactualResult;
import io.socialkpi.stats.DiffInDiff;
import io.socialkpi.stats.DiffInDiffResult;
import io.socialkpi.stats.SegmentedRegression;
import io.socialkpi.stats.TwoSampleResult;
import io.socialkpi.tables.EffectRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Before/after effects of each tactic on each metric of an objective, and for the outcome the
 * adjusted effect that verdicts rest on (segmented regression with trend, weekday pattern, control
 * and placebo launches) and the control-adjusted estimates (difference-in-differences with its
 * pre-trend test, counterfactual).
 *
 * <p>Periods: "after" starts at the launch window (plus {@code ramp-up-windows} left out) and runs
 * to the end, or {@code windows-after} windows; "before" ends just before the launch window and
 * reaches back to the start, or {@code windows-before} windows. With several tactics and {@code
 * staggered = true}, a tactic's "before" starts no earlier than the previous tactic's launch
 * window, so each tactic is compared with the state just before it.
 */
final class TacticEffects {
  private final WindowUnit unit;
  private final AnalysisSettings settings;

  TacticEffects(WindowUnit unit, AnalysisSettings settings) {
    this.unit = unit;
    this.settings = settings;
  }

  /** Window index ranges [from, to) of one comparison. */
  record Periods(int beforeFrom, int beforeTo, int afterFrom, int afterTo) {}

  Periods periods(ObjectivePanel panel, LocalDate launch, LocalDate previousLaunch) {
    int n = panel.size();
    int cut = panel.firstAtOrAfter(unit.start(launch));
    int from =
        settings.staggered() && previousLaunch != null
            ? panel.firstAtOrAfter(unit.start(previousLaunch))
            : 0;
    if (settings.windowsBefore() > 0) {
      from = Math.max(from, cut - settings.windowsBefore());
    }
    int afterFrom = Math.min(n, cut + settings.rampUpWindows());
    int afterTo =
        settings.windowsAfter() > 0 ? Math.min(n, afterFrom + settings.windowsAfter()) : n;
    return new Periods(Math.min(from, cut), cut, afterFrom, afterTo);
  }

  /** The window at index {@code i} of a period ending before {@code to}, or null if it is empty. */
  private static LocalDate window(LocalDate[] windows, int i, int to) {
    return i >= 0 && i < to && i < windows.length ? windows[i] : null;
  }

  List<EffectRow> of(ObjectiveSpec objective, ObjectivePanel panel) {
    List<EffectRow> rows = new ArrayList<>();
    if (panel.size() == 0) {
      return rows;
    }
    LocalDate[] windows = panel.windows();
    List<TacticSpec> tactics = new ArrayList<>(objective.tactics());
    tactics.sort(Comparator.comparing(TacticSpec::launched));
    String controlSeries = objective.controlSeries(panel.entity());
    List<AdjustedEffect> adjusted = adjusted(objective, panel, tactics, controlSeries);
    LocalDate previous = null;
    for (int k = 0; k < tactics.size(); k++) {
      TacticSpec tactic = tactics.get(k);
      Periods p = periods(panel, tactic.launched(), previous);
      for (String metric : objective.metrics()) {
        double[] series = panel.series(metric);
        double[] before = Arrays.copyOfRange(series, p.beforeFrom(), p.beforeTo());
        double[] after = Arrays.copyOfRange(series, p.afterFrom(), p.afterTo());
        TwoSampleResult r = BeforeAfter.compare(before, after, settings.confidence());
        boolean outcome = metric.equals(objective.outcome());
        DiffInDiffResult did = null;
        CounterfactualResult cf = null;
        if (outcome) {
          double[] control = controlSeries == null ? null : panel.series(controlSeries);
          if (control != null) {
            did =
                DiffInDiff.estimate(
                    before,
                    after,
                    Arrays.copyOfRange(control, p.beforeFrom(), p.beforeTo()),
                    Arrays.copyOfRange(control, p.afterFrom(), p.afterTo()),
                    settings.confidence());
          }
          cf = counterfactual(windows, series, control, p);
        }
        rows.add(
            EffectRow.of(
                objective.id(),
                panel.entity(),
                tactic.id(),
                metric,
                ObjectiveEvidence.role(objective, metric),
                tactic.launched(),
                window(windows, p.beforeFrom(), p.beforeTo()),
                window(windows, p.beforeTo() - 1, p.beforeTo()),
                window(windows, p.afterFrom(), p.afterTo()),
                window(windows, p.afterTo() - 1, p.afterTo()),
                r,
                outcome ? controlSeries : null,
                did,
                cf,
                outcome ? adjusted.get(k) : null));
      }
      previous = tactic.launched();
    }
    return rows;
  }

  /**
   * The segmented regression of the outcome over every tactic's launch at once: the span reaches
   * from {@code windows-before} before the first launch to {@code windows-after} after the last
   * one's ramp-up (all windows when 0), so the trend is estimated from all the history before the
   * first launch and each tactic's step is the change beyond the ones before it.
   */
  private List<AdjustedEffect> adjusted(
      ObjectiveSpec objective, ObjectivePanel panel, List<TacticSpec> tactics, String control) {
    int n = panel.size();
    int[] cuts = new int[tactics.size()];
    for (int k = 0; k < cuts.length; k++) {
      cuts[k] = panel.firstAtOrAfter(unit.start(tactics.get(k).launched()));
    }
    if (cuts.length == 0) {
      return List.of();
    }
    int from = settings.windowsBefore() > 0 ? Math.max(0, cuts[0] - settings.windowsBefore()) : 0;
    int to =
        settings.windowsAfter() > 0
            ? Math.min(
                n, cuts[cuts.length - 1] + settings.rampUpWindows() + settings.windowsAfter())
            : n;
    return SegmentedRegression.estimate(
        new SegmentedRegression.Input(
            panel.series(objective.outcome()),
            control == null ? null : panel.series(control),
            dayOfWeek(panel.windows()),
            cuts,
            from,
            to,
            settings.rampUpWindows(),
            seasonPeriod(),
            settings.confidence()));
  }

  /** Windows in a year, for the annual terms of the segmented regression. */
  private double seasonPeriod() {
    return switch (unit) {
      case DAY -> 365.25;
      case WEEK -> 365.25 / 7;
      case MONTH -> 12;
    };
  }

  /** Day of week 1..7 per window for daily windows (the weekday pattern), else null. */
  private int[] dayOfWeek(LocalDate[] windows) {
    if (unit != WindowUnit.DAY) {
      return null;
    }
    return Arrays.stream(windows).mapToInt(w -> w.getDayOfWeek().getValue()).toArray();
  }

  private CounterfactualResult counterfactual(
      LocalDate[] windows, double[] series, double[] control, Periods p) {
    int[] dow = dayOfWeek(windows);
    return Counterfactual.estimate(
        Arrays.copyOfRange(series, p.beforeFrom(), p.beforeTo()),
        control == null ? null : Arrays.copyOfRange(control, p.beforeFrom(), p.beforeTo()),
        dow == null ? null : Arrays.copyOfRange(dow, p.beforeFrom(), p.beforeTo()),
        Arrays.copyOfRange(series, p.afterFrom(), p.afterTo()),
        control == null ? null : Arrays.copyOfRange(control, p.afterFrom(), p.afterTo()),
        dow == null ? null : Arrays.copyOfRange(dow, p.afterFrom(), p.afterTo()),
        p.afterFrom() - p.beforeFrom(),
        settings.confidence());
  }
}

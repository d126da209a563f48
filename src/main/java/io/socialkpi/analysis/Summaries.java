package io.socialkpi.analysis;

import io.socialkpi.calendar.WindowUnit;
import io.socialkpi.config.Direction;
import io.socialkpi.config.ObjectiveSpec;
import io.socialkpi.config.TacticSpec;
import io.socialkpi.config.Target;
import io.socialkpi.panel.ObjectivePanel;
import io.socialkpi.tables.EffectRow;
import io.socialkpi.tables.SummaryRow;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Where an objective stands: latest and recent outcome, baseline, progress toward the target, and
 * whether it is on track, with a one-sentence headline built from those numbers.
 *
 * <p>Progress is {@code (recent - baseline) / (target - baseline)}: 0 at the baseline, 1 at the
 * target. On track means the recent level is at or beyond a straight line from the baseline (at the
 * first launch) to the target (at its date), in the expected direction; after the target date it
 * means the target was reached.
 */
final class Summaries {
  private Summaries() {}

  static SummaryRow of(
      ObjectiveSpec objective,
      ObjectivePanel panel,
      List<EffectRow> effects,
      WindowUnit unit,
      LocalDate runDate) {
    double[] outcome = panel.series(objective.outcome());
    LocalDate[] windows = panel.windows();
    int last = lastValue(outcome);
    double latest = last < 0 ? Double.NaN : outcome[last];
    LocalDate latestWindow = last < 0 ? null : windows[last];
    double recent = recentMean(outcome, last);
    LocalDate firstLaunch =
        objective.tactics().stream()
            .map(TacticSpec::launched)
            .min(Comparator.naturalOrder())
            .orElse(null);
    int cut =
        firstLaunch == null
            ? Math.min(ObjectiveEvidence.RECENT_WINDOWS, windows.length)
            : panel.firstAtOrAfter(unit.start(firstLaunch));
    double baseline = mean(outcome, 0, cut);
    LocalDate baselineDate =
        firstLaunch != null ? firstLaunch : (cut > 0 ? unit.end(windows[cut - 1]) : null);
    Target target = objective.target();
    double progress = Double.NaN;
    Boolean onTrack = null;
    if (target != null && !Double.isNaN(recent) && !Double.isNaN(baseline)) {
      if (target.value() != baseline) {
        progress = (recent - baseline) / (target.value() - baseline);
      }
      onTrack =
          onTrack(
              objective.expectedDirection(),
              recent,
              baseline,
              baselineDate,
              target,
              unit.end(latestWindow));
    }
    return new SummaryRow(
        objective.id(),
        objective.displayName(),
        panel.entity(),
        objective.department(),
        objective.perspective(),
        objective.priority(),
        objective.outcome(),
        objective.expectedDirection().key(),
        windows.length,
        latestWindow,
        latestWindow == null ? null : unit.end(latestWindow),
        latest,
        recent,
        recentCount(outcome, last),
        baseline,
        target == null ? Double.NaN : target.value(),
        target == null ? null : target.by(),
        progress,
        onTrack,
        targetStatus(objective.expectedDirection(), target, recent, onTrack, runDate),
        Headlines.of(objective, effects, recent, target, onTrack),
        panel.entity().equals(objective.controlEntity()),
        // The verdict needs the whole run's q-values: ObjectiveVerdicts adds it.
        null,
        null,
        null,
        null,
        null,
        Double.NaN,
        null,
        null);
  }

  /**
   * The target's state as a code: before its date (by the run date) whether the outcome is on the
   * straight path to it, from its date on whether the recent level reached it. A run after the
   * target's date over data that ends a few days before it still says reached or missed: the time
   * to reach it is over.
   */
  static String targetStatus(
      Direction direction, Target target, double recent, Boolean onTrack, LocalDate runDate) {
    if (target == null || onTrack == null) {
      return null;
    }
    if (runDate.isBefore(target.by())) {
      return onTrack ? "on_track" : "behind";
    }
    return direction.sign() * (recent - target.value()) >= 0 ? "reached" : "missed";
  }

  private static Boolean onTrack(
      Direction direction,
      double recent,
      double baseline,
      LocalDate baselineDate,
      Target target,
      LocalDate asOf) {
    int sign = direction.sign();
    if (baselineDate == null || !asOf.isBefore(target.by())) {
      return sign * (recent - target.value()) >= 0;
    }
    double span = ChronoUnit.DAYS.between(baselineDate, target.by());
    double elapsed = Math.max(0, ChronoUnit.DAYS.between(baselineDate, asOf));
    double expected = baseline + (target.value() - baseline) * Math.min(1.0, elapsed / span);
    return sign * (recent - expected) >= 0;
  }

  private static int lastValue(double[] values) {
    for (int i = values.length - 1; i >= 0; i--) {
      if (!Double.isNaN(values[i])) {
        return i;
      }
    }
    return -1;
  }

  /** The mean of the last {@code RECENT_WINDOWS} windows that have a value, gaps skipped. */
  static double recentMean(double[] values, int last) {
    double sum = 0;
    int n = 0;
    for (int i = last; i >= 0 && n < ObjectiveEvidence.RECENT_WINDOWS; i--) {
      if (!Double.isNaN(values[i])) {
        sum += values[i];
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** How many windows {@link #recentMean} averages: up to {@code RECENT_WINDOWS}. */
  static int recentCount(double[] values, int last) {
    int n = 0;
    for (int i = last; i >= 0 && n < ObjectiveEvidence.RECENT_WINDOWS; i--) {
      if (!Double.isNaN(values[i])) {
        n++;
      }
    }
    return n;
  }

  static double mean(double[] values, int from, int to) {
    double sum = 0;
    int n = 0;
    for (int i = from; i < to; i++) {
      if (!Double.isNaN(values[i])) {
        sum += values[i];
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  static String format(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    double abs = Math.abs(value);
    String pattern = abs >= 100 ? "%,.0f" : abs >= 10 ? "%.1f" : "%.2f";
    return String.format(Locale.ROOT, pattern, value);
  }
}

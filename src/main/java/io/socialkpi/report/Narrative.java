package io.socialkpi.report;

import static io.socialkpi.report.Numbers.date;
import static io.socialkpi.report.Numbers.pValue;
import static io.socialkpi.report.Numbers.percent;
import static io.socialkpi.report.Numbers.share;
import static io.socialkpi.report.Numbers.signed;

import io.socialkpi.words.Sentences;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plain-language paragraph of one objective and entity, and its caveats. Every number is a
 * table value written by {@link Numbers}; nothing is recomputed.
 */
final class Narrative {
  /** Fewer windows than this on either side of a launch make a before/after comparison weak. */
  static final int FEW_WINDOWS = 8;

  /** Fewer pairs than this make a correlation's interval wide. */
  static final int FEW_PAIRS = 20;

  private final String unit;
  private final String confidence;
  private final double alpha;
  private final Map<String, String> tacticNames;
  private final MetricNames names;

  /**
   * The effects table has rel_ci_* columns: false for runs written before them, whose null rel_ci_*
   * say nothing about the baseline.
   */
  private final boolean relativeIntervals;

  Narrative(Facts.RunInfo info, Map<String, String> tacticNames) {
    this(info, tacticNames, true);
  }

  Narrative(Facts.RunInfo info, Map<String, String> tacticNames, boolean relativeIntervals) {
    this.relativeIntervals = relativeIntervals;
    this.unit = Words.window(info == null ? null : info.window());
    this.confidence =
        info == null || info.confidence() == null
            ? "95%"
            : String.format(Locale.ROOT, "%.0f%%", 100 * info.confidence());
    this.alpha = info == null || info.alpha() == null ? 0.05 : info.alpha();
    this.tacticNames = tacticNames;
    this.names =
        new MetricNames(
            info == null ? List.of() : info.metrics(), info == null ? null : info.window());
  }

  /** The run's words for its metrics. */
  MetricNames names() {
    return names;
  }

  String confidence() {
    return confidence;
  }

  String unit() {
    return unit;
  }

  /** The outcome's before/after sentence, e.g. "... rose from 21 to 34 a week after ...". */
  String effectSentence(Facts.Objective o, Facts.Effect e) {
    String id = o.outcomeMetric();
    String outcome = Words.capitalized(names.name(id));
    if (e.meanBefore() == null || e.meanAfter() == null) {
      return unavailable(outcome + " has no before/after comparison for ", o, e, e.note());
    }
    StringBuilder s =
        new StringBuilder(
                Sentences.beforeAfter(
                    outcome,
                    names.value(id, e.meanBefore()),
                    names.value(id, e.meanAfter()),
                    e.absChange(),
                    names.per(id),
                    tactic(o, e),
                    e.launched()))
            .append(" (");
    if (e.relChange() != null) {
      // The relative change's own interval (rel_ci_*, Fieller's), never ci / mean_before.
      s.append(percent(e.relChange()));
      if (e.relCiLow() != null && e.relCiHigh() != null) {
        s.append(", ").append(interval(percent(e.relCiLow()), percent(e.relCiHigh())));
      } else if (relativeIntervals && e.ciLow() != null && e.ciHigh() != null) {
        // The change has an interval but the ratio's is unbounded: the baseline could be 0.
        s.append(", ").append(confidence).append(" CI unbounded: the baseline could be 0");
      } else if (e.ciLow() != null && e.ciHigh() != null) {
        // A run written before rel_ci_*: the change's own interval, not a claim about the ratio.
        s.append(", change ").append(interval(signed(e.ciLow()), signed(e.ciHigh())));
      }
    } else {
      s.append(signed(e.absChange()));
      if (e.ciLow() != null && e.ciHigh() != null) {
        s.append(", ").append(interval(signed(e.ciLow()), signed(e.ciHigh())));
      }
    }
    return s.append("; ").append(pValue("p", e.pValue())).append(").").toString();
  }

  /**
   * The sentence the verdict rests on: the outcome's change at the launch beyond the trend before
   * it (and the weekday pattern and the control, when the model has them), e.g. "Beyond the trend
   * before the launch and the control, sales changed by +120 a week at the launch of the jobs tab
   * (+8.8%, 95% CI +6.5% to +11%; p < 0.001, placebo launches p = 0.048)."
   */
  String adjustedSentence(Facts.Objective o, Facts.Effect e) {
    Facts.Adjusted a = e.adjusted();
    if (a == null) {
      return null;
    }
    String id = o.outcomeMetric();
    String outcome = names.inSentence(id);
    if (a.estimate() == null) {
      return unavailable(
          "The change in " + outcome + " beyond its trend could not be estimated for ",
          o,
          e,
          a.note());
    }
    StringBuilder s =
        new StringBuilder(
                Words.capitalized(
                    Sentences.adjustedChange(
                        outcome,
                        a.model(),
                        names.signed(id, a.estimate()),
                        names.per(id),
                        tactic(o, e))))
            .append(" (");
    if (a.relEffect() != null && a.relCiLow() != null && a.relCiHigh() != null) {
      s.append(percent(a.relEffect()))
          .append(", ")
          .append(interval(percent(a.relCiLow()), percent(a.relCiHigh())));
    } else {
      s.append(interval(signed(a.ciLow()), signed(a.ciHigh())));
    }
    s.append("; ").append(pValue("p", a.pValue()));
    s.append(
        a.placeboPValue() == null
            ? "; no placebo check: " + note(a.note())
            : ", placebo launches " + pValue("p", a.placeboPValue()));
    return s.append(").").toString();
  }

  /** "95% CI low to high", with the run's confidence. */
  private String interval(String low, String high) {
    return confidence + " CI " + low + " to " + high;
  }

  /** The difference-in-differences sentence, when the outcome had a control. */
  String controlSentence(Facts.Effect e) {
    if (e.controlMetric() == null || e.didEstimate() == null) {
      return null;
    }
    return "Against "
        + names.inSentence(e.controlMetric())
        + ", which the tactic did not reach, the change is "
        + names.signed(e.controlMetric(), e.didEstimate())
        + " "
        + names.per(e.controlMetric())
        + " ("
        + interval(signed(e.didCiLow()), signed(e.didCiHigh()))
        + "; "
        + pValue("p", e.didPValue())
        + ").";
  }

  /**
   * The best lead indicator's sentence in words, or why there is none; its method, coefficient and
   * q-value are in the section's evidence.
   */
  String leadSentence(Facts.Objective o) {
    Facts.Lead best = best(o);
    String outcome = names.inSentence(o.outcomeMetric());
    if (best == null || best.coefficient() == null) {
      return "No lead indicator could be compared with "
          + outcome
          + " here (the evidence below says why).";
    }
    // The table's decision (best_lead_significant), not q < alpha again; a run written before
    // that column (a best lead with a q but no decision) was decided at the run's alpha, as the
    // analysis decides it.
    boolean significant =
        o.bestLeadSignificant() != null
            ? o.bestLeadSignificant()
            : o.bestLeadQ() != null && o.bestLeadQ() < alpha;
    String timing = Sentences.leadTiming(outcome, unit, best.lag() == null ? 0 : best.lag());
    if (!significant) {
      return "No lead indicator clearly moves with "
          + outcome
          + " in the expected direction; the closest, "
          + names.inSentence(best.leadMetric())
          + ", "
          + timing
          + ", too weakly to rely on.";
    }
    String s = Words.capitalized(names.name(best.leadMetric())) + " " + timing;
    if (Boolean.TRUE.equals(best.trendDriven())) {
      s +=
          ", but their "
              + unit
              + "-on-"
              + unit
              + " changes do not move together: a shared trend may explain it";
    }
    return s + ".";
  }

  /** Progress toward the target, when there is one. */
  String targetSentence(Facts.Objective o) {
    // The control entity is a comparison: the tactics, and so the target, are not its.
    if (o.targetValue() == null || o.controlEntity()) {
      return null;
    }
    String track = PageBuilder.trackState(o);
    String state = track == null ? "not enough data to judge" : track;
    return (o.recentWindows() == null
            ? "Recent " + unit + "s average "
            : "The last "
                + Words.windows(unit, o.recentWindows())
                + (o.recentWindows() == 1 ? " averages " : " average "))
        + names.value(o.outcomeMetric(), o.recentValue())
        + " against a target of "
        + names.value(o.outcomeMetric(), o.targetValue())
        + " by "
        + date(o.targetDate())
        + ": "
        + state
        + " ("
        + share(o.progress())
        + " of the way from the baseline of "
        + names.value(o.outcomeMetric(), o.baselineValue())
        + ").";
  }

  /** The lead indicator with the smallest q in the expected direction, as the table names it. */
  static Facts.Lead best(Facts.Objective o) {
    for (Facts.Lead l : o.leads()) {
      if (l.leadMetric().equals(o.bestLeadMetric())
          && java.util.Objects.equals(l.lag(), o.bestLag())) {
        return l;
      }
    }
    return o.leads().isEmpty() ? null : o.leads().get(0);
  }

  /** What should make a reader doubt this section's numbers. */
  List<String> caveats(
      Facts.Objective o,
      List<Facts.Effect> effects,
      List<Facts.LagPoint> lags,
      List<Facts.Point> outcome) {
    List<String> out = new ArrayList<>();
    if (o.controlEntity()) {
      out.add(
          "This entity is the objective's control: the tactics did not reach it, so no change is the expected result.");
    }
    for (Facts.Lead l : o.leads()) {
      if (Boolean.TRUE.equals(l.trendDriven())) {
        out.add(
            Words.capitalized(names.name(l.leadMetric()))
                + " moves with the outcome in its levels but not in "
                + unit
                + "-on-"
                + unit
                + " changes: a shared trend may explain it.");
      }
    }
    for (Facts.Effect e : effects) {
      if (!"outcome".equals(e.role())) {
        continue;
      }
      int before = e.nBefore() == null ? 0 : e.nBefore();
      int after = e.nAfter() == null ? 0 : e.nAfter();
      if (before < FEW_WINDOWS || after < FEW_WINDOWS) {
        out.add(
            "Small sample around "
                + tactic(o, e)
                + ": "
                + Words.windows(unit, before)
                + " before and "
                + Words.windows(unit, after)
                + " after the launch.");
      }
      addNote(out, e.note());
      addNote(out, e.didNote());
      addNote(out, e.cfNote());
    }
    lags.stream()
        .filter(p -> p.n() != null && p.n() < FEW_PAIRS && p.coefficient() != null)
        .findFirst()
        .ifPresent(
            p ->
                out.add(
                    "Few pairs for some lags (n = "
                        + p.n()
                        + " for "
                        + names.inSentence(p.leadMetric())
                        + " "
                        + Words.windows(unit, p.lag())
                        + " ahead): wide intervals."));
    lags.stream().map(Facts.LagPoint::note).distinct().forEach(n -> addNote(out, n));
    long missing = outcome.stream().filter(p -> p.complete() && p.value() == null).count();
    long partial = outcome.stream().filter(p -> !p.complete()).count();
    if (missing > 0) {
      out.add(
          missing
              + " of "
              + outcome.size()
              + " "
              + unit
              + "s have no "
              + names.inSentence(o.outcomeMetric())
              + " value.");
    }
    if (partial > 0) {
      out.add(
          partial
              + " partial "
              + unit
              + (partial == 1 ? " is" : "s are")
              + " left out (the export does not cover every day of "
              + (partial == 1 ? "it" : "them")
              + ").");
    }
    return out;
  }

  private static void addNote(List<String> out, String note) {
    if (note != null && !note.isBlank()) {
      String s = Words.capitalized(note.trim());
      s = s.endsWith(".") ? s : s + ".";
      if (!out.contains(s)) {
        out.add(s);
      }
    }
  }

  /**
   * A tactic's name from run_info; a tactic without one (its name in run_info is its id), or a run
   * without run_info's tactics, reads as its id in words: "facebook jobs tab", never an id.
   */
  String tactic(Facts.Objective o, Facts.Effect e) {
    String name = tacticNames.get(o.objectiveId() + "\u0000" + e.tacticId());
    return name == null || name.equals(e.tacticId()) ? Words.metric(e.tacticId()) : name;
  }

  /** "{what}{tactic}: {why}.", a number the table could not give, with its note. */
  private String unavailable(String what, Facts.Objective o, Facts.Effect e, String note) {
    return what + tactic(o, e) + ": " + note(note) + ".";
  }

  private static String note(String note) {
    return note == null ? "no values" : note;
  }
}

package io.socialkpi.analysis;

import io.socialkpi.stats.Correlation;
import io.socialkpi.words.Sentences;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The verdict on one objective for one entity, from its evidence, in a rule a manager can follow
 * (docs/STATISTICS.md, "Verdict"):
 *
 * <ul>
 *   <li><b>supported</b>: after a tactic the outcome moved the expected way beyond its trend before
 *       the launch, its weekday pattern and the control (the adjusted effect, on the larger of its
 *       Newey–West and placebo p-values, below alpha), nothing contradicts it, and no tactic went
 *       the other way. Without tactics: a lead indicator moves with the outcome the expected way
 *       (its polarity taken into account), q below alpha, at least {@link
 *       Correlation#MIN_PAIRS_FOR_EVIDENCE} pairs, and not only through a shared trend.
 *   <li><b>contradicted</b>: after a tactic the outcome moved against the expected way by the same
 *       test, or against a control with parallel pre-trends, and nothing supports it.
 *   <li><b>inconclusive</b>: anything else, with the reason: no change beyond the trend or chance,
 *       the control moved the same way, too little history, or tactics that disagree.
 * </ul>
 */
public final class Verdicts {
  public static final String SUPPORTED = "supported";
  public static final String CONTRADICTED = "contradicted";
  public static final String INCONCLUSIVE = "inconclusive";

  /** The best lag of one lead indicator; {@code directionOk} already applies its polarity. */
  public record LeadEvidence(
      String leadMetric,
      int lag,
      String method,
      double coefficient,
      double qValue,
      boolean trendDriven,
      int n,
      boolean directionOk) {}

  /**
   * A verdict and why: {@code code} names the case of the rule that applied (docs/TABLES.md lists
   * the codes), {@code reason} says it in words with the tactic, the p-value and any lead.
   */
  public record Verdict(String verdict, String code, String reason) {}

  private Verdicts() {}

  public static Verdict decide(
      int sign, double alpha, List<TacticFinding.Evidence> effects, List<LeadEvidence> leads) {
    List<TacticFinding> findings = new ArrayList<>();
    for (TacticFinding.Evidence e : effects) {
      findings.add(TacticFinding.of(e, sign, alpha));
    }
    TacticFinding supporting = first(findings, TacticFinding.Kind.SUPPORTS);
    TacticFinding against = first(findings, TacticFinding.Kind.AGAINST);
    TacticFinding conflict = first(findings, TacticFinding.Kind.CONFLICT);
    LeadEvidence lead = best(leads, alpha);
    String leadNote = lead == null ? "" : "; " + leadText(lead);
    if (supporting != null && against == null && conflict == null) {
      return new Verdict(SUPPORTED, supporting.code(), supporting.reason() + leadNote);
    }
    if (against != null && supporting == null) {
      return new Verdict(CONTRADICTED, against.code(), against.reason());
    }
    if (supporting != null && against != null) {
      return new Verdict(
          INCONCLUSIVE,
          "tactics_disagree",
          "tactics disagree: "
              + supporting.tacticId()
              + " helped, "
              + against.tacticId()
              + " went the other way");
    }
    if (conflict != null) {
      return new Verdict(INCONCLUSIVE, conflict.code(), conflict.reason());
    }
    if (effects.isEmpty()) {
      return lead != null
          ? new Verdict(SUPPORTED, "lead_indicator", leadText(lead))
          : new Verdict(
              INCONCLUSIVE,
              "no_tactic_no_lead",
              "no tactic to compare and no lead indicator beyond chance");
    }
    Set<String> reasons = new LinkedHashSet<>();
    for (TacticFinding f : findings) {
      reasons.add(f.reason());
    }
    // The latest tactic's case names the verdict: it is the one closest to where things stand.
    return new Verdict(
        INCONCLUSIVE,
        findings.get(findings.size() - 1).code(),
        String.join("; ", reasons) + leadNote);
  }

  private static TacticFinding first(List<TacticFinding> findings, TacticFinding.Kind kind) {
    return findings.stream().filter(f -> f.kind() == kind).findFirst().orElse(null);
  }

  /**
   * The lead indicator that counts as evidence: q below alpha, the expected direction, not
   * trend-driven, enough pairs; ties on q broken by the larger |coefficient|, then the name.
   */
  static LeadEvidence best(List<LeadEvidence> leads, double alpha) {
    return leads.stream()
        .filter(
            l ->
                l.qValue() < alpha
                    && !l.trendDriven()
                    && l.directionOk()
                    && l.n() >= Correlation.MIN_PAIRS_FOR_EVIDENCE)
        .min(STRONGEST_FIRST)
        .orElse(null);
  }

  /** Smallest q first; ties by the larger |coefficient|, then the lead's name. */
  static final Comparator<LeadEvidence> STRONGEST_FIRST =
      Comparator.comparingDouble(LeadEvidence::qValue)
          .thenComparing(l -> -Math.abs(l.coefficient()))
          .thenComparing(LeadEvidence::leadMetric);

  /** +1 when the interval lies on the expected side of zero, -1 on the other, 0 across or NaN. */
  static int side(int sign, double low, double high) {
    if (Double.isNaN(low) || Double.isNaN(high)) {
      return 0;
    }
    if (sign * low > 0 && sign * high > 0) {
      return 1;
    }
    if (sign * low < 0 && sign * high < 0) {
      return -1;
    }
    return 0;
  }

  /** "page.fans leads by 2 windows (r = 0.61, q = 0.003)", as the report writes it. */
  static String leadText(LeadEvidence l) {
    return Sentences.leadText(l.leadMetric(), l.lag(), l.method(), l.coefficient(), l.qValue());
  }
}

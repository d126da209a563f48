package io.socialkpi.analysis;

import java.util.List;
import java.util.Locale;

/**
 * The verdict on one objective for one entity, from its evidence, in a rule a manager can follow
 * (docs/STATISTICS.md, "Verdict"):
 *
 * <ul>
 *   <li><b>supported</b>: after a tactic the outcome moved the expected way and its 95% interval
 *       excludes "no change", and no control-adjusted estimate (difference-in-differences,
 *       counterfactual) is clearly the other way. Without tactics: a lead indicator moves with the
 *       outcome the expected way, q below alpha, and not only through a shared trend.
 *   <li><b>contradicted</b>: after a tactic the outcome moved clearly against the expected way
 *       (interval entirely on the wrong side), and nothing supports it.
 *   <li><b>inconclusive</b>: anything else: no clear change, too little data, or mixed evidence.
 * </ul>
 */
public final class Verdicts {
  public static final String SUPPORTED = "supported";
  public static final String CONTRADICTED = "contradicted";
  public static final String INCONCLUSIVE = "inconclusive";

  /** The outcome's change around one tactic; intervals may be NaN when not available. */
  public record OutcomeEffect(
      String tacticId,
      double ciLow,
      double ciHigh,
      double didLow,
      double didHigh,
      double cfLow,
      double cfHigh) {}

  /** The best lag of one lead indicator. */
  public record LeadEvidence(
      String leadMetric, int lag, double coefficient, double qValue, boolean trendDriven) {}

  public record Verdict(String verdict, String reason) {}

  private Verdicts() {}

  public static Verdict decide(
      int sign, double alpha, List<OutcomeEffect> effects, List<LeadEvidence> leads) {
    OutcomeEffect supporting = null;
    OutcomeEffect against = null;
    for (OutcomeEffect e : effects) {
      int side = side(sign, e.ciLow(), e.ciHigh());
      boolean adjustedAgainst =
          side(sign, e.didLow(), e.didHigh()) < 0 || side(sign, e.cfLow(), e.cfHigh()) < 0;
      if (side > 0 && !adjustedAgainst && supporting == null) {
        supporting = e;
      } else if ((side < 0 || adjustedAgainst && side <= 0) && against == null) {
        against = e;
      }
    }
    LeadEvidence lead =
        leads.stream()
            .filter(
                l -> l.qValue() < alpha && !l.trendDriven() && Math.signum(l.coefficient()) == sign)
            .min(java.util.Comparator.comparingDouble(LeadEvidence::qValue))
            .orElse(null);
    if (supporting != null && against == null) {
      return new Verdict(
          SUPPORTED,
          "the outcome moved the expected way after "
              + supporting.tacticId()
              + ", beyond chance"
              + (lead == null ? "" : "; " + leadText(lead)));
    }
    if (against != null && supporting == null) {
      return new Verdict(
          CONTRADICTED, "the outcome moved against the expected way after " + against.tacticId());
    }
    if (supporting != null) {
      return new Verdict(
          INCONCLUSIVE,
          "tactics disagree: "
              + supporting.tacticId()
              + " helped, "
              + against.tacticId()
              + " did not");
    }
    if (effects.isEmpty() && lead != null) {
      return new Verdict(SUPPORTED, leadText(lead));
    }
    return new Verdict(
        INCONCLUSIVE,
        effects.isEmpty()
            ? "no tactic to compare and no lead indicator beyond chance"
            : "no change beyond chance after the tactics"
                + (lead == null ? "" : "; " + leadText(lead)));
  }

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

  static String leadText(LeadEvidence l) {
    return String.format(
        Locale.ROOT,
        "%s leads by %d window%s (r = %.2f, q %s)",
        l.leadMetric(),
        l.lag(),
        l.lag() == 1 ? "" : "s",
        l.coefficient(),
        l.qValue() < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "= %.3f", l.qValue()));
  }
}

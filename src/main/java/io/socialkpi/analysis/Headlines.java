package io.socialkpi.analysis;

import io.socialkpi.config.ObjectiveSpec;
import io.socialkpi.config.Target;
import io.socialkpi.tables.EffectRow;
import java.util.List;
import java.util.Locale;

/**
 * One plain-language sentence per objective and entity, built only from computed numbers: the
 * latest tactic's step beyond the trend (the adjusted effect the verdict rests on), then the
 * target.
 */
final class Headlines {
  private Headlines() {}

  static String of(
      ObjectiveSpec objective,
      List<EffectRow> effects,
      double recent,
      Target target,
      Boolean onTrack) {
    StringBuilder s = new StringBuilder(objective.displayName()).append(": ");
    EffectRow main =
        effects.stream().filter(e -> e.role().equals("outcome")).reduce((a, b) -> b).orElse(null);
    String outcome = objective.outcome();
    if (main != null && !Double.isNaN(main.adjEstimate())) {
      s.append("beyond the trend before ")
          .append(main.tacticId())
          .append(" launched on ")
          .append(main.launched())
          .append(main.adjModel().startsWith("outcome-minus-control") ? " and the control, " : ", ")
          .append(outcome)
          .append(" changed by ")
          .append(signed(main.adjEstimate()))
          .append(" per window");
      if (!Double.isNaN(main.adjRelEffect())) {
        s.append(String.format(Locale.ROOT, " (%+.0f%%", 100 * main.adjRelEffect()));
        double p = main.adjDecisiveP();
        s.append(Double.isNaN(p) ? ")" : ", " + pText(p) + ")");
      }
      s.append(". ");
    } else if (main != null
        && !Double.isNaN(main.meanBefore())
        && !Double.isNaN(main.meanAfter())) {
      String verb = main.absChange() > 0 ? "rose" : main.absChange() < 0 ? "fell" : "held";
      s.append(outcome)
          .append(' ')
          .append(verb)
          .append(" from ")
          .append(Summaries.format(main.meanBefore()))
          .append(" to ")
          .append(Summaries.format(main.meanAfter()))
          .append(" per window after ")
          .append(main.tacticId())
          .append(" launched on ")
          .append(main.launched())
          .append(" (no change beyond the trend could be estimated)");
      s.append(". ");
    } else {
      s.append(outcome).append(" recent level ").append(Summaries.format(recent)).append(". ");
    }
    if (target != null) {
      s.append("Recent level ")
          .append(Summaries.format(recent))
          .append(" against a target of ")
          .append(Summaries.format(target.value()))
          .append(" by ")
          .append(target.by())
          .append(": ")
          .append(onTrack == null ? "not enough data" : onTrack ? "on track" : "behind")
          .append('.');
    }
    return s.toString().trim();
  }

  static String signed(double v) {
    String f = Summaries.format(v);
    return v > 0 ? "+" + f : f;
  }

  static String pText(double p) {
    return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
  }
}

package io.socialkpi.analysis;

import io.socialkpi.config.ObjectiveSpec;
import io.socialkpi.config.Target;
import java.util.List;
import java.util.Locale;

/** One plain-language sentence per objective and entity, built only from computed numbers. */
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
    if (main != null
        && !Double.isNaN(main.test().meanBefore())
        && !Double.isNaN(main.test().meanAfter())) {
      String verb =
          main.test().absChange() > 0 ? "rose" : main.test().absChange() < 0 ? "fell" : "held";
      s.append(outcome)
          .append(' ')
          .append(verb)
          .append(" from ")
          .append(Summaries.format(main.test().meanBefore()))
          .append(" to ")
          .append(Summaries.format(main.test().meanAfter()))
          .append(" per window after ")
          .append(main.tacticId())
          .append(" launched on ")
          .append(main.launched());
      if (!Double.isNaN(main.test().relChange())) {
        s.append(String.format(Locale.ROOT, " (%+.0f%%", 100 * main.test().relChange()));
        s.append(
            Double.isNaN(main.test().pValue()) ? ")" : ", " + pText(main.test().pValue()) + ")");
      }
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

  static String pText(double p) {
    return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
  }
}

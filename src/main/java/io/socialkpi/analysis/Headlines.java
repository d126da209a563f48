package io.socialkpi.analysis;

import io.socialkpi.config.ObjectiveSpec;
import io.socialkpi.config.Target;
import io.socialkpi.stats.AdjustedEffect;
import io.socialkpi.tables.EffectRow;
import io.socialkpi.words.NumberFormats;
import io.socialkpi.words.Sentences;
import java.util.List;

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
      s.append(
          Sentences.adjustedChange(
              outcome,
              main.adjModel(),
              NumberFormats.signed(main.adjEstimate()),
              "a window",
              main.tacticId() + " on " + NumberFormats.date(main.launched())));
      if (!Double.isNaN(main.adjRelEffect())) {
        s.append(" (").append(NumberFormats.percent(main.adjRelEffect()));
        double p = AdjustedEffect.decisiveP(main.adjPValue(), main.adjPlaceboPValue());
        s.append(Double.isNaN(p) ? ")" : ", " + pText(p) + ")");
      }
      s.append(". ");
    } else if (main != null
        && !Double.isNaN(main.meanBefore())
        && !Double.isNaN(main.meanAfter())) {
      s.append(
              Sentences.beforeAfter(
                  outcome,
                  NumberFormats.value(main.meanBefore()),
                  NumberFormats.value(main.meanAfter()),
                  main.absChange(),
                  "a window",
                  main.tacticId(),
                  main.launched()))
          .append(" (no change beyond the trend could be estimated)");
      s.append(". ");
    } else {
      s.append(outcome).append(" recent level ").append(NumberFormats.value(recent)).append(". ");
    }
    if (target != null) {
      s.append("Recent level ")
          .append(NumberFormats.value(recent))
          .append(" against a target of ")
          .append(NumberFormats.value(target.value()))
          .append(" by ")
          .append(NumberFormats.date(target.by()))
          .append(": ")
          .append(onTrack == null ? "not enough data" : onTrack ? "on track" : "behind")
          .append('.');
    }
    return s.toString().trim();
  }

  static String signed(double v) {
    return NumberFormats.signed(v);
  }

  static String pText(double p) {
    return NumberFormats.pValue("p", p);
  }
}

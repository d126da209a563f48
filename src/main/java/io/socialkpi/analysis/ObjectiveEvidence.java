package io.socialkpi.analysis;

import io.socialkpi.calendar.WindowUnit;
import io.socialkpi.config.AnalysisSettings;
import io.socialkpi.config.ObjectiveSpec;
import io.socialkpi.panel.ObjectivePanel;
import io.socialkpi.stats.Correlation;
import io.socialkpi.stats.CorrelationResult;
import io.socialkpi.stats.Lags;
import io.socialkpi.tables.CorrelationRow;
import io.socialkpi.tables.EffectRow;
import io.socialkpi.tables.SummaryRow;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which statistics run for one objective and entity, and the result rows they give: lagged
 * correlations of each lead indicator with the outcome, before/after effects around each tactic,
 * and the summary. Plain Java over the {@link ObjectivePanel}; Spark calls it once per group.
 */
public final class ObjectiveEvidence implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Windows averaged into the recent level that progress and on-track are judged on. */
  public static final int RECENT_WINDOWS = 4;

  static final List<String> METHODS = List.of("pearson", "spearman", "kendall");
  static final List<String> TRANSFORMS = List.of("level", "diff");

  /**
   * Everything one group yields: its rows of the three evidence tables, before the run-wide steps.
   */
  public record Result(
      List<CorrelationRow> correlations, List<EffectRow> effects, SummaryRow summary) {}

  private final WindowUnit unit;
  private final AnalysisSettings analysis;

  /** The run's date: from a target's date on, the target is reached or missed. */
  private final LocalDate runDate;

  public ObjectiveEvidence(WindowUnit unit, AnalysisSettings analysis, LocalDate runDate) {
    this.unit = unit;
    this.analysis = analysis;
    this.runDate = runDate;
  }

  public Result compute(ObjectiveSpec objective, ObjectivePanel panel) {
    List<EffectRow> effects = effects(objective, panel);
    return new Result(
        correlations(objective, panel),
        effects,
        Summaries.of(objective, panel, effects, unit, runDate));
  }

  List<CorrelationRow> correlations(ObjectiveSpec objective, ObjectivePanel panel) {
    List<CorrelationRow> rows = new ArrayList<>();
    double[] outcome = panel.series(objective.outcome());
    for (String lead : objective.leadIndicators()) {
      String expected = objective.expectedSign(lead) > 0 ? "positive" : "negative";
      double[] leadSeries = panel.series(lead);
      for (String transform : TRANSFORMS) {
        double[] x = transform.equals("diff") ? Lags.diff(leadSeries) : leadSeries;
        double[] y = transform.equals("diff") ? Lags.diff(outcome) : outcome;
        for (int lag : objective.lags()) {
          double[][] pairs = Lags.align(x, y, lag);
          for (String method : METHODS) {
            CorrelationResult r = correlate(method, pairs[0], pairs[1]);
            Boolean ok =
                Double.isNaN(r.coefficient())
                    ? null
                    : Math.signum(r.coefficient()) == objective.expectedSign(lead);
            rows.add(
                new CorrelationRow(
                    objective.id(),
                    panel.entity(),
                    lead,
                    objective.outcome(),
                    lag,
                    method,
                    transform,
                    r.n(),
                    r.coefficient(),
                    r.pValue(),
                    r.ciLow(),
                    r.ciHigh(),
                    expected,
                    ok,
                    r.note() == null && r.n() < Correlation.MIN_PAIRS_FOR_EVIDENCE
                        ? "fewer than "
                            + Correlation.MIN_PAIRS_FOR_EVIDENCE
                            + " pairs: reported, never evidence"
                        : r.note(),
                    // Need every test of the run: QValues and ObjectiveVerdicts fill them.
                    Double.NaN,
                    null));
          }
        }
      }
    }
    return rows;
  }

  private CorrelationResult correlate(String method, double[] x, double[] y) {
    return switch (method) {
      case "pearson" -> Correlation.pearson(x, y, analysis.confidence());
      case "spearman" -> Correlation.spearman(x, y, analysis.confidence());
      default -> Correlation.kendall(x, y, analysis.confidence());
    };
  }

  List<EffectRow> effects(ObjectiveSpec objective, ObjectivePanel panel) {
    return new TacticEffects(unit, analysis).of(objective, panel);
  }

  static String role(ObjectiveSpec objective, String metric) {
    if (metric.equals(objective.outcome())) {
      return "outcome";
    }
    return metric.equals(objective.control()) && !objective.leadIndicators().contains(metric)
        ? "control"
        : "lead";
  }
}

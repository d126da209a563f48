package io.socialkpi.words;

import static io.socialkpi.words.NumberFormats.coefficient;
import static io.socialkpi.words.NumberFormats.date;
import static io.socialkpi.words.NumberFormats.pValue;

import java.time.LocalDate;

/**
 * The sentences that the analysis writes into the tables' text columns ({@code headline}, {@code
 * verdict_reason}) and the report writes on its page: one builder, so the same fact reads the same
 * in both, with the numbers of {@link NumberFormats}. Plain Java over values; no statistic is
 * computed or decided here.
 */
public final class Sentences {
  private Sentences() {}

  /** The headline's start: "Supported. ", "Contradicted. ", "Inconclusive. ". */
  public static String verdictPrefix(String verdict) {
    return verdict == null || verdict.isEmpty()
        ? ""
        : Character.toUpperCase(verdict.charAt(0)) + verdict.substring(1) + ". ";
  }

  /** The usual symbol of a correlation method: r (Pearson), ρ (Spearman), τ (Kendall). */
  public static String symbol(String method) {
    return switch (method == null ? "" : method) {
      case "spearman" -> "\u03c1";
      case "kendall" -> "\u03c4";
      default -> "r";
    };
  }

  /** "r = 0.61, q = 0.003". */
  public static String leadStatistic(String method, Double coefficient, Double qValue) {
    return symbol(method) + " = " + coefficient(coefficient) + ", " + pValue("q", qValue);
  }

  /**
   * "leads sales by 2 weeks", or at lag 0 "moves with sales in the same week": a lead of no windows
   * leads nothing. Without an outcome's name, "leads by 2 windows" and "moves with the outcome".
   */
  public static String leadTiming(String outcome, String unit, int lag) {
    if (lag == 0) {
      return "moves with " + (outcome == null ? "the outcome" : outcome) + " in the same " + unit;
    }
    return "leads " + (outcome == null ? "" : outcome + " ") + "by " + windows(unit, lag);
  }

  /** "page.fans leads by 2 windows (r = 0.61, q = 0.003)". */
  public static String leadText(
      String leadMetric, int lag, String method, double coefficient, double qValue) {
    return leadMetric
        + " "
        + leadTiming(null, "window", lag)
        + " ("
        + leadStatistic(method, coefficient, qValue)
        + ")";
  }

  /**
   * "beyond the trend before the launch, the weekday pattern and the control, sales changed by +120
   * EUR a week at the launch of the jobs tab": the adjusted effect's step, with what the model
   * {@code model} (intervention_effects.adj_model) took out of it. {@code change} is the step as
   * written with its unit, {@code per} how the window value reads ("a week", "on weekly average").
   * The headline and the report both say it this way; each adds its own numbers after it.
   */
  public static String adjustedChange(
      String outcome, String model, String change, String per, String tactic) {
    String m = model == null ? "" : model;
    return "beyond the trend before the launch"
        + (m.contains("weekday") ? ", the weekday pattern" : "")
        + (m.contains("control") ? " and the control" : "")
        + ", "
        + outcome
        + " changed by "
        + change
        + " "
        + per
        + " at the launch of "
        + tactic;
  }

  /** "3 weeks", "1 window". */
  public static String windows(String unit, int n) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }

  /**
   * "Applications rose from 15.3 to 23.8 a week after the jobs tab launched on 3 March 2025":
   * "rose", "fell" or "held" by the sign of {@code change}; {@code before} and {@code after} as
   * written with their unit, {@code per} how the window value reads ("a week", "on weekly
   * average").
   */
  public static String beforeAfter(
      String outcome,
      String before,
      String after,
      Double change,
      String per,
      String tactic,
      LocalDate launched) {
    double c = change == null || change.isNaN() ? 0 : change;
    String verb = c > 0 ? "rose" : c < 0 ? "fell" : "held";
    return outcome
        + " "
        + verb
        + " from "
        + before
        + " to "
        + after
        + " "
        + per
        + " after "
        + tactic
        + " launched on "
        + date(launched);
  }
}

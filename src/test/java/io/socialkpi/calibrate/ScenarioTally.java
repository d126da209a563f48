package io.socialkpi.calibrate;

import io.socialkpi.generate.Scenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Row;

/**
 * The counts of one scenario over every seed: verdicts of the treated entities (the control entity
 * is left out: its verdict is always inconclusive), the verdict reasons, and how often the adjusted
 * interval of the outcome effect holds the true effect. Renders itself as a markdown table row.
 *
 * <p>The binomial intervals (Wilson, 95%) treat entities as independent. Within a seed the treated
 * entities of a scenario with a control entity share the control's noise, so their adjusted
 * estimates are correlated and the intervals are somewhat too narrow there.
 */
final class ScenarioTally {
  /** The columns of {@link #row()}. */
  static final String HEADER =
      "| scenario | unit | entities | supported | contradicted | inconclusive | false supported"
          + " (95% CI) | false decided (95% CI) | power (95% CI) | true effect | mean adj. estimate |"
          + " adj. CI coverage |\n"
          + "|---|---|---:|---:|---:|---:|---|---|---|---:|---:|---|";

  private static final double Z = 1.959963984540054;

  final Scenario scenario;
  private int evaluated;
  private int supported;
  private int contradicted;
  private final Map<String, Integer> reasons = new LinkedHashMap<>();
  private int withInterval;
  private int covered;
  private int effects;
  private double estimateSum;
  private final TreeSet<String> sources = new TreeSet<>();

  ScenarioTally(Scenario scenario) {
    this.scenario = scenario;
  }

  void addSummary(Row r) {
    if (r.<Boolean>getAs("control_entity")) {
      return;
    }
    evaluated++;
    String verdict = r.getAs("verdict");
    if ("supported".equals(verdict)) {
      supported++;
    } else if ("contradicted".equals(verdict)) {
      contradicted++;
    }
    // Numbers (r, q, lags) would split one reason into many; the shape of the sentence is the
    // point.
    String reason =
        String.valueOf(r.<String>getAs("verdict_reason")).replaceAll("-?\\d+(\\.\\d+)?", "#");
    reasons.merge(verdict + ": " + reason, 1, Integer::sum);
  }

  /** One outcome effect row of a treated entity. */
  void addEffect(Row r) {
    if (SyntheticPanel.CONTROL.equals(r.getAs("entity"))) {
      return;
    }
    effects++;
    AdjustedInterval a = AdjustedInterval.of(r);
    sources.add(a.source());
    if (a.present()) {
      withInterval++;
      estimateSum += a.estimate();
      if (a.covers(scenario.trueEffect())) {
        covered++;
      }
    }
  }

  /** The columns read for the adjusted interval: {@code adj}, {@code cf}, or none seen. */
  String sources() {
    return sources.isEmpty() ? "-" : String.join("+", sources);
  }

  String row() {
    int inconclusive = evaluated - supported - contradicted;
    boolean isNull = scenario.isNull();
    String trueEffect = scenario.hasTactic() ? fmt("%.1f", scenario.trueEffect()) : "-";
    String meanEstimate = withInterval == 0 ? "-" : fmt("%.1f", estimateSum / withInterval);
    String coverage =
        withInterval == 0
            ? "-"
            : fmt(
                "%.1f%% (%d/%d%s)",
                100.0 * covered / withInterval,
                covered,
                withInterval,
                withInterval < effects ? ", " + (effects - withInterval) + " without" : "");
    return String.join(
        " | ",
        "| " + scenario.id(),
        scenario.unit().key(),
        String.valueOf(evaluated),
        pct(supported),
        pct(contradicted),
        pct(inconclusive),
        isNull ? rate(supported) : "-",
        isNull ? rate(supported + contradicted) : "-",
        isNull ? "-" : rate(supported),
        trueEffect,
        meanEstimate,
        coverage + " |");
  }

  /** The most frequent verdict reasons, numbers replaced by #. */
  List<String> topReasons(int n) {
    return reasons.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(n)
        .map(e -> fmt("%5d  %s", e.getValue(), e.getKey()))
        .toList();
  }

  private String pct(int k) {
    return evaluated == 0 ? "-" : fmt("%.1f%%", 100.0 * k / evaluated);
  }

  private String rate(int k) {
    if (evaluated == 0) {
      return "-";
    }
    double[] ci = wilson(k, evaluated);
    return fmt("%.1f%% [%.1f, %.1f]", 100.0 * k / evaluated, 100 * ci[0], 100 * ci[1]);
  }

  /** Wilson score interval of a binomial proportion: sensible also at 0 and n successes. */
  static double[] wilson(int k, int n) {
    double p = (double) k / n;
    double z2 = Z * Z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }

  private static String fmt(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}

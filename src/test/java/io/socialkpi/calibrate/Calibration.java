package io.socialkpi.calibrate;

import io.socialkpi.calendar.WindowUnit;
import io.socialkpi.generate.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Row;

/**
 * The calibration benchmark behind {@code jobs/calibrate}: how often does the verdict rule say
 * "supported" on data where the tactic did nothing, and how often does it find a real effect? Runs
 * the production evidence and verdict code on every {@link Scenario} for seeds 1..N and prints per
 * scenario the verdict shares, the false-"supported" and false-"decided" rates of the null
 * scenarios, the power of the effect scenarios (each with a Wilson 95% interval), and the coverage
 * of the true effect by the adjusted 95% interval ({@link AdjustedInterval}), plus the commonest
 * verdict reasons and the wall time.
 *
 * <p>Arguments: {@code --seeds N} (default 20), {@code --entities N} treated regions per scenario
 * (default 40; scenarios with a control add one control entity), {@code --scenarios a,b,...}
 * (default all), {@code --out FILE} (also write the report as markdown). Not a unit test: {@code
 * mvn verify} does not run it.
 */
public final class Calibration {
  private Calibration() {}

  public static void main(String[] args) throws Exception {
    int seeds = 20;
    int entities = 40;
    List<Scenario> scenarios = Arrays.asList(Scenario.values());
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seeds" -> seeds = Integer.parseInt(args[++i]);
        case "--entities" -> entities = Integer.parseInt(args[++i]);
        case "--scenarios" ->
            scenarios =
                Arrays.stream(args[++i].split(",")).map(String::trim).map(Scenario::byId).toList();
        case "--out" -> out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    String report = run(seeds, entities, scenarios);
    System.out.println(report);
    if (out != null) {
      Files.writeString(out, report);
    }
  }

  static String run(int seeds, int entities, List<Scenario> scenarios) throws Exception {
    Map<Scenario, ScenarioTally> tallies = new LinkedHashMap<>();
    scenarios.forEach(s -> tallies.put(s, new ScenarioTally(s)));
    // One run per window unit and seed: run.window is a setting of the whole run.
    Map<WindowUnit, List<Scenario>> byUnit = new LinkedHashMap<>();
    scenarios.forEach(s -> byUnit.computeIfAbsent(s.unit(), u -> new ArrayList<>()).add(s));
    Map<WindowUnit, Double> seconds = new LinkedHashMap<>();
    TreeSet<String> columns = new TreeSet<>();
    long t0 = System.nanoTime();
    double sessionStart;
    try (CalibrationRun runner = new CalibrationRun()) {
      sessionStart = (System.nanoTime() - t0) / 1e9;
      for (int seed = 1; seed <= seeds; seed++) {
        for (Map.Entry<WindowUnit, List<Scenario>> e : byUnit.entrySet()) {
          CalibrationRun.Result r = runner.run(seed, entities, e.getValue());
          seconds.merge(e.getKey(), r.seconds(), Double::sum);
          columns.add(String.join(", ", AdjustedInterval.columns(r.effectSchema())));
          for (Row s : r.summaries()) {
            tallies.get(Scenario.byId(s.getAs("objective_id"))).addSummary(s);
          }
          for (Row x : r.effects()) {
            tallies.get(Scenario.byId(x.getAs("objective_id"))).addEffect(x);
          }
          System.err.printf(
              Locale.ROOT, "seed %d %s: %.1f s%n", seed, e.getKey().key(), r.seconds());
        }
      }
    }
    double total = (System.nanoTime() - t0) / 1e9;
    return render(tallies, seeds, entities, columns, seconds, sessionStart, total);
  }

  private static String render(
      Map<Scenario, ScenarioTally> tallies,
      int seeds,
      int entities,
      java.util.SortedSet<String> columns,
      Map<WindowUnit, Double> seconds,
      double sessionStart,
      double total) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "# Verdict calibration: %d seeds, %d treated entities per scenario%n%n",
            seeds,
            entities));
    b.append("Adjusted interval read from: ").append(String.join(" / ", columns)).append("\n\n");
    b.append(ScenarioTally.HEADER).append('\n');
    for (ScenarioTally t : tallies.values()) {
      b.append(t.row()).append('\n');
    }
    b.append(
        "\nfalse supported / false decided: null scenarios only (the tactic did nothing);"
            + " power: share supported in the effect scenarios. Coverage: share of treated"
            + " entities whose adjusted 95% interval holds the true effect (0 for the nulls).\n");
    b.append("\n## Verdict reasons (top 5 per scenario, numbers as #)\n");
    for (ScenarioTally t : tallies.values()) {
      b.append("\n").append(t.scenario.id()).append(":\n```\n");
      t.topReasons(5).forEach(line -> b.append(line).append('\n'));
      b.append("```\n");
    }
    b.append("\n## Wall time\n\n");
    b.append(String.format(Locale.ROOT, "- session start: %.1f s%n", sessionStart));
    seconds.forEach(
        (unit, s) ->
            b.append(
                String.format(
                    Locale.ROOT,
                    "- %s runs: %.1f s (%.1f s per seed)%n",
                    unit.key(),
                    s,
                    s / seeds)));
    b.append(String.format(Locale.ROOT, "- total: %.1f s%n", total));
    return b.toString();
  }
}

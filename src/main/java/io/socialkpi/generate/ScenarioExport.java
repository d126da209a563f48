package io.socialkpi.generate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes one calibration {@link Scenario} as files the nightly job reads: {@code sales.csv} (date,
 * region, revenue; the control entity {@code ctrl} too when the scenario has one), {@code
 * social.csv} (date, region, fans) when it has a lead indicator, and {@code socialkpi.conf} with
 * the objective, so that a user can run the job on a world where the truth is known and see its
 * verdicts ({@code jobs/socialkpi generate --scenario trend --out DIR}). {@code jobs/calibrate}
 * runs the same scenarios in bulk.
 */
public final class ScenarioExport {
  /** The outcome and lead metrics, as the objectives name them. */
  public static final String OUTCOME = "sales.revenue";

  public static final String LEAD = "social.fans";
  public static final String CONTROL = "ctrl";

  private ScenarioExport() {}

  /** Name of treated entity {@code k} (1-based), zero-padded so they sort in order. */
  public static String entity(int k, int entities) {
    int width = String.valueOf(entities).length();
    return String.format(Locale.ROOT, "r%0" + width + "d", k);
  }

  /** The scenario's block in {@code socialkpi.objectives} (HOCON). */
  public static String objectiveBlock(Scenario s) {
    StringBuilder b = new StringBuilder();
    b.append("{ id = \"").append(s.id()).append("\", outcome = ").append(OUTCOME);
    b.append(", expected-direction = up");
    if (s.hasTactic()) {
      b.append(", tactics = [{ id = launch, launched = \"").append(s.launch()).append("\" }]");
    }
    if (s.hasLead()) {
      b.append(", lead-indicators = [").append(LEAD).append("]");
    }
    if (s.hasControl()) {
      b.append(", control-entity = ").append(CONTROL);
    }
    return b.append(" }").toString();
  }

  /** The sources block reading {@code sales.csv} and, with a lead, {@code social.csv} (HOCON). */
  public static String sourcesBlock(boolean withLead) {
    String sales =
        """
          sales { path = "sales.csv", entity = region,
                  time { column = date, pattern = "yyyy-MM-dd", zone = UTC },
                  metrics { revenue { column = revenue, aggregate = sum } } }
        """;
    String social =
        """
          social { path = "social.csv", entity = region,
                   time { column = date, pattern = "yyyy-MM-dd", zone = UTC },
                   metrics { fans { column = fans, aggregate = last } } }
        """;
    return "sources {\n" + sales + (withLead ? social : "") + "}\n";
  }

  /** Writes the scenario's files for one seed and {@code entities} treated entities. */
  public static void write(Scenario s, long seed, int entities, Path out) throws IOException {
    Files.createDirectories(out);
    try (Writer w = Files.newBufferedWriter(out.resolve("sales.csv"), StandardCharsets.UTF_8)) {
      w.write("date,region,revenue\n");
      if (s.hasControl()) {
        series(w, s, CONTROL, s.outcome(seed, 0));
      }
      for (int k = 1; k <= entities; k++) {
        series(w, s, entity(k, entities), s.outcome(seed, k));
      }
    }
    if (s.hasLead()) {
      try (Writer w = Files.newBufferedWriter(out.resolve("social.csv"), StandardCharsets.UTF_8)) {
        w.write("date,region,fans\n");
        for (int k = 1; k <= entities; k++) {
          series(w, s, entity(k, entities), s.lead(seed, k));
        }
      }
    }
    String conf =
        "# Calibration scenario '"
            + s.id()
            + "' (seed "
            + seed
            + "): "
            + (s.isNull() ? "the tactic does nothing" : "true effect " + s.trueEffect())
            + ". docs/STATISTICS.md, \"Calibration\".\n"
            + "socialkpi {\n"
            + "  run { zone = UTC, window = "
            + s.unit().key()
            + ", output = \"out\" }\n"
            + sourcesBlock(s.hasLead()).indent(2)
            + "  objectives = [\n    "
            + objectiveBlock(s)
            + "\n  ]\n}\n";
    Files.writeString(out.resolve("socialkpi.conf"), conf);
  }

  private static void series(Writer w, Scenario s, String region, double[] v) throws IOException {
    for (int t = 0; t < v.length; t++) {
      w.write(s.window(t) + "," + region + "," + String.format(Locale.ROOT, "%.4f", v[t]) + "\n");
    }
  }
}

package io.socialkpi.calibrate;

import io.socialkpi.generate.Scenario;
import io.socialkpi.generate.ScenarioExport;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A {@link Scenario}'s series laid out exactly as {@code panel.PanelRows} builds the long panel, so
 * {@code EvidenceEngine.over} runs on them unchanged, and the objective block of the config that
 * goes with them.
 *
 * <p>Layout, per objective (the scenario id): each entity has its own outcome rows under the metric
 * {@link #OUTCOME}; the control entity {@link #CONTROL} has them too (its own group, whose verdict
 * is always inconclusive), and its outcome is repeated in every other entity's group as series
 * {@code sales.revenue@ctrl}, as {@code PanelRows.controlEntityRows} does. Lead indicators are
 * per-entity metrics of their own source. Only complete windows exist, as after the completeness
 * filter.
 */
public final class SyntheticPanel {
  /** The panel's columns, as {@code PanelRows.build} selects them. */
  public static final StructType SCHEMA =
      new StructType()
          .add("objective_id", DataTypes.StringType)
          .add("entity", DataTypes.StringType)
          .add("metric", DataTypes.StringType)
          .add("window_start", DataTypes.DateType)
          .add("value", DataTypes.DoubleType);

  public static final String OUTCOME = ScenarioExport.OUTCOME;
  public static final String LEAD = ScenarioExport.LEAD;
  public static final String CONTROL = ScenarioExport.CONTROL;

  private SyntheticPanel() {}

  /** Name of treated entity {@code k} (1-based), zero-padded so they sort in order. */
  public static String entity(int k, int entities) {
    return ScenarioExport.entity(k, entities);
  }

  /** Every panel row of one scenario and seed, for {@code entities} treated entities. */
  public static List<Row> rows(Scenario s, long seed, int entities) {
    List<Row> rows = new ArrayList<>();
    Date[] windows = new Date[s.windows()];
    for (int t = 0; t < windows.length; t++) {
      windows[t] = Date.valueOf(s.window(t));
    }
    double[] control = s.hasControl() ? s.outcome(seed, 0) : null;
    if (control != null) {
      add(rows, s.id(), CONTROL, OUTCOME, windows, control);
    }
    for (int k = 1; k <= entities; k++) {
      String name = entity(k, entities);
      add(rows, s.id(), name, OUTCOME, windows, s.outcome(seed, k));
      double[] lead = s.lead(seed, k);
      if (lead != null) {
        add(rows, s.id(), name, LEAD, windows, lead);
      }
      if (control != null) {
        add(rows, s.id(), name, OUTCOME + "@" + CONTROL, windows, control);
      }
    }
    return rows;
  }

  private static void add(
      List<Row> rows, String objective, String entity, String metric, Date[] w, double[] v) {
    for (int t = 0; t < w.length; t++) {
      rows.add(RowFactory.create(objective, entity, metric, w[t], v[t]));
    }
  }

  /** The scenario's block in {@code socialkpi.objectives} (HOCON). */
  public static String objectiveBlock(Scenario s) {
    return ScenarioExport.objectiveBlock(s);
  }

  /**
   * The sources the objectives name. They are never read (the panel is given directly), but the
   * loader checks every metric reference against them.
   */
  public static String sourcesBlock() {
    return ScenarioExport.sourcesBlock(true);
  }
}

package io.socialkpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The forest plot's labels: long names are cut, the entity in brackets is kept. */
class ForestPlotTest {
  static final String LONG = "Decrease customer-service incidents to the call center";

  @Test
  void aLongNameIsCutButItsEntityStays() {
    String north = ForestPlot.shortLabel(LONG + " (north)");
    String south = ForestPlot.shortLabel(LONG + " (south)");
    assertThat(north).hasSize(48).endsWith("\u2026 (north)").startsWith("Decrease customer");
    assertThat(south).endsWith("\u2026 (south)").isNotEqualTo(north);
    assertThat(ForestPlot.shortLabel("Short (north)")).isEqualTo("Short (north)");
    assertThat(ForestPlot.shortLabel(LONG)).hasSize(48).endsWith("\u2026");
  }

  @Test
  void anEntityLongerThanHalfTheLabelIsCutWithTheName() {
    String label = ForestPlot.shortLabel("Objective (" + "x".repeat(60) + ")");
    assertThat(label).hasSize(48).endsWith("\u2026");
  }

  @Test
  void noRowsNoChart() {
    assertThat(ForestPlot.of("f", List.of(), "95%")).isNull();
  }
}

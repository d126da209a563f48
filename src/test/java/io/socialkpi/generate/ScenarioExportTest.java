package io.socialkpi.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A calibration scenario written as files the job reads, with a config that loads. */
class ScenarioExportTest {
  @TempDir Path dir;

  @Test
  void aScenarioWithAControlWritesItsSeriesAndAConfigThatLoads() throws Exception {
    Path out = dir.resolve("shock");
    ScenarioExport.write(Scenario.SHARED_SHOCK, 7, 3, out);
    List<String> sales = Files.readAllLines(out.resolve("sales.csv"));
    assertThat(sales.get(0)).isEqualTo("date,region,revenue");
    assertThat(sales).hasSize(1 + 4 * Scenario.WEEKLY_WINDOWS);
    double first = Scenario.SHARED_SHOCK.outcome(7, 2)[0];
    assertThat(sales)
        .contains(
            Scenario.SHARED_SHOCK.window(0)
                + ",r2,"
                + String.format(java.util.Locale.ROOT, "%.4f", first));
    assertThat(sales.get(1)).startsWith("2023-01-02,ctrl,");
    assertThat(out.resolve("social.csv")).doesNotExist();
    Settings settings = SettingsLoader.load(out.resolve("socialkpi.conf"));
    assertThat(settings.objectives()).hasSize(1);
    assertThat(settings.objectives().get(0).controlEntity()).isEqualTo("ctrl");
    assertThat(settings.objectives().get(0).tactics().get(0).launched())
        .isEqualTo(Scenario.SHARED_SHOCK.launch());
    assertThat(settings.run().window().key()).isEqualTo("week");
  }

  @Test
  void aLeadScenarioWritesTheLeadIndicator() throws Exception {
    Path out = dir.resolve("walks");
    ScenarioExport.write(Scenario.RANDOM_WALK_LEADS, 1, 2, out);
    assertThat(Files.readAllLines(out.resolve("social.csv"))).hasSize(1 + 2 * 730);
    Settings settings = SettingsLoader.load(out.resolve("socialkpi.conf"));
    assertThat(settings.objectives().get(0).leadIndicators()).containsExactly("social.fans");
    assertThat(settings.objectives().get(0).tactics()).isEmpty();
  }
}

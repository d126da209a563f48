package io.socialkpi.source;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void smoke() throws Exception {
    Path dir = Files.createTempDirectory("smoke");
    Files.copy(Path.of("/tmp/smoke.conf"), dir.resolve("s.conf"));
    Files.copy(Path.of("/tmp/orders.csv"), dir.resolve("orders.csv"));
    Settings s = SettingsLoader.load(dir.resolve("s.conf"));
    var layouts = InputCheck.check(s);
    var spark = SparkTestSession.get();
    var scan = SourceScan.run(spark, s.sources().get("orders"), layouts.get("orders"), s.run());
    System.out.println(scan.quality());
    scan.quarantine().show(false);
    scan.windowValues().orderBy("metric", "entity", "window_start").show(false);
    io.socialkpi.panel.WindowMetrics.complete(
            spark, s.sources().get("orders"), scan.windowValues(), s.run().window())
        .orderBy("metric", "entity", "window_start")
        .show(false);
  }
}

package io.socialkpi.source;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * A job config of one source {@code s} (UTC, weekly windows), loaded and scanned as the job does:
 * the export tests write a file, name it in the source's keys and look at the window values.
 */
final class ExportScans {
  private ExportScans() {}

  /** Writes {@code dir/job.conf} with source {@code s} of these keys, and scans it. */
  static SourceScan scan(Path dir, String runDate, String sourceKeys) throws IOException {
    Files.writeString(
        dir.resolve("job.conf"),
        "socialkpi {\n  run { zone = \"UTC\", window = week, run-date = "
            + runDate
            + " }\n  sources { s { "
            + sourceKeys
            + " } }\n}\n");
    Settings s = SettingsLoader.load(dir.resolve("job.conf"));
    return SourceScan.run(
        SparkTestSession.get(), s.sources().get("s"), InputCheck.check(s).get("s"), s.run());
  }

  /** Window start to value of one metric ({@code s.<id>}). */
  static Map<String, Double> values(SourceScan scan, String metric) {
    Map<String, Double> out = new TreeMap<>();
    for (Row r : scan.windowValues().collectAsList()) {
      if (r.<String>getAs("metric").equals(metric)) {
        out.put(r.getAs("window_start").toString(), r.getAs("value"));
      }
    }
    return out;
  }
}

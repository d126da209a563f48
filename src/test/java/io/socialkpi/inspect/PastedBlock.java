package io.socialkpi.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import io.socialkpi.source.InputCheck;
import io.socialkpi.source.SourceScan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What an analyst does with inspect's output: pastes it, summary and block, into a job config's
 * {@code socialkpi.sources}, loads the config as {@code validate} does, and reads the source with
 * the real reader.
 */
final class PastedBlock {
  private PastedBlock() {}

  /** A job config holding {@code printed} (summary comments and block) as its only source. */
  static String config(String printed) {
    return "socialkpi {\n"
        + "  run { zone = \"UTC\", window = week, run-date = 2030-01-01 }\n"
        + "  sources {\n"
        + printed
        + "\n  }\n}\n";
  }

  /** The config loaded and its files checked, as {@code jobs/socialkpi validate} does. */
  static Settings load(Path dir, Inspection inspection) {
    try {
      Path conf = Files.writeString(dir.resolve("job.conf"), config(inspection.text()));
      Settings settings = SettingsLoader.load(conf);
      InputCheck.check(settings);
      return settings;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The source read by the real reader, through its printed block. */
  static SourceScan scan(Path dir, Inspection inspection) {
    Settings settings = load(dir, inspection);
    String id = inspection.sourceId();
    return SourceScan.run(
        SparkTestSession.get(),
        settings.sources().get(id),
        InputCheck.check(settings).get(id),
        settings.run());
  }

  /** Reads the source through its block and checks that every row is accepted. */
  static SourceScan noRowQuarantined(Path dir, Inspection inspection, long rows) {
    SourceScan scan = scan(dir, inspection);
    assertThat(scan.quarantine().collectAsList()).isEmpty();
    assertThat(scan.quality().rowsRead()).isEqualTo(rows);
    assertThat(scan.quality().rowsAccepted()).isEqualTo(rows);
    return scan;
  }
}

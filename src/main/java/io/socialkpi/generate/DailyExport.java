package io.socialkpi.generate;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One export file, written a day at a time. All files advance through the days together, so the
 * latent social series need to be kept for a few days only, and no file is held in memory.
 */
abstract class DailyExport {
  final GeneratorOptions options;

  /** The file being written. */
  final Sink sink;

  /** The days the file gets each of its broken rows. */
  final FaultPlan faults;

  /**
   * Opens {@code file} under {@code outDir} with its {@code header} line (null: none) and plans its
   * broken rows of the given kinds.
   */
  DailyExport(GeneratorOptions o, Path outDir, String file, String header, Fault... faults)
      throws IOException {
    this.options = o;
    this.sink = new Sink(outDir, file, header);
    this.faults = FaultPlan.of(o, file, faults);
  }

  /**
   * Writes the rows of day {@code day} (0 is the first day), all regions; {@code drivers} have been
   * advanced to that day.
   */
  abstract void writeDay(int day, Clock clock, Drivers drivers) throws IOException;

  /** The file being written. */
  final Sink sink() {
    return sink;
  }
}

package io.socialkpi.generate;

import java.io.IOException;

/**
 * One export file, written a day at a time. All files advance through the days together, so the
 * latent social series need to be kept for a few days only, and no file is held in memory.
 */
interface DailyExport {
  /** Writes the rows of day {@code day} (0 is the first day), all regions. */
  void writeDay(int day, Clock clock) throws IOException;

  /** The file being written. */
  Sink sink();
}

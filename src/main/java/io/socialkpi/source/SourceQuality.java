package io.socialkpi.source;

import java.io.Serializable;
import java.time.Instant;

/**
 * Row accounting of one source in one run: {@code rowsRead = rowsAccepted + rowsQuarantined}.
 *
 * @param firstTime earliest accepted timestamp, or null when nothing was accepted
 */
public record SourceQuality(
    String source,
    int files,
    long rowsRead,
    long rowsAccepted,
    long rowsQuarantined,
    Instant firstTime,
    Instant lastTime)
    implements Serializable {

  /** Share of rows read that went to quarantine; 0 for a source without rows. */
  public double quarantinedFraction() {
    return rowsRead == 0 ? 0.0 : (double) rowsQuarantined / rowsRead;
  }
}

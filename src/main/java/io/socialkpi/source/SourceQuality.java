package io.socialkpi.source;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Row accounting of one source in one run: {@code rowsRead = rowsAccepted + rowsQuarantined +
 * rowsSuperseded}.
 *
 * @param rowsSuperseded rows of an older export whose time a newer export of the source also holds
 *     ({@code overlap.keep = newest}): not counted, and not quarantined either
 * @param firstTime earliest accepted timestamp, or null when nothing was accepted
 * @param firstDate the local date (reporting zone) of the earliest accepted row
 * @param missingCells per metric ({@code <source>.<metric>}), accepted rows that count for it but
 *     whose cell was empty or a missing marker
 */
public record SourceQuality(
    String source,
    int files,
    long rowsRead,
    long rowsAccepted,
    long rowsQuarantined,
    long rowsSuperseded,
    Instant firstTime,
    Instant lastTime,
    LocalDate firstDate,
    LocalDate lastDate,
    Map<String, Long> missingCells)
    implements Serializable {

  /**
   * Share of the rows that count or would, the superseded ones aside, that went to quarantine; 0
   * for a source without such rows. Superseded rows are an older export's copies of days a newer
   * one holds: counted in, 30 rolling exports would dilute a broken newest file below the limit.
   */
  public double quarantinedFraction() {
    long considered = rowsRead - rowsSuperseded;
    return considered <= 0 ? 0.0 : (double) rowsQuarantined / considered;
  }
}

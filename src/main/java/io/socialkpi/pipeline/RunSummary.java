package io.socialkpi.pipeline;

import io.socialkpi.source.SourceQuality;
import java.time.LocalDate;
import java.util.List;

/**
 * What a finished run did: its date, where its tables are, the row accounting per source, and the
 * time and peak heap of each stage.
 */
public record RunSummary(
    LocalDate runDate,
    String output,
    List<SourceQuality> sources,
    double seconds,
    List<StageClock.Stage> stages) {

  /** Rows read from every source, quarantined ones included. */
  public long rowsRead() {
    return sources.stream().mapToLong(SourceQuality::rowsRead).sum();
  }
}

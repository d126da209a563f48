package io.socialkpi.config;

import io.socialkpi.calendar.WindowUnit;
import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Settings of one run.
 *
 * @param runDate the partition label; null means today in {@link #zone}
 * @param lockStaleAfter how long a lock's heartbeat may stop before another run takes it over
 * @param keepRuns how many of the newest complete runs to keep after a complete publish; 0 keeps
 *     every run ({@code keep-runs = null})
 * @param outputFormat how the tables are stored ({@code output-format}): Parquet folders or Delta
 *     tables
 */
public record RunSettings(
    ZoneId zone,
    WindowUnit window,
    String output,
    LocalDate runDate,
    double quarantineMaxFraction,
    Duration lockStaleAfter,
    int keepRuns,
    OutputFormat outputFormat)
    implements Serializable {

  public LocalDate runDateOrToday() {
    return runDate != null ? runDate : LocalDate.now(zone);
  }

  public RunSettings withOutput(String newOutput) {
    return with(newOutput, runDate, outputFormat);
  }

  public RunSettings withRunDate(LocalDate date) {
    return with(output, date, outputFormat);
  }

  public RunSettings withOutputFormat(OutputFormat format) {
    return with(output, runDate, format);
  }

  /** A copy with what the command line or a test may change; the rest comes from the config. */
  private RunSettings with(String newOutput, LocalDate newRunDate, OutputFormat newFormat) {
    return new RunSettings(
        zone,
        window,
        newOutput,
        newRunDate,
        quarantineMaxFraction,
        lockStaleAfter,
        keepRuns,
        newFormat);
  }
}

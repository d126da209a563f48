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

  /** Settings of a run that writes Parquet, the default. */
  public RunSettings(
      ZoneId zone,
      WindowUnit window,
      String output,
      LocalDate runDate,
      double quarantineMaxFraction,
      Duration lockStaleAfter,
      int keepRuns) {
    this(
        zone,
        window,
        output,
        runDate,
        quarantineMaxFraction,
        lockStaleAfter,
        keepRuns,
        OutputFormat.PARQUET);
  }

  public LocalDate runDateOrToday() {
    return runDate != null ? runDate : LocalDate.now(zone);
  }

  public RunSettings withOutput(String newOutput) {
    return new RunSettings(
        zone,
        window,
        newOutput,
        runDate,
        quarantineMaxFraction,
        lockStaleAfter,
        keepRuns,
        outputFormat);
  }

  public RunSettings withRunDate(LocalDate date) {
    return new RunSettings(
        zone, window, output, date, quarantineMaxFraction, lockStaleAfter, keepRuns, outputFormat);
  }

  public RunSettings withOutputFormat(OutputFormat format) {
    return new RunSettings(
        zone, window, output, runDate, quarantineMaxFraction, lockStaleAfter, keepRuns, format);
  }
}

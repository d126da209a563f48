package io.socialkpi.config;

import io.socialkpi.calendar.WindowUnit;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Settings of one run.
 *
 * @param runDate the partition label; null means today in {@link #zone}
 */
public record RunSettings(
    ZoneId zone, WindowUnit window, String output, LocalDate runDate, double quarantineMaxFraction)
    implements Serializable {

  public LocalDate runDateOrToday() {
    return runDate != null ? runDate : LocalDate.now(zone);
  }

  public RunSettings withOutput(String newOutput) {
    return new RunSettings(zone, window, newOutput, runDate, quarantineMaxFraction);
  }

  public RunSettings withRunDate(LocalDate date) {
    return new RunSettings(zone, window, output, date, quarantineMaxFraction);
  }
}

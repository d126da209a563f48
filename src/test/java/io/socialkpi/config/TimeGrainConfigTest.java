package io.socialkpi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.socialkpi.calendar.PeriodStamp;
import io.socialkpi.calendar.WindowUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code time.grain} and {@code time.stamp}: a weekly or monthly export declares what its rows
 * stand for, and a grain the run's windows cannot hold is a config error before Spark starts,
 * naming the file, the line and the key.
 */
class TimeGrainConfigTest {
  @TempDir Path dir;

  /** A job config whose source {@code sales} has the given {@code time} keys. */
  private Path config(String window, String time) throws IOException {
    Path file = dir.resolve("job.conf");
    Files.writeString(
        file,
        "socialkpi {\n"
            + "  run { window = "
            + window
            + " }\n"
            + "  sources {\n"
            + "    sales {\n"
            + "      path = \"sales.csv\"\n"
            + "      time { column = week, "
            + time
            + " }\n"
            + "      metrics { revenue { column = revenue } }\n"
            + "    }\n"
            + "  }\n"
            + "}\n");
    return file;
  }

  private static ConfigError error(Path file) {
    return catchThrowableOfType(ConfigError.class, () -> SettingsLoader.load(file));
  }

  @Test
  void rowsStandForTheirOwnDayUnlessTheSourceSaysOtherwise() throws IOException {
    TimeSpec time =
        SettingsLoader.load(config("week", "pattern = yyyy-MM-dd")).sources().get("sales").time();
    assertThat(time.grain()).isEqualTo(WindowUnit.DAY);
    assertThat(time.stamp()).isEqualTo(PeriodStamp.START);
    assertThat(time.periodGrain()).isFalse();
  }

  @Test
  void aWeeklySourceStampedOnItsSundayIsReadAsSuch() throws IOException {
    TimeSpec time =
        SettingsLoader.load(config("week", "grain = week, stamp = end"))
            .sources()
            .get("sales")
            .time();
    assertThat(time.grain()).isEqualTo(WindowUnit.WEEK);
    assertThat(time.stamp()).isEqualTo(PeriodStamp.END);
    assertThat(time.periodGrain()).isTrue();
  }

  @Test
  void aGrainThatIsNoPeriodNamesTheKeyFileAndLine() throws IOException {
    Path file = config("week", "grain = fortnight, stamp = middle");
    ConfigError e = error(file);
    assertThat(e.problems())
        .extracting(ConfigProblem::path)
        .containsExactly(
            "socialkpi.sources.sales.time.grain", "socialkpi.sources.sales.time.stamp");
    assertThat(e.getMessage())
        .contains(
            file
                + ":6: socialkpi.sources.sales.time.grain: unknown value 'fortnight'"
                + " (one of day, week, month)")
        .contains("socialkpi.sources.sales.time.stamp: unknown value 'middle' (one of start, end)");
  }

  @Test
  void windowsFinerThanTheGrainAreAnErrorBeforeSpark() throws IOException {
    Path file = config("day", "grain = week");
    ConfigError e = error(file);
    assertThat(e.problems()).hasSize(1);
    assertThat(e.getMessage())
        .contains(
            file
                + ":6: socialkpi.sources.sales.time.grain: time.grain = week is coarser than"
                + " run.window = day: a row stands for a whole week, and splitting its value into"
                + " days would invent how it spread over them; set run.window = week");

    assertThat(error(config("week", "grain = month")).getMessage())
        .contains("time.grain = month is coarser than run.window = week")
        .contains("set run.window = month");
  }

  @Test
  void weeksOnMonthWindowsAreAnErrorTooSinceWeeksDoNotNestInMonths() throws IOException {
    assertThat(error(config("month", "grain = week")).getMessage())
        .contains(
            "socialkpi.sources.sales.time.grain: time.grain = week does not fit run.window ="
                + " month: a week can span two months and a month holds four or five weeks")
        .contains("set run.window = week");
  }

  @Test
  void aStampWithoutAPeriodIsAMistake() throws IOException {
    assertThat(error(config("week", "stamp = end")).getMessage())
        .contains(
            "socialkpi.sources.sales.time.stamp: time.stamp = end needs time.grain = week or"
                + " month");
  }

  @Test
  void theGrainCanBeSetForEverySourceInSourceDefaults() throws IOException {
    Path file = dir.resolve("job.conf");
    Files.writeString(
        file,
        """
        socialkpi {
          run { window = month }
          source-defaults.time { grain = month, stamp = end }
          sources { sales { path = "sales.csv", time.column = month
            metrics { revenue { column = revenue } } } }
        }
        """);
    TimeSpec time = SettingsLoader.load(file).sources().get("sales").time();
    assertThat(time.grain()).isEqualTo(WindowUnit.MONTH);
    assertThat(time.stamp()).isEqualTo(PeriodStamp.END);
  }

  @Test
  void aPeriodWithoutItsRowIsUnknownNotZeroUnlessAMetricSaysSo() throws IOException {
    Path file = dir.resolve("job.conf");
    Files.writeString(
        file,
        """
        socialkpi.sources.sales {
          path = "sales.csv", time { column = week, grain = week }
          metrics { revenue { column = revenue }, rows { aggregate = count }
            spend { column = spend, gap = zero } }
        }
        """);
    Settings s = SettingsLoader.load(file);
    assertThat(s.metric("sales.revenue").orElseThrow().gap()).isEqualTo(GapPolicy.MISSING);
    assertThat(s.metric("sales.rows").orElseThrow().gap()).isEqualTo(GapPolicy.MISSING);
    assertThat(s.metric("sales.spend").orElseThrow().gap()).isEqualTo(GapPolicy.ZERO);
  }
}

package io.socialkpi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialkpi.calendar.WindowUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
  @TempDir Path dir;

  static final String SOURCE =
      """
      orders {
        path = "orders.csv"
        time { column = ordered_at, pattern = "yyyy-MM-dd HH:mm:ss", zone = "Europe/Helsinki" }
        entity = region
        metrics {
          sales { column = amount, aggregate = sum, where { channel = [online, app] } }
          orders { aggregate = count }
        }
      }
      """;

  static final String OBJECTIVE =
      """
      {
        id = grow-sales, outcome = orders.sales, expected-direction = up
        lead-indicators = [orders.orders], lags = [0, 2]
        target { value = 100, by = 2025-12-31 }
        tactics = [{ id = campaign, launched = 2025-02-03 }]
      }
      """;

  Path write(String body) throws IOException {
    Path file = dir.resolve("job.conf");
    Files.writeString(file, body);
    return file;
  }

  Path config(String run, String sources, String objectives) throws IOException {
    return write(
        "socialkpi {\n run {"
            + run
            + "}\n sources {"
            + sources
            + "}\n objectives = ["
            + objectives
            + "]\n}\n");
  }

  @Test
  void readsAValidConfigWithDefaultsFromReferenceConf() throws IOException {
    Settings s = SettingsLoader.load(config("zone = \"Europe/Helsinki\"", SOURCE, OBJECTIVE));
    assertThat(s.run().zone()).isEqualTo(ZoneId.of("Europe/Helsinki"));
    assertThat(s.run().window()).isEqualTo(WindowUnit.WEEK);
    assertThat(s.run().quarantineMaxFraction()).isEqualTo(0.05);
    SourceSpec orders = s.sources().get("orders");
    assertThat(orders.path()).isEqualTo(dir.resolve("orders.csv").toString());
    assertThat(orders.format()).isEqualTo(SourceFormat.CSV);
    assertThat(orders.csv().delimiter()).isEqualTo(',');
    assertThat(orders.dedupe()).isTrue();
    assertThat(orders.columns()).containsExactly("ordered_at", "region", "amount", "channel");
    MetricSpec sales = s.metric("orders.sales").orElseThrow();
    assertThat(sales.where()).containsEntry("channel", java.util.List.of("online", "app"));
    assertThat(sales.gap()).isEqualTo(GapPolicy.ZERO);
    ObjectiveSpec o = s.objectives().get(0);
    assertThat(o.lags()).containsExactly(0, 2);
    assertThat(o.priority()).isEqualTo("B");
    assertThat(o.target()).isEqualTo(new Target(100, LocalDate.of(2025, 12, 31)));
    assertThat(o.tactics().get(0).launched()).isEqualTo(LocalDate.of(2025, 2, 3));
  }

  @Test
  void metricDisplayNameUnitAndKindWithTheirDefaults() throws IOException {
    String source =
        SOURCE.replace(
            "where { channel = [online, app] } }",
            "where { channel = [online, app] }, name = \" Online sales \", unit = EUR, kind = amount }");
    Settings s = SettingsLoader.load(config("", source, OBJECTIVE));
    assertThat(s.metric("orders.sales").orElseThrow().display())
        .isEqualTo(new MetricDisplay("Online sales", "EUR", MetricKind.AMOUNT));
    assertThat(s.metric("orders.orders").orElseThrow().display())
        .isEqualTo(new MetricDisplay("Orders", null, MetricKind.COUNT));
    assertThat(MetricDisplay.defaults("engaged-users", Aggregate.MEAN))
        .isEqualTo(new MetricDisplay("Engaged users", null, MetricKind.SCORE));
  }

  @Test
  void badMetricKindAndEmptyNameNameTheirKeys() throws IOException {
    String source =
        SOURCE.replace(
            "orders { aggregate = count }",
            "orders { aggregate = count, kind = money, name = \"\" }");
    ConfigError e = catchError(config("", source, OBJECTIVE));
    assertThat(e.getMessage())
        .contains(
            "socialkpi.sources.orders.metrics.orders.kind: unknown value 'money' (one of amount,"
                + " count, score, rate)")
        .contains("socialkpi.sources.orders.metrics.orders.name: is empty: leave it out to show");
  }

  @Test
  void unknownMetricInObjectiveNamesKeyFileAndLine() throws IOException {
    Path file =
        config("", SOURCE, OBJECTIVE.replace("outcome = orders.sales", "outcome = orders.revnue"));
    assertThatThrownBy(() -> SettingsLoader.load(file))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining(file.toString() + ":")
        .hasMessageContaining("socialkpi.objectives[0].outcome: unknown metric 'orders.revnue'")
        .hasMessageContaining("known: orders.sales, orders.orders");
  }

  @Test
  void badDateUnknownAggregateAndZoneAreAllReportedAtOnce() throws IOException {
    String source =
        SOURCE
            .replace("aggregate = sum", "aggregate = median")
            .replace("Europe/Helsinki", "Mars/Olympus");
    String objective = OBJECTIVE.replace("launched = 2025-02-03", "launched = 2025-02-30");
    ConfigError e = catchError(config("", source, objective));
    assertThat(e.problems())
        .extracting(ConfigProblem::path)
        .contains(
            "socialkpi.sources.orders.metrics.sales.aggregate",
            "socialkpi.sources.orders.time.zone",
            "socialkpi.objectives[0].tactics[0].launched");
    assertThat(e.getMessage())
        .contains("unknown value 'median' (one of sum, count, mean, last, min, max)")
        .contains("unknown time zone 'Mars/Olympus'")
        .contains("'2025-02-30' is not a date");
  }

  @Test
  void reportAndCatalogDefaultsAndTheirMistakes() throws IOException {
    Settings s = SettingsLoader.load(config("", SOURCE, OBJECTIVE));
    assertThat(s.report()).isEqualTo(new ReportSettings(true, 12, 3, null));
    assertThat(s.catalog().enabled()).isFalse();
    assertThat(
            SettingsLoader.load(config("}\n report { stale-after = 10d", SOURCE, OBJECTIVE))
                .report()
                .staleAfter())
        .isEqualTo(java.time.Duration.ofDays(10));

    Path file =
        write(
            "socialkpi {\n sources {"
                + SOURCE
                + "}\n objectives = ["
                + OBJECTIVE
                + "]\n report { max-entities = 0, examples-per-reason = 1.5, stale-after = -3d }\n"
                + " catalog { database = \"my-db; DROP\" }\n}\n");
    ConfigError e = catchError(file);
    assertThat(e.getMessage())
        .contains(
            "socialkpi.report.max-entities: expected at least 1 entity per objective, found 0")
        .contains("socialkpi.report.examples-per-reason: expected a whole number, 0 or more")
        .contains("socialkpi.report.stale-after: expected a positive duration")
        .contains(
            "socialkpi.catalog.database: expected a database name of letters, digits and"
                + " underscores, found 'my-db; DROP'");
  }

  @Test
  void theFactoriesForSourcesBuiltInCodeGiveWhatABlockWithOnlyTheirKeysGives() throws IOException {
    // SourceSpec.of and CsvOptions.of write reference.conf's defaults out in code: they must not
    // drift from what the loader reads.
    String source =
        "fans { path = \"fans.csv\", time.column = day, metrics { fans { column = fans } } }";
    SourceSpec fans = SettingsLoader.load(config("", source, "")).sources().get("fans");
    assertThat(fans.csv()).isEqualTo(CsvOptions.of(',', '.', null, null));
    assertThat(fans)
        .isEqualTo(
            SourceSpec.of(
                "fans",
                dir.resolve("fans.csv").toString(),
                SourceFormat.CSV,
                fans.csv(),
                fans.time(),
                fans.metrics()));
  }

  @Test
  void jobConfigSourceAndMetricDefaultsApplyToEverySource() throws IOException {
    Path file =
        write(
            """
            socialkpi {
              source-defaults {
                time { column = day, zone = "Europe/Helsinki" }
                csv.delimiter = ";"
              }
              metric-defaults { non-negative = true }
              sources {
                fans { path = "fans.csv", metrics { fans { column = fans } } }
                posts {
                  path = "posts.csv"
                  time { column = posted, zone = "UTC" }
                  metrics { likes { column = likes, non-negative = false } }
                }
              }
            }
            """);
    Settings s = SettingsLoader.load(file);
    SourceSpec fans = s.sources().get("fans");
    assertThat(fans.time().column()).isEqualTo("day");
    assertThat(fans.time().zone()).isEqualTo(ZoneId.of("Europe/Helsinki"));
    assertThat(fans.time().pattern()).isEqualTo("yyyy-MM-dd");
    assertThat(fans.csv().delimiter()).isEqualTo(';');
    assertThat(s.metric("fans.fans").orElseThrow().nonNegative()).isTrue();
    SourceSpec posts = s.sources().get("posts");
    assertThat(posts.time().column()).isEqualTo("posted");
    assertThat(posts.time().zone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(s.metric("posts.likes").orElseThrow().nonNegative()).isFalse();
  }

  @Test
  void typosInJobConfigDefaultsAreRejected() throws IOException {
    ConfigError e =
        catchError(
            write(
                """
                socialkpi {
                  source-defaults { time { colum = day } }
                  metric-defaults { non-negativ = true }
                  sources {
                    fans { path = "fans.csv", time.column = day, metrics { fans { column = fans } } }
                  }
                }
                """));
    assertThat(e.getMessage())
        .contains("socialkpi.source-defaults.time.colum: unknown key")
        .contains("socialkpi.metric-defaults.non-negativ: unknown key");
  }

  @Test
  void typosInKeysAreRejected() throws IOException {
    ConfigError e = catchError(config("quarantine-max-fracton = 0.1", SOURCE, OBJECTIVE));
    assertThat(e.getMessage())
        .contains("socialkpi.run.quarantine-max-fracton: unknown key")
        .contains("job.conf:2:");
  }

  @Test
  void wrongTypeIsReportedWithThePath() throws IOException {
    ConfigError e = catchError(config("quarantine-max-fraction = lots", SOURCE, OBJECTIVE));
    assertThat(e.getMessage())
        .contains("socialkpi.run.quarantine-max-fraction")
        .contains("job.conf");
  }

  @Test
  void badPatternAndMissingColumnForSum() throws IOException {
    String source =
        SOURCE
            .replace("yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss qqqqq-{")
            .replace("column = amount, ", "");
    ConfigError e = catchError(config("", source, OBJECTIVE));
    assertThat(e.getMessage())
        .contains("socialkpi.sources.orders.time.pattern")
        .contains("socialkpi.sources.orders.metrics.sales.column: is required for aggregate sum");
  }

  @Test
  void patternLettersSparkCannotReadAreConfigErrors() throws IOException {
    for (String[] bad :
        new String[][] {
          {"uuuu-MM-dd", "uses 'u', which Spark cannot read (use y for the year)"},
          {"YYYY-MM-dd", "uses 'Y', which Spark cannot read (week-based fields: use y, M and d)"},
          {"yyyy-MM-dd EEE", "a day of the week is read only at the start"},
          {"yyyy-MM-dd QQ", "uses 'Q', which Spark cannot read"},
          {"MM-dd", "'MM-dd' has no year (y)"}
        }) {
      ConfigError e =
          catchError(config("", SOURCE.replace("yyyy-MM-dd HH:mm:ss", bad[0]), OBJECTIVE));
      assertThat(e.getMessage())
          .as(bad[0])
          .contains("socialkpi.sources.orders.time.pattern")
          .contains(bad[1]);
    }
    // A leading weekday (X's "Fri, Apr 26, 2024") and quoted letters are fine.
    SettingsLoader.load(
        config("", SOURCE.replace("yyyy-MM-dd HH:mm:ss", "EEE, MMM d, yyyy 'Week' HH"), OBJECTIVE));
    assertThat(new TimeSpec("d", "EEEE, d MMMM yyyy", ZoneId.of("UTC")).readPattern())
        .isEqualTo("d MMMM yyyy");
  }

  @Test
  void perEntityLeadNeedsAnOutcomeWithEntities() throws IOException {
    String global =
        """
        apps {
          path = "apps.csv"
          time { column = at }
          metrics { all { aggregate = count } }
        }
        """;
    String objective = "{ id = hire, outcome = apps.all, lead-indicators = [orders.orders] }";
    ConfigError e = catchError(config("", SOURCE + global, objective));
    assertThat(e.getMessage())
        .contains("socialkpi.objectives[0].outcome")
        .contains("'orders.orders' is per entity");
  }

  @Test
  void missingConfigFileIsAConfigError() {
    assertThatThrownBy(() -> SettingsLoader.load(dir.resolve("nope.conf")))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("nope.conf")
        .hasMessageContaining("no such config file");
  }

  @Test
  void syntaxErrorNamesTheLine() throws IOException {
    Path file = write("socialkpi {\n  run { zone = \n");
    assertThatThrownBy(() -> SettingsLoader.load(file))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("job.conf");
  }

  @Test
  void dateOnlyAndOffsetPatternsAreRecognised() {
    assertThat(new TimeSpec("d", "yyyy-MM-dd", ZoneId.of("UTC")).dateOnly()).isTrue();
    assertThat(new TimeSpec("d", "yyyyMMdd", ZoneId.of("UTC")).dateOnly()).isTrue();
    assertThat(new TimeSpec("d", "dd.MM.yyyy HH:mm", ZoneId.of("UTC")).dateOnly()).isFalse();
    assertThat(new TimeSpec("d", "yyyy-MM-dd'T'HH:mm:ssXXX", ZoneId.of("UTC")).carriesOffset())
        .isTrue();
    assertThat(new TimeSpec("d", "yyyy-MM-dd'T'HH:mm:ss", ZoneId.of("UTC")).carriesOffset())
        .isFalse();
  }

  private static ConfigError catchError(Path file) {
    try {
      SettingsLoader.load(file);
    } catch (ConfigError e) {
      return e;
    }
    throw new AssertionError("expected a ConfigError for " + file);
  }

  @Test
  void leadPolarityControlEntityAndComparisonPeriods() throws IOException {
    String objective =
        OBJECTIVE
            .replace(
                "lead-indicators = [orders.orders]",
                "lead-indicators = [{ metric = orders.orders, polarity = bad }]")
            .replace("lags = [0, 2]", "lags = [0, 2], control-entity = south");
    Path file =
        write(
            "socialkpi {\n sources {"
                + SOURCE
                + "}\n objectives = ["
                + objective
                + "]\n"
                + " analysis.before-after { windows-before = 8, ramp-up-windows = 1, staggered = false }\n}\n");
    Settings s = SettingsLoader.load(file);
    ObjectiveSpec o = s.objectives().get(0);
    assertThat(o.badLeads()).containsExactly("orders.orders");
    assertThat(o.expectedSign("orders.orders")).isEqualTo(-1);
    assertThat(o.controlSeries("north")).isEqualTo("orders.sales@south");
    assertThat(o.controlSeries("south")).isNull();
    assertThat(s.analysis().windowsBefore()).isEqualTo(8);
    assertThat(s.analysis().windowsAfter()).isZero();
    assertThat(s.analysis().rampUpWindows()).isEqualTo(1);
    assertThat(s.analysis().staggered()).isFalse();
  }

  @Test
  void controlAndControlEntityTogetherAndABadPolarityAreErrors() throws IOException {
    String objective =
        OBJECTIVE
            .replace(
                "lead-indicators = [orders.orders]",
                "lead-indicators = [{ metric = orders.orders, polarity = sideways }]")
            .replace(
                "lags = [0, 2]", "lags = [0, 2], control = orders.orders, control-entity = south");
    ConfigError e = catchError(config("", SOURCE, objective));
    assertThat(e.getMessage())
        .contains(
            "socialkpi.objectives[0].control-entity: give either control or control-entity, not both")
        .contains(
            "socialkpi.objectives[0].lead-indicators[0].polarity: expected good or bad, found 'sideways'");
  }
}

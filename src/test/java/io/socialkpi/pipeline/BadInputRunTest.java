package io.socialkpi.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import io.socialkpi.output.Table;
import io.socialkpi.source.BadInputs;
import io.socialkpi.source.InputCheck;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole bad-input corpus in one nightly run, one source per case: the run finishes, and the
 * published {@code data_quality} table accounts for every row ({@code rows_read = rows_accepted +
 * rows_quarantined}), with the {@code quarantine} table holding each quarantined row once, under
 * the reason the case calls for.
 */
class BadInputRunTest {
  @TempDir static Path dir;
  static SparkSession spark;

  /** Source: rows read, accepted, and quarantined rows per reason. */
  record Expected(long read, long accepted, Map<String, Long> reasons) {}

  static final Map<String, Expected> EXPECTED =
      Map.ofEntries(
          Map.entry("header-only", new Expected(0, 0, Map.of())),
          Map.entry("stray", new Expected(4, 2, Map.of("wrong_field_count", 2L))),
          Map.entry("dates", new Expected(8, 2, Map.of("bad_time", 6L))),
          Map.entry("thousands", new Expected(4, 1, Map.of("non_numeric", 3L))),
          Map.entry("european", new Expected(6, 4, Map.of("non_numeric", 2L))),
          Map.entry("latin1", new Expected(4, 2, Map.of("bad_encoding", 2L))),
          Map.entry("long-line", new Expected(3, 2, Map.of("line_too_long", 1L))),
          Map.entry("negative", new Expected(5, 3, Map.of("negative_value", 2L))),
          Map.entry("future", new Expected(4, 2, Map.of("future_time", 2L))),
          Map.entry("future-times", new Expected(4, 2, Map.of("future_time", 2L))),
          Map.entry("copies", new Expected(11, 7, Map.of("duplicate_file", 4L))),
          Map.entry("nul", new Expected(12, 12, Map.of())));

  /** An entity with a NUL character in it (a key separator once), next to its look-alike. */
  static final String NUL_ENTITY = "nor\u0000th";

  @BeforeAll
  static void runTheCorpus() throws Exception {
    spark = SparkTestSession.get();
    BadInputs.copyTo(dir);
    BadInputs.longLine(dir, "long-line.csv", 10 * 1024 * 1024);
    StringBuilder nul = new StringBuilder(BadInputs.HEADER);
    for (int day = 1; day <= 6; day++) {
      for (String entity : List.of(NUL_ENTITY, "north")) {
        nul.append("2024-03-0" + day + "," + entity + "," + (100 + day) + ",10," + day + "\n");
      }
    }
    Files.writeString(dir.resolve("nul-entity.csv"), nul);
    String sources =
        BadInputs.pagesSource("header-only", "header-only.csv", "")
            + BadInputs.pagesSource("stray", "stray-delimiter.csv", "")
            + BadInputs.pagesSource("dates", "mixed-dates.csv", "")
            + BadInputs.pagesSource("thousands", "thousands.csv", "")
            + BadInputs.pagesSource(
                "european",
                "semicolon.csv",
                "csv { delimiter = \";\", decimal-separator = \",\", grouping-separator = \" \" }")
            + BadInputs.pagesSource("latin1", "latin1.csv", "")
            + BadInputs.pagesSource("long-line", "long-line.csv", "")
            + BadInputs.pagesSource("negative", "negative.csv", "")
            + BadInputs.pagesSource("future", "future.csv", "")
            + BadInputs.ordersSource("future-times", "future-times.csv")
            + BadInputs.pagesSource("copies", "dup/pages-*.csv", "")
            + BadInputs.pagesSource("nul", "nul-entity.csv", "");
    String objective =
        "\nsocialkpi.objectives = [{ id = revenue, outcome = negative.revenue,"
            + " lead-indicators = [negative.fans], lags = [0] },"
            + " { id = nul, outcome = nul.revenue, lead-indicators = [nul.fans], lags = [0] }]\n"
            + "socialkpi.report.enabled = false\n";
    Path conf =
        Files.writeString(
            dir.resolve("job.conf"), BadInputs.config("Europe/Helsinki", sources) + objective);
    Settings s = SettingsLoader.load(conf);
    s = s.withRun(s.run().withOutput(dir.resolve("out").toString()));
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    LockedRuns.run(spark, s, InputCheck.check(s), new Progress(quiet));
  }

  static List<Row> table(Table t) {
    return spark
        .read()
        .parquet(dir.resolve("out").resolve(t.tableName()).toString())
        .collectAsList();
  }

  @Test
  void dataQualityAccountsForEveryRowOfEverySource() {
    List<Row> quality = table(Table.DATA_QUALITY);
    assertThat(quality)
        .extracting(r -> r.<String>getAs("source"))
        .hasSameElementsAs(EXPECTED.keySet());
    for (Row q : quality) {
      String source = q.getAs("source");
      Expected e = EXPECTED.get(source);
      long read = q.getAs("rows_read");
      long accepted = q.getAs("rows_accepted");
      long quarantined = q.getAs("rows_quarantined");
      assertThat(read).as(source).isEqualTo(e.read());
      assertThat(accepted).as(source).isEqualTo(e.accepted());
      // rows_quarantined is read - accepted by construction; the quarantine table's rows of the
      // source, counted on their own, are what shows that no row was lost.
      assertThat(
              table(Table.QUARANTINE).stream()
                  .filter(r -> source.equals(r.getAs("source")))
                  .count())
          .as(source)
          .isEqualTo(read - accepted);
      assertThat(q.<Double>getAs("quarantined_fraction"))
          .as(source)
          .isEqualTo(read == 0 ? 0.0 : (double) quarantined / read);
    }
  }

  @Test
  void theQuarantineTableHoldsEachRowOnceUnderItsReason() {
    Map<String, Map<String, Long>> reasons = new TreeMap<>();
    for (Row r : table(Table.QUARANTINE)) {
      reasons
          .computeIfAbsent(r.getAs("source"), k -> new TreeMap<>())
          .merge(r.getAs("reason"), 1L, Long::sum);
    }
    for (var e : EXPECTED.entrySet()) {
      assertThat(reasons.getOrDefault(e.getKey(), Map.of()))
          .as(e.getKey())
          .isEqualTo(e.getValue().reasons());
    }
  }

  @Test
  void everySourceWithAcceptedRowsHasWindowMetricsAndTheEmptyOneNone() {
    Map<String, Long> cells = new TreeMap<>();
    for (Row r : table(Table.WINDOW_METRICS)) {
      cells.merge(r.getAs("source"), 1L, Long::sum);
    }
    assertThat(cells).doesNotContainKey("header-only");
    assertThat(cells.keySet()).hasSize(EXPECTED.size() - 1);
  }

  @Test
  void aNulCharacterInAnEntityIsAnEntityOfItsOwnThroughTheEvidence() {
    Map<String, Long> windows = new TreeMap<>();
    for (Row r : table(Table.WINDOW_METRICS)) {
      if ("nul".equals(r.getAs("source")) && "nul.fans".equals(r.getAs("metric"))) {
        windows.merge(r.getAs("entity"), 1L, Long::sum);
      }
    }
    assertThat(windows.keySet()).containsExactlyInAnyOrder(NUL_ENTITY, "north");
    assertThat(windows.get(NUL_ENTITY)).isEqualTo(windows.get("north"));
    assertThat(table(Table.OBJECTIVE_SUMMARY))
        .filteredOn(r -> "nul".equals(r.getAs("objective_id")))
        .extracting(r -> r.<String>getAs("entity"))
        .containsExactlyInAnyOrder(NUL_ENTITY, "north");
  }
}

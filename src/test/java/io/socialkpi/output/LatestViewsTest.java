package io.socialkpi.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code _latest} views show the newest complete run only: not a newer run stopped by the
 * data-quality gate, not a newer date without a manifest (being published, or died half-way).
 */
class LatestViewsTest {
  static final String DB = "socialkpi_latest_test";
  static final LocalDate D1 = LocalDate.of(2025, 1, 1);
  static final LocalDate D2 = LocalDate.of(2025, 1, 2);
  static final LocalDate D3 = LocalDate.of(2025, 1, 3);
  static final LocalDate D4 = LocalDate.of(2025, 1, 4);
  static SparkSession spark;
  @TempDir Path out;
  final List<String> log = new ArrayList<>();

  @BeforeAll
  static void start() {
    spark = SparkTestSession.get();
  }

  @AfterEach
  void drop() {
    spark.sql("DROP DATABASE IF EXISTS " + DB + " CASCADE");
    for (Table t : Table.values()) {
      spark.catalog().dropTempView(LatestViews.viewName(t));
    }
  }

  /** Publishes a run whose every row names it; {@code tables} are the ones it writes. */
  RunWriter publish(LocalDate date, String run, Table... tables) {
    RunWriter writer = new RunWriter(out.toString(), date, new Configuration());
    for (Table t : tables.length == 0 ? Table.values() : tables) {
      writer.stageRows(t, spark.sql("SELECT '" + run + "' AS run"), 1);
    }
    writer.publish();
    return writer;
  }

  /** D2 complete; D3 stopped by the data-quality gate; D4 published but its manifest gone. */
  void fourRuns(boolean register) throws Exception {
    for (Object[] r :
        new Object[][] {
          {D1, "one", new Table[0]},
          {D2, "two", new Table[0]},
          {D3, "stopped", new Table[] {Table.DATA_QUALITY, Table.RUN_INFO, Table.QUARANTINE}},
          {D4, "half", new Table[0]}
        }) {
      RunWriter w = publish((LocalDate) r[0], (String) r[1], (Table[]) r[2]);
      if (r[0] == D4) {
        Files.delete(out.resolve("_runs/run_date=" + D4 + ".json"));
      }
      if (register) {
        CatalogTables.register(spark, DB, w, log::add);
      }
    }
  }

  List<String> runs(String view) {
    return spark
        .sql("SELECT DISTINCT run, CAST(run_date AS STRING) FROM " + view)
        .collectAsList()
        .stream()
        .map(r -> r.getString(0) + "@" + r.getString(1))
        .toList();
  }

  @Test
  void temporaryViewsShowTheNewestCompleteRunOnly() throws Exception {
    fourRuns(false);
    assertThat(LatestViews.registerTemporary(spark, out.toString()).orElseThrow().runDate())
        .isEqualTo(D2);
    for (Table t : Table.values()) {
      assertThat(runs(LatestViews.viewName(t))).containsExactly("two@" + D2);
    }
  }

  @Test
  void catalogViewsShowTheNewestCompleteRunOnly() throws Exception {
    fourRuns(true);
    for (Table t : Table.values()) {
      assertThat(runs(DB + "." + LatestViews.viewName(t))).containsExactly("two@" + D2);
    }
    // The table itself has every registered run; the view narrows it.
    List<Row> all = spark.sql("SELECT DISTINCT run FROM " + DB + ".data_quality").collectAsList();
    assertThat(all).hasSize(4);
    assertThat(log).anyMatch(l -> l.contains(DB + ".window_metrics_latest (run " + D2 + ")"));
  }

  /** Retention drops the deleted dates' partitions from the catalog; the views still work. */
  @Test
  void runsDeletedByRetentionLeaveTheCatalog() throws Exception {
    fourRuns(true);
    List<LocalDate> deleted =
        Retention.apply(
            out.toString(), D4, 1, java.time.Duration.ofMinutes(10), new Configuration(), log::add);
    assertThat(deleted).containsExactly(D1);
    CatalogTables.dropPartitions(spark, DB, deleted);
    assertThat(
            spark.sql("SHOW PARTITIONS " + DB + ".data_quality").collectAsList().stream()
                .map(r -> r.getString(0))
                .toList())
        .containsExactly("run_date=" + D2, "run_date=" + D3, "run_date=" + D4);
    assertThat(runs(DB + ".data_quality_latest")).containsExactly("two@" + D2);
  }

  /**
   * A rerun of the date the catalog's views show replaces its partitions one by one: while it
   * publishes, the views show the newest other complete run, never a mix of the date's two runs
   * (they kept showing the date, old and new tables side by side).
   */
  @Test
  void catalogViewsLeaveADateWhileItsRerunPublishes() {
    CatalogTables.register(spark, DB, publish(D1, "one"), log::add);
    CatalogTables.register(spark, DB, publish(D2, "two"), log::add);
    RunWriter rerun = new RunWriter(out.toString(), D2, new Configuration());
    for (Table t : Table.values()) {
      rerun.stageRows(t, spark.sql("SELECT 'rerun' AS run"), 1);
    }
    List<String> during = new ArrayList<>();
    rerun.publish(
        () -> {
          CatalogTables.withdraw(spark, DB, rerun, log::add);
          for (Table t : Table.values()) {
            during.addAll(runs(DB + "." + LatestViews.viewName(t)));
          }
        });
    assertThat(during).containsOnly("one@" + D1).hasSize(Table.values().length);
    CatalogTables.register(spark, DB, rerun, log::add);
    for (Table t : Table.values()) {
      assertThat(runs(DB + "." + LatestViews.viewName(t))).containsExactly("rerun@" + D2);
    }
    // With no other complete run, the views are dropped while the only one is replaced.
    spark.sql("DROP DATABASE IF EXISTS " + DB + " CASCADE");
    CatalogTables.register(spark, DB, rerun, log::add);
    Retention.apply(
        out.toString(), D2, 1, java.time.Duration.ofMinutes(10), new Configuration(), log::add);
    RunWriter again = new RunWriter(out.toString(), D2, new Configuration());
    again.stageRows(Table.DATA_QUALITY, spark.sql("SELECT 'again' AS run"), 1);
    List<Boolean> exists = new ArrayList<>();
    again.publish(
        () -> {
          CatalogTables.withdraw(spark, DB, again, log::add);
          exists.add(CatalogTables.exists(spark, DB, LatestViews.viewName(Table.DATA_QUALITY)));
        });
    assertThat(exists).containsExactly(false);
  }

  @Test
  void withoutACompleteRunThereIsNoView() {
    publish(D1, "stopped", Table.DATA_QUALITY);
    assertThat(LatestViews.registerTemporary(spark, out.toString())).isEmpty();
    assertThat(spark.catalog().tableExists(LatestViews.viewName(Table.DATA_QUALITY))).isFalse();
  }
}

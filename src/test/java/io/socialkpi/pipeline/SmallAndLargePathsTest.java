package io.socialkpi.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import io.socialkpi.generate.GeneratorOptions;
import io.socialkpi.generate.SyntheticCompany;
import io.socialkpi.output.Table;
import io.socialkpi.source.BadInputs;
import io.socialkpi.source.InputCheck;
import io.socialkpi.source.SourceLayout;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same input run as small (results held on the driver, sources scanned concurrently) and as
 * large (results persisted by Spark, one source at a time) publishes the same tables.
 */
class SmallAndLargePathsTest {
  static final LocalDate RUN_DATE = LocalDate.of(2026, 1, 1);
  @TempDir static Path dir;
  static SparkSession spark;

  @BeforeAll
  static void runBoth() throws Exception {
    spark = SparkTestSession.get();
    SyntheticCompany.generate(
        dir.resolve("data"), GeneratorOptions.defaults().withDays(120).withEntities(3));
    runBoth(SettingsLoader.load(dir.resolve("data/socialkpi.conf")), "");
    BadInputs.copyTo(dir.resolve("bad"));
    String sources =
        BadInputs.pagesSource("stray", "stray-delimiter.csv", "")
            + BadInputs.pagesSource("dates", "mixed-dates.csv", "")
            + BadInputs.pagesSource("thousands", "thousands.csv", "")
            + BadInputs.pagesSource(
                "european",
                "semicolon.csv",
                "csv { delimiter = \";\", decimal-separator = \",\", grouping-separator = \" \" }")
            + BadInputs.pagesSource("latin1", "latin1.csv", "")
            + BadInputs.pagesSource("negative", "negative.csv", "")
            + BadInputs.pagesSource("future", "future.csv", "")
            + BadInputs.ordersSource("future-times", "future-times.csv")
            + BadInputs.pagesSource("copies", "dup/pages-*.csv", "");
    String objective =
        "\nsocialkpi.objectives = [{ id = revenue, outcome = negative.revenue,"
            + " lead-indicators = [negative.fans, stray.fans], lags = [0, 1] }]\n"
            + "socialkpi.report.enabled = false\n";
    Path conf =
        Files.writeString(
            dir.resolve("bad/job.conf"), BadInputs.config("Europe/Helsinki", sources) + objective);
    runBoth(SettingsLoader.load(conf), "bad-");
  }

  /**
   * As small, with the settings a small run starts Spark with; then as large, with the tests'
   * session but a large run's generated code (the tests' session interprets expressions, as a small
   * run does).
   */
  static void runBoth(Settings s, String prefix) {
    s = s.withRun(s.run().withRunDate(RUN_DATE));
    Map<String, SourceLayout> small = InputCheck.check(s);
    assertThat(DataSizing.of(small.values()).small()).isTrue();
    Map<String, SourceLayout> large = new LinkedHashMap<>();
    small.forEach(
        (k, l) ->
            large.put(
                k,
                new SourceLayout(
                    l.source(),
                    l.files(),
                    l.header(),
                    l.duplicates(),
                    l.bytes() + DataSizing.SMALL_INPUT_BYTES)));
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    Settings smallRun = s.withRun(s.run().withOutput(dir.resolve(prefix + "small").toString()));
    withConf(
        DataSizing.of(small.values()).sparkDefaults(),
        () -> LockedRuns.run(spark, smallRun, small, new Progress(quiet)));
    Map<String, String> codegen = new LinkedHashMap<>();
    DataSizing.of(large.values())
        .sparkDefaults()
        .forEach(
            (k, v) -> {
              if (k.startsWith("spark.sql.codegen.")) {
                codegen.put(k, v);
              }
            });
    assertThat(codegen).containsEntry("spark.sql.codegen.wholeStage", "true");
    Settings largeRun = s.withRun(s.run().withOutput(dir.resolve(prefix + "large").toString()));
    withConf(codegen, () -> LockedRuns.run(spark, largeRun, large, new Progress(quiet)));
  }

  /** Runs {@code run} with {@code conf} set on the session, then puts back what was there. */
  static void withConf(Map<String, String> conf, Runnable run) {
    Map<String, String> before = new LinkedHashMap<>();
    conf.keySet().forEach(k -> before.put(k, spark.conf().get(k, null)));
    try {
      conf.forEach((k, v) -> spark.conf().set(k, v));
      run.run();
    } finally {
      before.forEach(
          (k, v) -> {
            if (v == null) {
              spark.conf().unset(k);
            } else {
              spark.conf().set(k, v);
            }
          });
    }
  }

  static Dataset<Row> table(String run, Table t) {
    return spark.read().parquet(dir.resolve(run).resolve(t.tableName()).toString());
  }

  @Test
  void everyTableIsTheSameHeldOnTheDriverOrBySpark() {
    sameTables("");
  }

  @Test
  void theBadInputCorpusGivesTheSameTablesHeldOnTheDriverOrBySpark() {
    sameTables("bad-");
  }

  static void sameTables(String prefix) {
    for (Table t : List.of(Table.values())) {
      if (t == Table.RUN_INFO) {
        continue;
      }
      Dataset<Row> small = table(prefix + "small", t);
      Dataset<Row> large = table(prefix + "large", t);
      assertThat(small.schema()).as(t.tableName()).isEqualTo(large.schema());
      List<Row> a = sorted(small);
      List<Row> b = sorted(large);
      assertThat(a).as(t.tableName()).hasSameSizeAs(b);
      for (int r = 0; r < a.size(); r++) {
        for (int f = 0; f < small.schema().size(); f++) {
          String where = t.tableName() + " row " + a.get(r) + " vs " + b.get(r) + " column " + f;
          same(a.get(r).get(f), b.get(r).get(f), where);
        }
      }
    }
  }

  /** Equal, but doubles (also nested) only to 1e-9: sums of doubles depend on partitioning. */
  static void same(Object x, Object y, String where) {
    if (x instanceof Double dx && y instanceof Double dy) {
      if (!dx.equals(dy)) {
        assertThat(dx).as(where).isCloseTo(dy, within(1e-9 * Math.max(1, Math.abs(dy))));
      }
    } else if (x instanceof scala.collection.Seq<?> sx && y instanceof scala.collection.Seq<?> sy) {
      assertThat(sx.size()).as(where).isEqualTo(sy.size());
      for (int i = 0; i < sx.size(); i++) {
        same(sx.apply(i), sy.apply(i), where);
      }
    } else if (x instanceof Row rx && y instanceof Row ry) {
      assertThat(rx.size()).as(where).isEqualTo(ry.size());
      for (int i = 0; i < rx.size(); i++) {
        same(rx.get(i), ry.get(i), where);
      }
    } else {
      assertThat(x).as(where).isEqualTo(y);
    }
  }

  static List<Row> sorted(Dataset<Row> rows) {
    List<Column> keys = new ArrayList<>();
    List<Column> doubles = new ArrayList<>();
    for (StructField f : rows.schema().fields()) {
      (f.dataType() == DataTypes.DoubleType ? doubles : keys).add(col(f.name()));
    }
    keys.addAll(doubles);
    return rows.orderBy(keys.toArray(new Column[0])).collectAsList();
  }
}

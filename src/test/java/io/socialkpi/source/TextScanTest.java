package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import io.socialkpi.config.SourceFormat;
import io.socialkpi.config.SourceSpec;
import io.socialkpi.generate.GeneratorOptions;
import io.socialkpi.generate.SyntheticCompany;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiled scan of text sources ({@link TextScan}) gives the same groups, row for row, as the
 * Spark-expression scan ({@link SourceScan#expressionGroups}) that Parquet sources still take:
 * accepted windows with their values, counts and time ranges, and every quarantined line with its
 * reason, detail, text and place. Run over generated data, the whole bad-input corpus and
 * duplicate-heavy files written here; sums may differ in the last bits (another order of addition),
 * everything else is equal.
 */
class TextScanTest {
  @TempDir static Path dir;
  static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.get();
  }

  @Test
  void generatedExportsGiveTheSameGroups() throws Exception {
    SyntheticCompany.generate(
        dir.resolve("data"), GeneratorOptions.defaults().withDays(90).withEntities(3));
    int compared = sameGroups(SettingsLoader.load(dir.resolve("data/socialkpi.conf")));
    assertThat(compared).isGreaterThanOrEqualTo(6);
  }

  @Test
  void theBadInputCorpusGivesTheSameGroups() throws Exception {
    BadInputs.copyTo(dir.resolve("bad"));
    BadInputs.longLine(dir.resolve("bad"), "long-line.csv", 2_000_000);
    StringBuilder sources = new StringBuilder();
    int n = 0;
    String[][] files = {
      {"header-only.csv", ""},
      {"stray-delimiter.csv", ""},
      {"mixed-dates.csv", ""},
      {"thousands.csv", ""},
      {"thousands.csv", "csv { grouping-separator = \",\" }"},
      {"latin1.csv", ""},
      {"long-line.csv", ""},
      {"negative.csv", ""},
      {"future.csv", ""},
      {"dup/pages-*.csv", ""},
      {"dup/pages-*.csv", "dedupe = false"},
      {"number-suffixes.csv", ""},
      {"json-trailing.jsonl", "format = json"},
      {"quoted-newline.csv", ""},
      {"hashtags.csv", ""},
      {"commented.csv", "csv { comment = \"#\" }"},
      {"placeholder-dates.csv", ""},
      {"placeholder-dates.csv", "time.earliest = \"1850-01-01\""},
    };
    for (String[] file : files) {
      sources.append(BadInputs.pagesSource("p" + n++, file[0], file[1]));
    }
    sources.append(
        BadInputs.pagesSource(
            "european",
            "semicolon.csv",
            "csv { delimiter = \";\", decimal-separator = \",\", grouping-separator = \" \" }"));
    sources.append(BadInputs.ordersSource("orders", "future-times.csv"));
    Path conf =
        Files.writeString(
            dir.resolve("bad/job.conf"), BadInputs.config("Europe/Helsinki", sources.toString()));
    assertThat(sameGroups(SettingsLoader.load(conf))).isEqualTo(n + 2);
  }

  @Test
  void copiesAcrossFilesAndTiesOfLastGiveTheSameGroups() throws Exception {
    Path d = Files.createDirectories(dir.resolve("copies"));
    String header = "date,page,fans,reach\n";
    // Two overlapping exports: the second repeats rows of the first (duplicates), and a tie in
    // time between a row and another row's later copy tests which one `last` keeps.
    Files.writeString(
        d.resolve("pages-1.csv"),
        header
            + "2024-03-01,a,100,5\n2024-03-01,a,101,6\n2024-03-02,b,7,1\n2024-03-01,a,100,5\n"
            + "2024-03-02,,3,1\n2024-03-03,b,x,1\n");
    Files.writeString(
        d.resolve("pages-2.csv"),
        header + "2024-03-01,a,102,7\n2024-03-01,a,100,5\n2024-03-02,b,7,1\n2024-03-03,b,x,1\n");
    String source =
        "copies { path = \""
            + d.resolve("pages-*.csv")
            + "\", time { column = date, pattern = \"yyyy-MM-dd\" }, entity = page,"
            + " metrics { fans { column = fans, aggregate = last },"
            + " reach { column = reach, aggregate = sum }, mean-reach { column = reach,"
            + " aggregate = mean }, rows { aggregate = count } } }\n";
    Path conf = Files.writeString(d.resolve("job.conf"), BadInputs.config("UTC", source));
    assertThat(sameGroups(SettingsLoader.load(conf))).isEqualTo(1);
  }

  @Test
  void aSmallSourceIsScannedInOneTaskWithoutAShuffleALargeOneInOneShuffle() throws Exception {
    Path d = Files.createDirectories(dir.resolve("plans"));
    Files.writeString(d.resolve("pages.csv"), "date,page,fans\n2024-03-01,a,1\n2024-03-01,a,1\n");
    String source =
        "pages { path = \""
            + d.resolve("pages.csv")
            + "\", time { column = date }, entity = page, metrics { fans { column = fans } } }\n";
    Settings s =
        SettingsLoader.load(
            Files.writeString(d.resolve("job.conf"), BadInputs.config("UTC", source)));
    SourceSpec pages = s.sources().get("pages");
    SourceLayout layout = InputCheck.check(s).get("pages");
    String small =
        TextScan.groups(
                spark,
                pages,
                layout,
                s.run(),
                spark.sparkContext().collectionAccumulator(),
                2,
                TextScan.ONE_TASK_BYTES,
                true)
            .rdd()
            .toDebugString();
    assertThat(small).doesNotContain("Shuffle");
    String large =
        TextScan.groups(
                spark,
                pages,
                layout,
                s.run(),
                spark.sparkContext().collectionAccumulator(),
                2,
                -1,
                true)
            .queryExecution()
            .executedPlan()
            .toString();
    // The records' shuffle for the duplicate check happens before the plan (an RDD the plan
    // scans); the plan itself has only the merge of the partial groups.
    assertThat(large.split("Exchange hashpartitioning", -1)).as(large).hasSize(2);
  }

  /** Compares both scans on every text source of the settings; returns how many were compared. */
  static int sameGroups(Settings s) {
    Map<String, SourceLayout> layouts = InputCheck.check(s);
    int compared = 0;
    for (Map.Entry<String, SourceSpec> e : s.sources().entrySet()) {
      SourceSpec source = e.getValue();
      if (source.format() == SourceFormat.PARQUET) {
        continue;
      }
      SourceLayout layout = layouts.get(e.getKey());
      CollectionAccumulator<SplitLines> b = spark.sparkContext().collectionAccumulator();
      List<Row> expressions =
          SourceScan.expressionGroups(spark, source, layout, s.run(), b).collectAsList();
      // Both ways of the compiled scan: in one task, and shuffled to two partitions (a source
      // with overlap.keep = newest takes the compiled scan in one task only).
      long[] ways =
          source.overlap().newest() ? new long[] {Long.MAX_VALUE} : new long[] {Long.MAX_VALUE, -1};
      for (long oneTask : ways) {
        CollectionAccumulator<SplitLines> a = spark.sparkContext().collectionAccumulator();
        List<Row> compiled =
            TextScan.groups(spark, source, layout, s.run(), a, 2, oneTask, true).collectAsList();
        String as = source.name() + (oneTask < 0 ? " shuffled" : " in one task");
        assertThat(compiled).as(as).hasSameSizeAs(expressions);
        assertThat(sameRows(compiled)).as(as).isEqualTo(sameRows(expressions));
        assertThat(a.value()).as(as).containsExactlyInAnyOrderElementsOf(b.value());
      }
      compared++;
    }
    return compared;
  }

  /** Each row as its columns by name, values rounded to 12 significant digits, sorted. */
  static List<String> sameRows(List<Row> rows) {
    List<String> out = new ArrayList<>();
    for (Row r : rows) {
      Map<String, String> m = new TreeMap<>();
      for (int i = 0; i < r.size(); i++) {
        Object v = r.get(i);
        m.put(
            r.schema().fields()[i].name(),
            v instanceof Double d ? String.format("%.12g", d) : String.valueOf(v));
      }
      out.add(m.toString());
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }
}

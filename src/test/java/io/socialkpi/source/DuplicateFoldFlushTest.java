package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import io.socialkpi.config.SourceSpec;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * More than {@link DuplicateFold#MAX_GROUPS} groups in one partition: partial groups are flushed
 * and merged by Spark; the merge must give what one pass gives (last, mean, count, min/max, time
 * ranges), shuffled with the duplicate check and without it (review rev13).
 */
class DuplicateFoldFlushTest {
  @TempDir Path dir;

  /** Slow (660k lines, minutes on a busy 2-core machine): run with -Drev13.slow=true. */
  @Test
  @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "rev13.slow", matches = "true")
  void flushedPartialGroupsMergeToTheExpressionGroups() throws Exception {
    Path file = dir.resolve("pages.csv");
    int entities = DuplicateFold.MAX_GROUPS + 20_000;
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      w.write("ts,page,fans\n");
      for (int round = 0; round < 3; round++) {
        for (int e = 0; e < entities; e++) {
          // Ties in time for `last` (round 1 and 2 share the instant), a copy in round 2 of
          // every 7th entity's round-1 line.
          String ts = round == 0 ? "2024-03-01 09:00:00" : "2024-03-01 10:00:00";
          int value = (round == 2 && e % 7 == 0) ? e + 1 : e * 3 + round;
          w.write(ts + ",e" + e + "," + value + "\n");
        }
      }
    }
    for (String dedupe : new String[] {"true", "false"}) {
      String source =
          "pages { path = \""
              + file
              + "\", dedupe = "
              + dedupe
              + ", time { column = ts, pattern = \"yyyy-MM-dd HH:mm:ss\" }, entity = page,"
              + " metrics { l { column = fans, aggregate = last },"
              + " m { column = fans, aggregate = mean }, n { aggregate = count },"
              + " lo { column = fans, aggregate = min }, hi { column = fans, aggregate = max } } }\n";
      Settings s =
          SettingsLoader.load(
              Files.writeString(dir.resolve("job.conf"), BadInputs.config("UTC", source)));
      SparkSession spark = SparkTestSession.get();
      SourceSpec pages = s.sources().get("pages");
      Map<String, SourceLayout> layouts = InputCheck.check(s);
      List<Row> expressions =
          SourceScan.expressionGroups(
                  spark,
                  pages,
                  layouts.get("pages"),
                  s.run(),
                  spark.sparkContext().collectionAccumulator())
              .collectAsList();
      // One partition for the duplicate check: all groups in one DuplicateFold, flushed.
      List<Row> compiled =
          TextScan.groups(
                  spark,
                  pages,
                  layouts.get("pages"),
                  s.run(),
                  spark.sparkContext().collectionAccumulator(),
                  1,
                  -1,
                  true)
              .collectAsList();
      assertThat(compiled).as("dedupe " + dedupe).hasSameSizeAs(expressions);
      assertThat(TextScanTest.sameRows(compiled))
          .as("dedupe " + dedupe)
          .isEqualTo(TextScanTest.sameRows(expressions));
    }
  }
}

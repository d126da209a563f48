package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV sources read in Hadoop splits (review rev13): whatever the split size, a scan must give the
 * quarantine table (line numbers included), window values and accounting of a whole-file read.
 */
class SplitAttackTest {
  static SparkSession spark;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.get();
  }

  @AfterEach
  void resetSplitSize() {
    spark
        .sparkContext()
        .hadoopConfiguration()
        .unset("mapreduce.input.fileinputformat.split.maxsize");
  }

  SourceScan scan(String source, long splitSize) throws Exception {
    if (splitSize > 0) {
      spark
          .sparkContext()
          .hadoopConfiguration()
          .setLong("mapreduce.input.fileinputformat.split.maxsize", splitSize);
    } else {
      spark
          .sparkContext()
          .hadoopConfiguration()
          .unset("mapreduce.input.fileinputformat.split.maxsize");
    }
    Files.writeString(dir.resolve("job.conf"), BadInputs.config("UTC", source));
    Settings s = SettingsLoader.load(dir.resolve("job.conf"));
    String name = s.sources().keySet().iterator().next();
    return SourceScan.run(spark, s.sources().get(name), InputCheck.check(s).get(name), s.run());
  }

  static List<String> rows(SourceScan scan) {
    List<String> out = new ArrayList<>();
    for (Row r : scan.quarantine().collectAsList()) {
      out.add("Q " + r.mkString("|"));
    }
    for (Row r : scan.windowValues().collectAsList()) {
      out.add("V " + r.mkString("|"));
    }
    out.add("quality " + scan.quality());
    out.sort(null);
    return out;
  }

  /**
   * DEFECT (low): the header is "the first line of the file that is not a comment", but only the
   * first split looks for it. When comment lines fill the first split, the next split reads the
   * header as a data row: it is quarantined (bad_time), and counted as a row read.
   */
  @Test
  void commentsLongerThanTheFirstSplitPushTheHeaderIntoTheNextSplit() throws Exception {
    String comments = "# exported by a tool that writes a long preamble before its header\n";
    Files.writeString(
        dir.resolve("c.csv"),
        comments
            + comments
            + BadInputs.HEADER
            + "2024-03-01,north,100,10,1.5\n2024-03-02,north,101,11,2.5\n");
    String source =
        BadInputs.pagesSource("pages", dir.resolve("c.csv").toString(), "csv { comment = \"#\" }");
    List<String> whole = rows(scan(source, 0));
    List<String> split = rows(scan(source, 64));
    assertThat(split).isEqualTo(whole);
  }

  /** Random files of quoted line breaks, comments, blank and bad lines, many split sizes. */
  @Test
  void randomQuotedLineBreaksAtEverySplitSize() throws Exception {
    Random random = new Random(13);
    for (int file = 0; file < 6; file++) {
      StringBuilder csv = new StringBuilder();
      if (file % 2 == 0) {
        csv.append("# preamble\n");
      }
      csv.append("date,region,fans,engaged_users,revenue,note\n");
      for (int i = 0; i < 60; i++) {
        String date = "2024-03-" + String.format("%02d", 1 + random.nextInt(28));
        String region = random.nextBoolean() ? "north" : "south";
        int kind = random.nextInt(10);
        String note =
            switch (kind) {
              case 0 -> "\"two\nlines\"";
              case 1 -> "\"three\n\"\"quoted\"\" \nlines\"";
              case 2 -> "\"a, \"\"b\"\"\"";
              case 3 -> "\"open and never closed";
              case 4 -> "\"\n# a comment-like line inside\n2024-03-01,north,1,1,1,x\n\"";
              default -> "ok";
            };
        if (kind == 5) {
          csv.append("# a comment\n");
        }
        if (kind == 6) {
          csv.append("\n");
        }
        csv.append(date)
            .append(',')
            .append(region)
            .append(',')
            .append(random.nextInt(100))
            .append(',')
            .append(random.nextInt(10))
            .append(',')
            .append(random.nextInt(5))
            .append(',')
            .append(note)
            .append('\n');
        if (kind == 7) {
          csv.append(date).append(",north,1,1,1,ok\n").append(date).append(",north,1,1,1,ok\n");
        }
      }
      Files.writeString(dir.resolve("r" + file + ".csv"), csv.toString());
    }
    // The six files as one source: one scan per split size, every file split at each.
    String source =
        BadInputs.pagesSource("pages", dir.resolve("r*.csv").toString(), "csv { comment = \"#\" }");
    List<String> whole = rows(scan(source, 0));
    assertThat(whole).anyMatch(r -> r.startsWith("Q ")).anyMatch(r -> r.startsWith("V "));
    for (long size : new long[] {23, 57, 101, 256, 700}) {
      assertThat(rows(scan(source, size))).as("split size %d", size).isEqualTo(whole);
    }
  }
}

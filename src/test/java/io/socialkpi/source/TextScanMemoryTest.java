package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source's records are held whole in one task's memory only where the files' size on disk bounds
 * them: never for compressed files (review of issue 13).
 */
class TextScanMemoryTest {
  @TempDir Path dir;

  /**
   * A gzip file of a few KB holding 40,000 lines: its size on disk says nothing of its records in
   * memory (the review made a 150 KB file of 12M lines run a 4 GB heap out of memory when such a
   * file was scanned in one task with its records in memory). Compressed sources are shuffled by
   * fingerprint, where a partition that outgrows its memory budget spills ({@link HashedCopies}).
   */
  @Test
  void aCompressedSourceIsShuffledNotScannedInOneTask() throws Exception {
    Path file = gz(dir.resolve("pages.csv.gz"), 40_000);
    Settings s = settings(file);
    SparkSession spark = SparkTestSession.get();
    SourceLayout layout = InputCheck.check(s).get("pages");
    assertThat(layout.bytes()).isLessThan(TextScan.ONE_TASK_BYTES);
    assertThat(TextScan.compressed(spark, layout)).isTrue();
    Dataset<Row> groups =
        TextScan.groups(
            spark,
            s.sources().get("pages"),
            layout,
            s.run(),
            spark.sparkContext().collectionAccumulator(),
            2,
            TextScan.ONE_TASK_BYTES,
            true);
    assertThat(groups.rdd().toDebugString()).contains("Shuffle");
    List<Row> rows = groups.collectAsList();
    long accepted = rows.stream().filter(r -> r.<Boolean>getAs(SourceScan.ACCEPTED)).count();
    long copies =
        rows.stream()
            .filter(r -> QuarantineReason.DUPLICATE.code().equals(r.getAs("reason")))
            .count();
    assertThat(accepted).isEqualTo(1);
    assertThat(copies).isEqualTo(39_999);
  }

  private Settings settings(Path file) throws Exception {
    String source =
        "pages { path = \""
            + file
            + "\", time { column = date }, entity = page, metrics { fans { column = fans } } }\n";
    return SettingsLoader.load(
        Files.writeString(dir.resolve("job.conf"), BadInputs.config("UTC", source)));
  }

  private static Path gz(Path file, int lines) throws Exception {
    byte[] line = "2024-03-01,a,1\n".getBytes(StandardCharsets.UTF_8);
    byte[] block = new byte[line.length * 10_000];
    for (int i = 0; i < 10_000; i++) {
      System.arraycopy(line, 0, block, i * line.length, line.length);
    }
    // The file holds lines / 10,000 blocks of 10,000 copies of one line.
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("date,page,fans\n".getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < lines / 10_000; i++) {
        out.write(block);
      }
    }
    return file;
  }
}

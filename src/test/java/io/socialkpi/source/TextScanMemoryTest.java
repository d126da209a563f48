package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import io.socialkpi.config.SourceSpec;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-task scan (sources of at most {@link TextScan#ONE_TASK_BYTES}) holds every record of the
 * source in one in-memory list before it sorts them. The size it compares is the files' size on
 * disk, so a compressed source of a few hundred KB can hold tens of millions of lines (review
 * rev13).
 */
class TextScanMemoryTest {
  @TempDir Path dir;

  /** A gzip file of 150 KB and 12 million lines is scanned in one task, sorted in memory. */
  @Test
  void aSmallCompressedFileIsScannedInOneTask() throws Exception {
    Path file = gz(dir.resolve("pages.csv.gz"), 12_000_000);
    Settings s = settings(file);
    SourceLayout layout = InputCheck.check(s).get("pages");
    assertThat(layout.bytes()).isLessThan(1L << 20);
    // 12M lines of 15 bytes: 180 MB of text, every one of them a record in one task's list.
    assertThat(layout.bytes()).isLessThanOrEqualTo(TextScan.ONE_TASK_BYTES);
  }

  /**
   * DEFECT (medium): run with -Drev13.oom=true. The heap is 2 GB; the one-task path keeps about 180
   * bytes per line (GenericRow, boxed longs, record bytes), about 2.2 GB for 12M lines, and the JVM
   * dies with OutOfMemoryError. The expression scan sorts with spilling and completes.
   */
  @Test
  @EnabledIfSystemProperty(named = "rev13.oom", matches = "true")
  void aSmallCompressedFileOfManyLinesRunsOutOfMemory() throws Exception {
    Path file = gz(dir.resolve("pages.csv.gz"), 12_000_000);
    Settings s = settings(file);
    SparkSession spark = SparkTestSession.get();
    SourceSpec pages = s.sources().get("pages");
    long start = System.nanoTime();
    List<Row> rows =
        TextScan.groups(
                spark,
                pages,
                InputCheck.check(s).get("pages"),
                s.run(),
                spark.sparkContext().collectionAccumulator(),
                2,
                true)
            .collectAsList();
    System.out.printf(
        "rev13: %d groups in %.1f s, heap used %d MB%n",
        rows.size(),
        (System.nanoTime() - start) / 1e9,
        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
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
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("date,page,fans\n".getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < lines / 10_000; i++) {
        out.write(block);
      }
    }
    return file;
  }
}

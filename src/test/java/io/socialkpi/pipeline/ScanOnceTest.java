package io.socialkpi.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.ReportSettings;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import io.socialkpi.generate.GeneratorOptions;
import io.socialkpi.generate.SyntheticCompany;
import io.socialkpi.source.InputCheck;
import io.socialkpi.source.SourceLayout;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each raw source is read exactly once per run: the bytes read from the local file system over a
 * whole run (report off, so no published table is read back) equal the bytes of the input files. A
 * second scan of any source, or a re-read of the raw rows for the quarantine table, would add that
 * file's size again.
 */
class ScanOnceTest {
  @TempDir Path dir;

  @Test
  void tasksReadEveryInputByteOnceOverARun() throws Exception {
    SparkSession spark = SparkTestSession.get();
    Path data = dir.resolve("data");
    SyntheticCompany.generate(
        data, GeneratorOptions.defaults().withDays(120).withEntities(3).withVolume(2));
    Settings s = SettingsLoader.load(data.resolve("socialkpi.conf"));
    s =
        s.withRun(
            s.run()
                .withOutput(dir.resolve("out").toString())
                .withRunDate(LocalDate.of(2026, 1, 1)));
    s =
        s.withReport(
            new ReportSettings(
                false, s.report().maxEntities(), s.report().examplesPerReason(), null));
    Map<String, SourceLayout> layouts = InputCheck.check(s);
    long inputBytes = 0;
    for (SourceLayout layout : layouts.values()) {
      for (String file : layout.files()) {
        inputBytes += Files.size(Path.of(URI.create(file)));
      }
    }

    long before = localBytesRead();
    LockedRuns.run(spark, s, layouts, new Progress(new PrintStream(new ByteArrayOutputStream())));
    long bytesRead = localBytesRead() - before;
    assertThat(inputBytes).isGreaterThan(100_000);
    assertThat((double) bytesRead).isCloseTo((double) inputBytes, within(0.01 * inputBytes));
  }

  /**
   * Bytes read through Hadoop's local file system by every thread of this JVM (Spark's tasks run
   * here in local mode). Reads of cached blocks and shuffle files do not go through it.
   */
  @SuppressWarnings("deprecation")
  private static long localBytesRead() {
    return FileSystem.getAllStatistics().stream()
        .filter(st -> st.getScheme().equals("file"))
        .mapToLong(FileSystem.Statistics::getBytesRead)
        .sum();
  }
}

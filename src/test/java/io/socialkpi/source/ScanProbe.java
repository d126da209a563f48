package io.socialkpi.source;

import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import io.socialkpi.config.SourceSpec;
import io.socialkpi.pipeline.SparkSessions;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Profiling aid behind PERFORMANCE.md's warm-scan measurements: runs {@link SourceScan} alone for
 * every source of a config (or those named), several rounds in one JVM, and prints each source's
 * seconds, rows and quarantined rows per round, so that a change to the scan can be compared on
 * warm rounds without the rest of the pipeline. Run with the benchmark's classpath: {@code java ...
 * io.socialkpi.source.ScanProbe CONFIG [ROUNDS] [SOURCE,SOURCE]}.
 */
public final class ScanProbe {
  public static void main(String[] args) throws Exception {
    Settings settings = SettingsLoader.load(Path.of(args[0]));
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    String only = args.length > 2 ? args[2] : null;
    Map<String, SourceLayout> layouts = InputCheck.check(settings);
    SparkSession spark = SparkSessions.start(settings.spark());
    for (int r = 0; r < rounds; r++) {
      double total = 0;
      StringBuilder sb = new StringBuilder();
      for (SourceSpec s : settings.sources().values()) {
        if (only != null && !only.contains(s.name())) continue;
        long t0 = System.nanoTime();
        SourceScan scan = SourceScan.run(spark, s, layouts.get(s.name()), settings.run());
        SourceQuality q = scan.quality();
        long dups = scan.rejectedRows().count();
        double sec = (System.nanoTime() - t0) / 1e9;
        total += sec;
        sb.append(String.format(" %s=%.1f(%d,q%d)", s.name(), sec, q.rowsRead(), dups));
        scan.release();
      }
      System.out.printf("round %d total %.1f s:%s%n", r, total, sb);
    }
    spark.stop();
  }
}

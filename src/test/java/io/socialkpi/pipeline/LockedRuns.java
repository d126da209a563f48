package io.socialkpi.pipeline;

import io.socialkpi.config.Settings;
import io.socialkpi.output.RunLock;
import io.socialkpi.source.SourceLayout;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** Runs a pipeline as {@code run} does: holding the run date's lock, released when it ends. */
public final class LockedRuns {
  private LockedRuns() {}

  public static RunSummary run(
      SparkSession spark, Settings s, Map<String, SourceLayout> layouts, Progress progress) {
    try (RunLock lock =
        RunLock.acquire(
            s.run().output(),
            s.run().runDateOrToday(),
            s.run().lockStaleAfter(),
            spark.sparkContext().hadoopConfiguration())) {
      return new NightlyPipeline(spark, s, layouts, progress, lock).run();
    }
  }
}

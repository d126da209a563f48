package io.socialkpi.inspect;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/**
 * What {@code jobs/socialkpi inspect} is asked for.
 *
 * @param sourceId the source's name in the block, or null for one made from the file name
 * @param maxRows data rows sampled at most
 * @param maxMetrics metrics in the block at most (0: every numeric column)
 * @param root a job config over reference.conf: its presets and source defaults are the ones a
 *     source falls back on
 */
public record InspectOptions(String sourceId, int maxRows, int maxMetrics, Config root) {
  public static final int DEFAULT_MAX_ROWS = 2_000;
  public static final int DEFAULT_MAX_METRICS = 25;

  /** The defaults: a name from the file, 2,000 rows, 25 metrics, reference.conf's presets. */
  public static InspectOptions defaults() {
    return new InspectOptions(
        null, DEFAULT_MAX_ROWS, DEFAULT_MAX_METRICS, ConfigFactory.defaultReference());
  }

  public InspectOptions withSourceId(String id) {
    return new InspectOptions(id, maxRows, maxMetrics, root);
  }

  public InspectOptions withMaxMetrics(int max) {
    return new InspectOptions(sourceId, maxRows, max, root);
  }
}

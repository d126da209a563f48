package io.socialkpi.pipeline;

import io.socialkpi.source.SourceLayout;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Spark settings that follow the size of the run's input instead of Spark's defaults. Spark's 200
 * shuffle partitions (or a fixed 8) turn a 5 MB sample into thousands of near-empty tasks on a
 * cluster, and adaptive execution re-plans every stage in a job of its own: on small inputs those
 * fixed costs are most of the run. A setting the user gave (in the submit command or the job
 * config's {@code spark.conf}) always wins.
 *
 * <ul>
 *   <li>Small input (at most {@link #SMALL_INPUT_BYTES}): one shuffle partition, no adaptive
 *       execution and no code generation. Each aggregation's result is a few thousand rows; one
 *       task holds it easily. Generated code is compiled anew for every query and never runs long
 *       enough to be worth it: Spark's interpreted expressions, compiled once with Spark and warm
 *       after the first source, cut the sample run's CPU time by a fifth (measured in
 *       docs/PERFORMANCE.md).
 *   <li>Larger input: one shuffle partition per {@link #BYTES_PER_PARTITION} of input, at least
 *       {@link #MIN_PARTITIONS}, and adaptive execution on, which coalesces partitions that turn
 *       out small after the shuffle (the aggregates of a source are far smaller than its rows).
 * </ul>
 */
public record DataSizing(long inputBytes) {
  /**
   * Input up to this size runs as small. Measured: the sample (4.3 MB) and the benchmark's 1M rows
   * (69 MB) both run faster as small (1M: 43.2 s as large, 28.5 s as small; its read stage about
   * the same either way, every later stage two to three times faster).
   */
  public static final long SMALL_INPUT_BYTES = 128L << 20;

  /** Input bytes per shuffle partition above the small size. */
  public static final long BYTES_PER_PARTITION = 128L << 20;

  /** Fewest shuffle partitions for a larger input (what local runs used before sizing). */
  public static final int MIN_PARTITIONS = 8;

  private static final int MAX_PARTITIONS = 10_000;

  /**
   * Most rows of a result kept on the driver on a small run (a few hundred MB of heap at most). The
   * sample's largest is 3,255 window values; 100,000 entities' weekly series would be millions.
   */
  public static final int MAX_DRIVER_ROWS = 500_000;

  /** The sizing of a run over these sources. */
  public static DataSizing of(Collection<SourceLayout> layouts) {
    return new DataSizing(layouts.stream().mapToLong(l -> l.bytes()).sum());
  }

  /** A size as people write it: 512 B, 4.8 MB, 1.2 GB. */
  public static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  public boolean small() {
    return inputBytes <= SMALL_INPUT_BYTES;
  }

  public int shufflePartitions() {
    if (small()) {
      return 1;
    }
    long needed = (inputBytes + BYTES_PER_PARTITION - 1) / BYTES_PER_PARTITION;
    return (int) Math.min(MAX_PARTITIONS, Math.max(MIN_PARTITIONS, needed));
  }

  /**
   * How many sources are scanned at once. A small source's scan is mostly driver work and a few
   * tiny tasks, so two or more overlap well. A large input scans two at a time: a large CSV or JSON
   * file is read in several splits and fills the cores alone, but the small sources of a large
   * input (a page export beside an orders file) are one task each, and the second source keeps a
   * core busy while the first finishes (10M rows: read stage 26.1 s to 24.2 s).
   */
  public int concurrentScans() {
    return small() ? Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors())) : 2;
  }

  /** The Spark SQL settings, to apply where the user has not set them. */
  public Map<String, String> sparkDefaults() {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions()));
    conf.put("spark.sql.adaptive.enabled", Boolean.toString(!small()));
    // Spark's own defaults on a large input, written out so that the run may switch them to the
    // small input's once its aggregates turn out small (SparkSessions.useSmallResultSettings).
    conf.put("spark.sql.codegen.wholeStage", Boolean.toString(!small()));
    conf.put("spark.sql.codegen.factoryMode", small() ? "NO_CODEGEN" : "FALLBACK");
    return conf;
  }
}

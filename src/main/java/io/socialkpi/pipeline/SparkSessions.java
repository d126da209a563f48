package io.socialkpi.pipeline;

import io.socialkpi.config.OutputFormat;
import io.socialkpi.config.SparkSettings;
import io.socialkpi.output.DeltaLake;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the job's one SparkSession. Under spark-submit the master and resources come from the
 * submit command; launched directly, the config's {@code spark.master} applies. The session time
 * zone is always UTC: the job converts zones itself, explicitly.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * The Hadoop configuration the session will have, before it starts: Hadoop's defaults plus every
   * {@code spark.hadoop.*} setting of the submit command and the config, so the run lock is taken
   * on the same file system with the same credentials as the tables are written.
   */
  public static Configuration hadoopConfiguration(SparkSettings settings) {
    Configuration hadoop = new Configuration();
    Map<String, String> all = new java.util.LinkedHashMap<>();
    for (scala.Tuple2<String, String> e : new SparkConf(true).getAll()) {
      all.put(e._1(), e._2());
    }
    all.putAll(settings.conf());
    all.forEach(
        (k, v) -> {
          if (k.startsWith("spark.hadoop.")) {
            hadoop.set(k.substring("spark.hadoop.".length()), v);
          }
        });
    return hadoop;
  }

  /**
   * The settings this class chose from the input's size (neither the submit command nor the config
   * set them), comma-separated: the ones {@link #useSmallResultSettings} may change.
   */
  static final String SIZED_KEYS = "spark.socialkpi.sized-keys";

  /**
   * Switches the settings chosen from the input's size to those of a small input, for the rest of a
   * run whose input was large but whose aggregates are small: a few thousand window values are
   * planned and computed faster in one partition with interpreted expressions, as on a small input.
   * Settings the user gave are never changed.
   */
  public static void useSmallResultSettings(SparkSession spark) {
    smallResultSettings(spark.sparkContext().getConf()).forEach(spark.conf()::set);
  }

  /** The settings {@link #useSmallResultSettings} changes, for a session started with conf. */
  static Map<String, String> smallResultSettings(SparkConf conf) {
    List<String> sized = List.of(conf.get(SIZED_KEYS, "").split(","));
    Map<String, String> changes = new java.util.LinkedHashMap<>();
    new DataSizing(0)
        .sparkDefaults()
        .forEach(
            (k, v) -> {
              if (sized.contains(k)) {
                changes.put(k, v);
              }
            });
    return changes;
  }

  /**
   * Whether a session is already running in this JVM (an embedding application's, or the tests'
   * shared one). A command then works in it and must leave it running: stopping it would pull the
   * session from under its owner.
   */
  public static boolean running() {
    return SparkSession.getDefaultSession().isDefined()
        && !SparkSession.getDefaultSession().get().sparkContext().isStopped();
  }

  /** A session for work whose input size is unknown (the report and SQL commands). */
  public static SparkSession start(SparkSettings settings) {
    return start(settings, OutputFormat.PARQUET);
  }

  /** The same, able to read and write tables in {@code format} (Delta's extension for Delta). */
  public static SparkSession start(SparkSettings settings, OutputFormat format) {
    return start(settings, Map.of("spark.sql.shuffle.partitions", "8"), format);
  }

  /**
   * A session for a run over {@code sizing}'s input: its shuffle partitions and adaptive execution
   * follow the input's size wherever the submit command and the config leave them unset.
   */
  public static SparkSession start(SparkSettings settings, DataSizing sizing) {
    return start(settings, sizing, OutputFormat.PARQUET);
  }

  /** The same, writing tables in {@code format}. */
  public static SparkSession start(SparkSettings settings, DataSizing sizing, OutputFormat format) {
    return start(settings, sizing.sparkDefaults(), format);
  }

  private static SparkSession start(
      SparkSettings settings, Map<String, String> defaults, OutputFormat format) {
    SparkConf conf = conf(settings, defaults);
    if (format == OutputFormat.DELTA) {
      // Static settings: a session is built with them or never has them.
      DeltaLake.configure(conf);
    }
    return SparkSession.builder().config(conf).getOrCreate();
  }

  /**
   * The session's settings: the submit command's, then {@code defaults} where those leave a key
   * unset, then the config's {@code spark.conf}, which wins over both.
   */
  static SparkConf conf(SparkSettings settings, Map<String, String> defaults) {
    SparkConf conf = new SparkConf(true);
    if (!conf.contains("spark.master")) {
      conf.setMaster(settings.master());
    }
    if (!conf.contains("spark.app.name")) {
      conf.setAppName(settings.appName());
    }
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    if (conf.get("spark.master").startsWith("local")) {
      conf.setIfMissing("spark.ui.enabled", "false");
    }
    List<String> sized = new ArrayList<>();
    defaults.forEach(
        (k, v) -> {
          if (!conf.contains(k) && !settings.conf().containsKey(k)) {
            conf.set(k, v);
            sized.add(k);
          }
        });
    conf.set(SIZED_KEYS, String.join(",", sized));
    for (Map.Entry<String, String> e : settings.conf().entrySet()) {
      conf.set(e.getKey(), e.getValue());
    }
    conf.set("spark.sql.session.timeZone", "UTC");
    return conf;
  }
}

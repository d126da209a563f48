package io.socialkpi.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.socialkpi.output.PublishedRuns;
import io.socialkpi.output.RunManifest;
import io.socialkpi.output.Table;
import io.socialkpi.output.TableData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Each objective and entity's verdict and KPI in the earlier published runs (their {@code
 * objective_summary} partitions, as their manifests list them), so the report shows what changed
 * since the last run. Only complete runs before the reported date count, the newest {@link
 * #EARLIER_RUNS} of them.
 */
final class History {
  /** Earlier runs read: a year of monthly runs, or a quarter of weekly ones. */
  static final int EARLIER_RUNS = 12;

  /** One earlier run's verdict and recent KPI value of an objective and entity. */
  record Entry(LocalDate runDate, String verdict, Double recentValue) {}

  static final History NONE = new History(Map.of());

  private final Map<String, List<Entry>> byKey;

  private History(Map<String, List<Entry>> byKey) {
    this.byKey = byKey;
  }

  /** The earlier runs of {@code key} ({@link Facts.Objective#key()}), newest first. */
  List<Entry> of(String key) {
    return byKey.getOrDefault(key, List.of());
  }

  /** Reads the earlier runs under {@code output} before {@code runDate}. */
  static History load(SparkSession spark, String output, LocalDate runDate) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    List<RunManifest> earlier = new ArrayList<>();
    for (RunManifest m : PublishedRuns.all(output, hadoop)) {
      if (m.runDate().isBefore(runDate) && m.complete() && m.has(Table.OBJECTIVE_SUMMARY)) {
        earlier.add(m);
      }
    }
    earlier.sort(Comparator.comparing(RunManifest::runDate).reversed());
    if (earlier.size() > EARLIER_RUNS) {
      earlier = earlier.subList(0, EARLIER_RUNS);
    }
    Dataset<Row> rows = null;
    try {
      Path out = new Path(output);
      FileSystem fs = out.getFileSystem(hadoop);
      for (RunManifest m : earlier) {
        TableData data = TableData.published(fs, out, Table.OBJECTIVE_SUMMARY, m.runDate());
        if (data == null) {
          continue;
        }
        Dataset<Row> run =
            data.read(spark)
                .select(
                    lit(Date.valueOf(m.runDate())).as("run_date"),
                    col("objective_id"),
                    col("entity"),
                    col("verdict"),
                    col("recent_value"));
        rows = rows == null ? run : rows.unionByName(run);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the earlier runs under " + output, e);
    }
    if (rows == null) {
      return NONE;
    }
    Map<String, List<Entry>> byKey = new HashMap<>();
    for (Row r : rows.collectAsList()) {
      String key = r.getString(1) + "\u0000" + r.getString(2);
      Double recent = r.isNullAt(4) || Double.isNaN(r.getDouble(4)) ? null : r.getDouble(4);
      byKey
          .computeIfAbsent(key, k -> new ArrayList<>())
          .add(new Entry(r.getDate(0).toLocalDate(), r.getString(3), recent));
    }
    byKey.values().forEach(l -> l.sort(Comparator.comparing(Entry::runDate).reversed()));
    return new History(byKey);
  }
}

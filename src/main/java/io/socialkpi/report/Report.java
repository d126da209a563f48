package io.socialkpi.report;

import io.socialkpi.output.PublishedRuns;
import io.socialkpi.output.RunLock;
import io.socialkpi.output.RunManifest;
import io.socialkpi.output.RunWriter;
import io.socialkpi.output.Table;
import io.socialkpi.output.TableData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The manager's report of one run, rendered from the run's output tables only, so any past run can
 * be reported again: {@code <output>/report/run_date=D/index.html} (one self-contained page, inline
 * CSS and SVG, no script) and {@code summary.md} (a few lines for email or chat).
 *
 * <p>A report is never written in place: it is staged and published by {@link RunWriter}, like the
 * tables. A run renders it from the tables it has just staged and publishes it with them ({@link
 * #stage}); the {@code report} command renders a published run again from the tables its manifest
 * lists, holding the date's run lock ({@link #republish}), so it never reads a date while a run of
 * it publishes and never mixes two runs.
 */
public final class Report {
  /** Where a report was written. */
  public record Written(LocalDate runDate, String html, String markdown, int objectives) {}

  private Report() {}

  /**
   * Renders the report of the run {@code writer} is writing, from its staged tables, and stages it.
   */
  public static Written stage(SparkSession spark, RunWriter writer, ReportOptions options) {
    Map<Table, TableData> staged = new EnumMap<>(Table.class);
    for (Table t : Table.values()) {
      if (writer.staged(t) != null) {
        staged.put(t, TableData.parquet(writer.staged(t)));
      }
    }
    if (!staged.containsKey(Table.DATA_QUALITY)) {
      throw new IllegalStateException("the report needs the run's data_quality table staged first");
    }
    return render(spark, staged, writer, options);
  }

  /**
   * Renders the published run of {@code runDate} again (null: the newest run with a manifest,
   * complete or stopped by the data-quality gate) and publishes it beside its tables, holding the
   * date's run lock for the whole time. A date whose manifest is missing (never run, or a run of it
   * died while publishing) is refused: its partitions may come from two runs.
   *
   * @throws io.socialkpi.output.RunLockedException while a run of the date is running
   * @throws IllegalArgumentException when there is no published run to report
   */
  public static Written republish(
      SparkSession spark,
      String output,
      LocalDate runDate,
      ReportOptions options,
      Duration lockStaleAfter) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    LocalDate date =
        runDate != null
            ? runDate
            : PublishedRuns.latest(output, hadoop)
                .map(RunManifest::runDate)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "no published run under "
                                + output
                                + ": it has no _runs/run_date=*.json manifest"));
    try (RunLock lock = RunLock.acquire(output, date, lockStaleAfter, hadoop)) {
      RunWriter writer = new RunWriter(output, date, hadoop);
      Map<Table, TableData> published = published(output, date, hadoop);
      Written written = render(spark, published, writer, options);
      writer.publishReport(lock);
      return written;
    }
  }

  /** The partitions the manifest of {@code date} lists (read under the date's lock). */
  private static Map<Table, TableData> published(
      String output, LocalDate date, Configuration hadoop) {
    Path out = new Path(output);
    try {
      FileSystem fs = out.getFileSystem(hadoop);
      RunManifest manifest = RunManifest.read(fs, out, date);
      if (manifest == null || !manifest.has(Table.DATA_QUALITY)) {
        throw new IllegalArgumentException(
            "no published run of "
                + date
                + " under "
                + output
                + " (no _runs/run_date="
                + date
                + ".json: the date was never run, or its last run died while publishing; run it"
                + " again)");
      }
      Map<Table, TableData> partitions = new EnumMap<>(Table.class);
      for (Table t : Table.values()) {
        // A listed table whose folder was deleted by hand is reported as absent, not read.
        TableData data = manifest.has(t) ? TableData.published(fs, out, t, date) : null;
        if (data != null) {
          partitions.put(t, data);
        }
      }
      return partitions;
    } catch (IOException e) {
      throw new UncheckedIOException("reading the run of " + date + " under " + output, e);
    }
  }

  private static Written render(
      SparkSession spark, Map<Table, TableData> tables, RunWriter writer, ReportOptions options) {
    LocalDate date = writer.runDate();
    ReportPage.Page page =
        new PageBuilder(
                ReportData.load(new RunTables(spark, tables), date, options),
                options,
                History.load(spark, writer.output().toString(), date))
            .build();
    Map<String, Object> context = Map.of("page", page);
    Map<String, String> files = new LinkedHashMap<>();
    files.put("index.html", Templates.html("index.html.peb", context));
    files.put("summary.md", Templates.markdown("summary.md.peb", context));
    writer.stageReport(files);
    Path folder = writer.reportFolder();
    return new Written(
        date,
        new Path(folder, "index.html").toString(),
        new Path(folder, "summary.md").toString(),
        page.objectives().size());
  }
}

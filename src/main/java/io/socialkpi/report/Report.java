package io.socialkpi.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The manager's report of one run, rendered from the run's output tables only, so any past run can
 * be reported again: {@code <output>/report/run_date=D/index.html} (one self-contained page, inline
 * CSS and SVG, no script) and {@code summary.md} (a few lines for email or chat).
 */
public final class Report {
  /** Where a report was written. */
  public record Written(LocalDate runDate, String html, String markdown, int objectives) {}

  private Report() {}

  /** Renders the run of {@code runDate}, or of the newest run date when it is null. */
  public static Written render(
      SparkSession spark, String output, LocalDate runDate, ReportOptions options) {
    LocalDate date =
        runDate != null
            ? runDate
            : RunTables.latestRunDate(spark, output)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "no run under "
                                + output
                                + ": it has no data_quality/run_date=* folder"));
    RunTables tables = new RunTables(spark, output, date);
    if (!tables.exists(io.socialkpi.output.Table.DATA_QUALITY)) {
      throw new IllegalArgumentException(
          "no run of " + date + " under " + output + " (no data_quality/run_date=" + date + ")");
    }
    ReportPage.Page page = new PageBuilder(ReportData.load(tables, date, options)).build();
    Map<String, Object> context = Map.of("page", page);
    String html = Templates.html("index.html.peb", context);
    String markdown = Templates.markdown("summary.md.peb", context);
    Path folder = publish(spark, output, date, html, markdown);
    return new Written(
        date,
        new Path(folder, "index.html").toString(),
        new Path(folder, "summary.md").toString(),
        page.objectives().size());
  }

  /** Writes both files to a staging folder, then renames it into place, replacing a rerun's. */
  private static Path publish(
      SparkSession spark, String output, LocalDate date, String html, String markdown) {
    Path root = new Path(output, "report");
    Path target = new Path(root, "run_date=" + date);
    Path staging = new Path(root, "_staging-" + UUID.randomUUID());
    try {
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      // No .crc files beside the report on a local disk: people open this folder.
      fs.setWriteChecksum(false);
      write(fs, new Path(staging, "index.html"), html);
      write(fs, new Path(staging, "summary.md"), markdown);
      Path old = new Path(root, "_replaced-" + UUID.randomUUID());
      boolean replacing = fs.exists(target);
      if (replacing && !fs.rename(target, old)) {
        throw new IOException("could not move " + target + " aside");
      }
      if (!fs.rename(staging, target)) {
        throw new IOException("could not rename " + staging + " to " + target);
      }
      if (replacing) {
        fs.delete(old, true);
      }
      return fs.makeQualified(target);
    } catch (IOException e) {
      throw new UncheckedIOException("writing the report under " + root, e);
    }
  }

  private static void write(FileSystem fs, Path path, String text) throws IOException {
    try (OutputStream out = fs.create(path, false)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}

package io.socialkpi.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
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

  /**
   * Deletes the report of {@code date}, if any: for a run that could not render its own, so that no
   * earlier run's verdicts stay beside its tables. Best effort: a failure is printed.
   */
  public static void discard(SparkSession spark, String output, LocalDate date) {
    Path target = new Path(new Path(output, "report"), "run_date=" + date);
    try {
      target.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(target, true);
    } catch (IOException e) {
      System.err.println(
          io.socialkpi.config.Uris.redact(
              "socialkpi: warning: could not delete the stale report " + target + ": " + e));
    }
  }

  /**
   * A report write takes seconds: a staging folder of another date this old belongs to a write that
   * was killed.
   */
  static final Duration LEFTOVER_AGE = Duration.ofHours(1);

  private static final String STAGING = "_staging-";
  private static final String REPLACED = "_replaced-";

  /** Writes both files to a staging folder, then renames it into place, replacing a rerun's. */
  private static Path publish(
      SparkSession spark, String output, LocalDate date, String html, String markdown) {
    Path root = new Path(output, "report");
    Path target = new Path(root, "run_date=" + date);
    Path staging = new Path(root, STAGING + date + "-" + UUID.randomUUID());
    try {
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      cleanLeftovers(fs, root, date);
      // No .crc files beside the report on a local disk: people open this folder.
      fs.setWriteChecksum(false);
      write(fs, new Path(staging, "index.html"), html);
      write(fs, new Path(staging, "summary.md"), markdown);
      Path old = new Path(root, REPLACED + date + "-" + UUID.randomUUID());
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

  /**
   * Removes what killed report writes left under {@code report/}: their staging folders, and the
   * old report a write had moved aside ({@code _replaced-D-*}), which is put back when {@code
   * run_date=D} is missing (killed between its two renames). A leftover of {@code date} is removed
   * at once (the run writing this report holds the date's lock); one of another date, or without a
   * date (written before the names carried one), once it is older than {@link #LEFTOVER_AGE}, so
   * that a write of another date running now is left alone.
   */
  static void cleanLeftovers(FileSystem fs, Path root, LocalDate date) throws IOException {
    if (!fs.exists(root)) {
      return;
    }
    long cutoff = System.currentTimeMillis() - LEFTOVER_AGE.toMillis();
    for (FileStatus entry : fs.listStatus(root)) {
      String name = entry.getPath().getName();
      String prefix =
          name.startsWith(STAGING) ? STAGING : name.startsWith(REPLACED) ? REPLACED : null;
      if (prefix == null) {
        continue;
      }
      LocalDate of = dateIn(name.substring(prefix.length()));
      if (!date.equals(of) && entry.getModificationTime() > cutoff) {
        continue;
      }
      Path back = of == null ? null : new Path(root, "run_date=" + of);
      if (prefix.equals(REPLACED) && back != null && !fs.exists(back)) {
        fs.rename(entry.getPath(), back);
      } else {
        fs.delete(entry.getPath(), true);
      }
    }
  }

  /** The run date a leftover's name starts with ({@code 2026-01-01-<uuid>}), or null. */
  private static LocalDate dateIn(String rest) {
    if (rest.length() < 11 || rest.charAt(10) != '-') {
      return null;
    }
    try {
      return LocalDate.parse(rest.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static void write(FileSystem fs, Path path, String text) throws IOException {
    try (OutputStream out = fs.create(path, false)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}

package io.socialkpi.config;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One export the job reads: where it is, how to parse it and which metrics it yields.
 *
 * @param path file, folder or glob; relative paths are already resolved against the config file
 * @param entity column naming the brand, region or store, or null for a single series
 * @param maxLineSize longest line in bytes (CSV, JSON lines) that is parsed; longer ones are
 *     quarantined
 * @param missingMarkers texts (compared with the trimmed cell) that stand for an empty metric cell
 * @param skipRows conditions (column to accepted texts) of rows that are not data, such as a totals
 *     row: like header lines, they are not read
 * @param overlap what rows of several files with the same time (and key) do
 * @param sheet the sheet a spreadsheet source reads, or null for each workbook's first sheet
 */
public record SourceSpec(
    String name,
    String path,
    SourceFormat format,
    CsvOptions csv,
    TimeSpec time,
    String entity,
    boolean dedupe,
    long maxLineSize,
    List<String> missingMarkers,
    Map<String, List<String>> skipRows,
    List<MetricSpec> metrics,
    Overlap overlap,
    String sheet)
    implements Serializable {

  /**
   * The source a config block that sets only these keys gives (inspect's number readers and tests
   * build it): the other keys are reference.conf's defaults, so it is one series whose duplicate
   * rows are quarantined, whose lines are parsed up to 1 MiB, whose cells "-" are missing values,
   * with no skip-rows, every file's rows counting, and a workbook's first sheet read.
   *
   * @param path file, folder or glob, taken as it is
   */
  public static SourceSpec of(
      String name,
      String path,
      SourceFormat format,
      CsvOptions csv,
      TimeSpec time,
      List<MetricSpec> metrics) {
    return new SourceSpec(
        name,
        path,
        format,
        csv,
        time,
        null,
        true,
        SourceSpecReader.DEFAULT_MAX_LINE,
        List.of("-"),
        Map.of(),
        metrics,
        Overlap.ALL,
        null);
  }

  /**
   * Every column the job reads from this source, in a stable order: time, entity, metrics, filters.
   */
  public List<String> columns() {
    Set<String> cols = new LinkedHashSet<>();
    cols.add(time.column());
    if (entity != null) {
      cols.add(entity);
    }
    for (MetricSpec m : metrics) {
      if (m.column() != null) {
        cols.add(m.column());
      }
    }
    for (MetricSpec m : metrics) {
      cols.addAll(m.where().keySet());
    }
    cols.addAll(skipRows.keySet());
    cols.addAll(overlap.key());
    return List.copyOf(cols);
  }

  public boolean hasEntity() {
    return entity != null;
  }
}

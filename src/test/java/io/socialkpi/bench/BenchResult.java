package io.socialkpi.bench;

import io.socialkpi.pipeline.RunSummary;
import io.socialkpi.pipeline.StageClock;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * One benchmark run's numbers, printed as a table and appended as a TSV line.
 *
 * @param pipelineRssMb the JVM's peak resident memory up to the end of the pipeline (heap, Spark's
 *     off-heap buffers, code), -1 unknown
 * @param duckDbRssMb what DuckDB's query added to the JVM's resident memory, -1 unknown or not run
 * @param pandas the pandas peer's run, why it has no result, or null with {@code --no-pandas}
 */
record BenchResult(
    String label,
    RunSummary summary,
    double sessionStartSeconds,
    double planningSeconds,
    long queries,
    double duckDbSeconds,
    String agreement,
    long pipelineRssMb,
    long duckDbRssMb,
    PandasPeer.Outcome pandas,
    String machine) {

  static final List<String> COLUMNS =
      List.of(
          "date",
          "case",
          "raw_rows",
          "read_s",
          "window_s",
          "panel_s",
          "evidence_s",
          "write_s",
          "publish_s",
          "report_s",
          "total_s",
          "rows_per_s",
          "peak_heap_mb",
          "session_start_s",
          "planning_s",
          "duckdb_s",
          "read_to_duckdb",
          "machine",
          "end_to_end_s",
          "pipeline_peak_rss_mb",
          "duckdb_added_rss_mb",
          "pandas_s",
          "pandas_peak_rss_mb",
          "end_to_end_to_pandas",
          "pandas_python");

  double stage(String name) {
    return summary.stages().stream()
        .filter(s -> s.name().equals(name))
        .mapToDouble(StageClock.Stage::seconds)
        .sum();
  }

  long peakHeapMb() {
    return summary.stages().stream().mapToLong(StageClock.Stage::peakHeapBytes).max().orElse(0)
        >> 20;
  }

  /** The job end to end as the benchmark can time it: session start and the pipeline. */
  double endToEndSeconds() {
    return sessionStartSeconds + summary.seconds();
  }

  private PandasPeer.Result pandasResult() {
    return pandas instanceof PandasPeer.Result r ? r : null;
  }

  void print(PrintStream out) {
    long rows = summary.rowsRead();
    out.printf(Locale.ROOT, "%nsocialkpi benchmark: %s, %,d raw rows%n", label, rows);
    out.printf(Locale.ROOT, "machine: %s%n", machine);
    out.printf(
        Locale.ROOT, "%-10s %9s %14s %14s%n", "stage", "seconds", "input rows/s", "peak heap MB");
    for (StageClock.Stage s : summary.stages()) {
      out.printf(
          Locale.ROOT,
          "%-10s %9.1f %,14.0f %,14d%n",
          s.name(),
          s.seconds(),
          rows / s.seconds(),
          s.peakHeapBytes() >> 20);
    }
    out.printf(
        Locale.ROOT,
        "%-10s %9.1f %,14.0f %,14d%n",
        "pipeline",
        summary.seconds(),
        rows / summary.seconds(),
        peakHeapMb());
    out.printf(
        Locale.ROOT,
        "fixed costs: session start %.1f s, planning %.1f s over %d queries%n",
        sessionStartSeconds,
        planningSeconds,
        queries);
    if (!Double.isNaN(duckDbSeconds)) {
      out.printf(
          Locale.ROOT,
          "DuckDB ingest and window query: %.1f s (%,.0f rows/s); Spark read / DuckDB = %.2f%n",
          duckDbSeconds,
          rows / duckDbSeconds,
          stage("read") / duckDbSeconds);
    }
    out.printf(Locale.ROOT, "agreement: %s%n", agreement);
    out.printf(Locale.ROOT, "%nengines on the same files:%n");
    out.printf(Locale.ROOT, "%-16s %9s  %s%n", "engine", "wall s", "peak memory");
    out.printf(
        Locale.ROOT,
        "%-16s %9.1f  heap %,d MB, process RSS %s (session start + pipeline)%n",
        "socialkpi job",
        endToEndSeconds(),
        peakHeapMb(),
        mb(pipelineRssMb));
    if (!Double.isNaN(duckDbSeconds)) {
      out.printf(
          Locale.ROOT,
          "%-16s %9.1f  %s added to the JVM's RSS (ingest and windows only)%n",
          "DuckDB",
          duckDbSeconds,
          mb(duckDbRssMb));
    }
    PandasPeer.Result peer = pandasResult();
    if (peer != null) {
      out.printf(
          Locale.ROOT,
          "%-16s %9.1f  process RSS %s (read, windows, correlations, before/after)%n",
          "pandas + SciPy",
          peer.seconds(),
          mb(peer.peakRssMb()));
      out.printf(
          Locale.ROOT,
          "job end to end / pandas = %.2f%npandas: %s; %s%npandas agreement: %s%n",
          endToEndSeconds() / peer.seconds(),
          peer.interpreter(),
          peer.steps(),
          peer.agreement());
    } else if (pandas instanceof PandasPeer.NoResult none) {
      out.printf(Locale.ROOT, "%-16s no result: %s%n", "pandas + SciPy", none.reason());
    } else {
      out.printf(Locale.ROOT, "%-16s not run (--no-pandas)%n", "pandas + SciPy");
    }
  }

  private static String mb(long mb) {
    return mb < 0 ? "unknown" : String.format(Locale.ROOT, "%,d MB", mb);
  }

  void append(Path tsv) throws IOException {
    boolean fresh = !Files.exists(tsv);
    String header = String.join("\t", COLUMNS);
    if (!fresh) {
      // Columns are only ever added at the end: an older file gets the new header, its lines
      // simply end earlier.
      List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
      if (!lines.isEmpty() && !lines.get(0).equals(header)) {
        lines.set(0, header);
        Files.write(tsv, lines, StandardCharsets.UTF_8);
      }
    }
    PandasPeer.Result peer = pandasResult();
    String line =
        String.join(
            "\t",
            LocalDate.now(java.time.ZoneId.systemDefault()).toString(),
            label,
            Long.toString(summary.rowsRead()),
            f(stage("read")),
            f(stage("window")),
            f(stage("panel")),
            f(stage("evidence")),
            f(stage("write")),
            f(stage("publish")),
            f(stage("report")),
            f(summary.seconds()),
            String.format(Locale.ROOT, "%.0f", summary.rowsRead() / summary.seconds()),
            Long.toString(peakHeapMb()),
            f(sessionStartSeconds),
            f(planningSeconds),
            f(duckDbSeconds),
            f(stage("read") / duckDbSeconds),
            machine,
            f(endToEndSeconds()),
            Long.toString(pipelineRssMb),
            Long.toString(duckDbRssMb),
            f(peer == null ? Double.NaN : peer.seconds()),
            Long.toString(peer == null ? -1 : peer.peakRssMb()),
            f(peer == null ? Double.NaN : endToEndSeconds() / peer.seconds()),
            peer != null
                ? peer.interpreter()
                : pandas instanceof PandasPeer.NoResult ? "no result" : "not run");
    Files.writeString(
        tsv,
        (fresh ? header + "\n" : "") + line + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}

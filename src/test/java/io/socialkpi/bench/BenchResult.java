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

/** One benchmark run's numbers, printed as a table and appended as a TSV line. */
record BenchResult(
    String label,
    RunSummary summary,
    double sessionStartSeconds,
    double planningSeconds,
    long queries,
    double duckDbSeconds,
    String agreement,
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
          "machine");

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
  }

  void append(Path tsv) throws IOException {
    boolean fresh = !Files.exists(tsv);
    String line =
        String.join(
            "\t",
            LocalDate.now().toString(),
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
            machine);
    Files.writeString(
        tsv,
        (fresh ? String.join("\t", COLUMNS) + "\n" : "") + line + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}

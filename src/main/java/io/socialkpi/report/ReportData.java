package io.socialkpi.report;

import static io.socialkpi.report.Cells.bool;
import static io.socialkpi.report.Cells.date;
import static io.socialkpi.report.Cells.dbl;
import static io.socialkpi.report.Cells.lng;
import static io.socialkpi.report.Cells.str;

import io.socialkpi.output.Table;
import io.socialkpi.spark.Parallel;
import io.socialkpi.tables.QualityRow;
import io.socialkpi.tables.RowCodec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Future;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Everything the report shows of one run, collected from its tables into {@link Facts}. */
record ReportData(
    LocalDate runDate,
    Facts.RunInfo runInfo,
    boolean hasEvidence,
    List<Facts.Objective> objectives,
    Map<String, Map<String, Long>> verdictCounts,
    Map<String, List<Facts.Effect>> effects,
    Map<String, List<Facts.LagPoint>> lags,
    Map<String, List<Facts.Point>> series,
    List<Facts.Quality> quality,
    boolean relativeIntervals,
    Map<String, List<Facts.Ranked>> ranking) {

  /** Entities an objective's ranked dot plot draws at most. */
  static final int MAX_RANKED = 200;

  // Keys joined with NUL are safe here: the first part (a metric, objective or source id) is a
  // config name of letters, digits, '-' and '_', so an entity or reason holding a NUL cannot make
  // two keys equal (NulEntityRunTest runs such an entity through the report).
  static String seriesKey(String metric, String entity) {
    return metric + "\u0000" + entity;
  }

  /**
   * Reads the run's tables: the small independent queries three at a time (on a small run each is
   * mostly driver work, so they overlap), then the chart series, which depend on what is shown.
   */
  static ReportData load(RunTables tables, LocalDate runDate, ReportOptions options) {
    try (Parallel parallel = new Parallel(3, "socialkpi-report")) {
      return load(tables, runDate, options, parallel);
    }
  }

  private static ReportData load(
      RunTables tables, LocalDate runDate, ReportOptions options, Parallel parallel) {
    Future<Facts.RunInfo> info =
        parallel.submit(() -> tables.exists(Table.RUN_INFO) ? runInfo(tables) : null);
    Future<List<Facts.Quality>> quality =
        parallel.submit(
            () ->
                tables.exists(Table.DATA_QUALITY)
                    ? quality(tables, options)
                    : List.<Facts.Quality>of());
    if (!tables.exists(Table.OBJECTIVE_SUMMARY)) {
      return new ReportData(
          runDate,
          Parallel.await(info),
          false,
          List.of(),
          Map.of(),
          Map.of(),
          Map.of(),
          Map.of(),
          Parallel.await(quality),
          true,
          Map.of());
    }
    Dataset<Row> shown = tables.shownSummaries(options.maxEntities()).cache();
    Future<List<Row>> shownRows = parallel.submit(shown::collectAsList);
    Future<List<Row>> countRows = parallel.submit(tables::verdictCounts);
    Future<List<Row>> effectRows = parallel.submit(() -> tables.effectsOf(shown));
    Future<List<Row>> lagRows = parallel.submit(() -> tables.lagsOf(shown));
    List<Facts.Objective> objectives = new ArrayList<>();
    for (Row r : Parallel.await(shownRows)) {
      objectives.add(objective(r));
    }
    Map<String, Map<String, Long>> counts = new TreeMap<>();
    for (Row r : Parallel.await(countRows)) {
      counts
          .computeIfAbsent(str(r, "objective_id"), k -> new TreeMap<>())
          .put(str(r, "verdict"), lng(r, "count"));
    }
    Map<String, List<Facts.Effect>> effects = new LinkedHashMap<>();
    boolean relativeIntervals = relativeIntervals(Parallel.await(effectRows));
    for (Row r : Parallel.await(effectRows)) {
      effects.computeIfAbsent(key(r), k -> new ArrayList<>()).add(effect(r));
    }
    effects.values().forEach(l -> l.sort(Comparator.comparing(Facts.Effect::launched)));
    Map<String, List<Facts.LagPoint>> lags = new LinkedHashMap<>();
    for (Row r : Parallel.await(lagRows)) {
      lags.computeIfAbsent(key(r), k -> new ArrayList<>()).add(lagPoint(r));
    }
    lags.values()
        .forEach(
            l ->
                l.sort(
                    Comparator.comparing(Facts.LagPoint::leadMetric)
                        .thenComparingInt(Facts.LagPoint::lag)));
    Map<String, List<Facts.Point>> series = new LinkedHashMap<>();
    for (Row r : tables.seriesOf(chartSeries(objectives, effects))) {
      series
          .computeIfAbsent(seriesKey(str(r, "metric"), str(r, "entity")), k -> new ArrayList<>())
          .add(new Facts.Point(date(r, "window_start"), dbl(r, "value"), bool(r, "complete")));
    }
    series.values().forEach(l -> l.sort(Comparator.comparing(Facts.Point::windowStart)));
    shown.unpersist();
    return new ReportData(
        runDate,
        Parallel.await(info),
        true,
        objectives,
        counts,
        effects,
        lags,
        series,
        Parallel.await(quality),
        relativeIntervals,
        ranking(tables, counts, options.maxEntities()));
  }

  /**
   * The ranking of every objective with more entities than the report shows (read only then: an
   * extra query), the objective's entities by progress, at most {@link #MAX_RANKED}.
   */
  private static Map<String, List<Facts.Ranked>> ranking(
      RunTables tables, Map<String, Map<String, Long>> counts, int shown) {
    List<String> many = new ArrayList<>();
    counts.forEach(
        (objective, verdicts) -> {
          if (verdicts.values().stream().mapToLong(Long::longValue).sum() > shown) {
            many.add(objective);
          }
        });
    Map<String, List<Facts.Ranked>> ranking = new LinkedHashMap<>();
    if (many.isEmpty()) {
      return ranking;
    }
    List<Row> rows = new ArrayList<>(tables.ranking(many, MAX_RANKED));
    rows.sort(Comparator.comparingInt((Row r) -> r.getInt(r.fieldIndex("ranked"))));
    for (Row r : rows) {
      Double progress = dbl(r, "progress");
      Double recent = dbl(r, "recent_value");
      ranking
          .computeIfAbsent(str(r, "objective_id"), k -> new ArrayList<>())
          .add(
              new Facts.Ranked(
                  str(r, "entity"),
                  str(r, "verdict"),
                  Boolean.TRUE.equals(r.getAs("control_entity")),
                  progress == null || progress.isNaN() ? null : progress,
                  recent == null || recent.isNaN() ? null : recent));
    }
    return ranking;
  }

  /**
   * The effects were written with rel_ci_* (false for a run written before those columns, where a
   * null relative interval says nothing about the baseline).
   */
  static boolean relativeIntervals(List<Row> effectRows) {
    return effectRows.isEmpty()
        || effectRows.get(0).schema().getFieldIndex("rel_ci_low").isDefined();
  }

  private static String key(Row r) {
    return str(r, "objective_id") + "\u0000" + str(r, "entity");
  }

  /** Outcome, best lead (the entity's own or the shared "all" series) and control of each row. */
  private static List<String[]> chartSeries(
      List<Facts.Objective> objectives, Map<String, List<Facts.Effect>> effects) {
    Set<List<String>> wanted = new LinkedHashSet<>();
    for (Facts.Objective o : objectives) {
      wanted.add(List.of(o.outcomeMetric(), o.entity()));
      if (o.bestLeadMetric() != null) {
        wanted.add(List.of(o.bestLeadMetric(), o.entity()));
        wanted.add(List.of(o.bestLeadMetric(), "all"));
      }
      for (Facts.Effect e : effects.getOrDefault(o.key(), List.of())) {
        if (e.controlMetric() != null) {
          wanted.add(Series.control(e.controlMetric(), o.entity()));
        }
      }
    }
    List<String[]> out = new ArrayList<>();
    wanted.forEach(w -> out.add(w.toArray(String[]::new)));
    return out;
  }

  private static Facts.RunInfo runInfo(RunTables tables) {
    return RowCodec.of(Facts.RunInfo.class).decode(tables.read(Table.RUN_INFO).first());
  }

  private static List<Facts.Quality> quality(RunTables tables, ReportOptions options) {
    Map<String, Map<String, Long>> counts = new TreeMap<>();
    if (tables.exists(Table.QUARANTINE)) {
      for (Row r : tables.quarantineCounts()) {
        counts
            .computeIfAbsent(str(r, "source"), k -> new TreeMap<>())
            .put(str(r, "reason"), lng(r, "count"));
      }
    }
    Map<String, List<Facts.Example>> examples = new TreeMap<>();
    if (tables.exists(Table.QUARANTINE)) {
      for (Row r : tables.quarantineExamples(options.examplesPerReason())) {
        examples
            .computeIfAbsent(str(r, "source") + "\u0000" + str(r, "reason"), k -> new ArrayList<>())
            .add(
                new Facts.Example(str(r, "file"), lng(r, "line"), str(r, "detail"), str(r, "raw")));
      }
      examples
          .values()
          .forEach(
              l ->
                  l.sort(
                      Comparator.comparing(Facts.Example::file)
                          .thenComparingLong(Facts.Example::line)));
    }
    List<Facts.Quality> out = new ArrayList<>();
    for (Row r : tables.quality()) {
      String source = str(r, "source");
      List<Facts.Reason> reasons = new ArrayList<>();
      counts
          .getOrDefault(source, Map.of())
          .forEach(
              (reason, n) ->
                  reasons.add(
                      new Facts.Reason(
                          reason,
                          n,
                          examples.getOrDefault(source + "\u0000" + reason, List.of()))));
      reasons.sort(Comparator.comparingLong(Facts.Reason::rows).reversed());
      out.add(new Facts.Quality(RowCodec.of(QualityRow.class).decode(r), reasons));
    }
    out.sort(Comparator.comparing(q -> q.counts().source()));
    return out;
  }

  // The report's records read the columns they show by name (RowCodec), so a table's new column
  // needs nothing here, and a run written before a column existed reads it as null.
  private static Facts.Objective objective(Row r) {
    return RowCodec.of(Facts.Objective.class).decode(r);
  }

  private static Facts.Effect effect(Row r) {
    return RowCodec.of(Facts.Effect.class).decode(r);
  }

  private static Facts.LagPoint lagPoint(Row r) {
    return RowCodec.of(Facts.LagPoint.class).decode(r);
  }
}

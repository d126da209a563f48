package io.socialkpi.report;

import static io.socialkpi.report.Numbers.count;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a run's {@link ReportData} into the {@link ReportPage} the templates render: objectives
 * ordered by priority, then by strength of evidence; a section per objective and shown entity.
 */
final class PageBuilder {
  private final ReportData data;
  private final ReportOptions options;
  private final Narrative narrative;
  private final History history;

  PageBuilder(ReportData data, ReportOptions options, History history) {
    this.data = data;
    this.options = options;
    this.history = history;
    Map<String, String> tacticNames = new HashMap<>();
    if (data.runInfo() != null) {
      data.runInfo()
          .tactics()
          .forEach(t -> tacticNames.put(t.objectiveId() + "\u0000" + t.tacticId(), t.name()));
    }
    this.narrative = new Narrative(data.runInfo(), tacticNames, data.relativeIntervals());
  }

  ReportPage.Page build() {
    Map<String, List<Facts.Objective>> byObjective = new LinkedHashMap<>();
    for (Facts.Objective o : data.objectives()) {
      byObjective.computeIfAbsent(o.objectiveId(), k -> new ArrayList<>()).add(o);
    }
    List<List<Facts.Objective>> ordered = new ArrayList<>(byObjective.values());
    ordered.sort(
        Comparator.comparing((List<Facts.Objective> l) -> priorityRank(l.get(0).priority()))
            .thenComparing(l -> l.stream().allMatch(o -> "inconclusive".equals(o.verdict())))
            .thenComparingDouble(this::strength)
            .thenComparing(l -> l.get(0).objectiveId()));
    List<ReportPage.FrontRow> front = new ArrayList<>();
    List<ForestPlot.Row> forest = new ArrayList<>();
    List<ReportPage.ObjectiveSection> sections = new ArrayList<>();
    int index = 0;
    for (List<Facts.Objective> entities : ordered) {
      index++;
      String anchor = "objective-" + index;
      List<ReportPage.EntitySection> parts = new ArrayList<>();
      int e = 0;
      for (Facts.Objective o : entities) {
        e++;
        String entityAnchor = anchor + "-" + e;
        front.add(frontRow(entityAnchor, o, entities.size() > 1));
        forestRow(o, entities.size() > 1).ifPresent(forest::add);
        parts.add(
            new SectionBuilder(data, narrative, o, entityAnchor, history.of(o.key())).build());
      }
      sections.add(section(anchor, entities, parts));
    }
    Facts.RunInfo info = data.runInfo();
    Freshness freshness = new Freshness(data.runDate(), options.staleAfter(), narrative.unit());
    return new ReportPage.Page(
        "socialkpi report, run of " + data.runDate(),
        data.runDate().toString(),
        freshness.dataThrough(data.objectives()),
        freshness.stale(data.objectives()),
        startedAt(info),
        info == null ? null : info.strategy(),
        narrative.unit(),
        info == null ? null : info.zone(),
        narrative.confidence(),
        QualityLines.summary(data.quality(), info),
        QualityLines.allUnderLimit(data.quality(), info),
        data.hasEvidence(),
        front,
        forest.isEmpty()
            ? null
            : new ReportPage.Chart(
                "forest",
                ForestPlot.of("forest", forest, narrative.confidence()),
                "Each objective's change beyond the trend at its latest tactic's launch, as a"
                    + " share of the level before it, with its "
                    + narrative.confidence()
                    + " interval: right of the dashed line is up. The verdict also weighs"
                    + " placebo launches and the control, so a bar clear of zero is not always"
                    + " supported."),
        sections,
        QualityLines.rows(data.quality(), info));
  }

  /** When the run started, in the reporting zone the windows are in (UTC without one). */
  private static String startedAt(Facts.RunInfo info) {
    if (info == null || info.startedAt() == null) {
      return null;
    }
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ROOT)
        .format(info.startedAt().atZone(info.zoneId()));
  }

  private ReportPage.FrontRow frontRow(String anchor, Facts.Objective o, boolean showEntity) {
    Facts.Effect main = SectionBuilder.mainEffect(data.effects().getOrDefault(o.key(), List.of()));
    String headline =
        o.controlEntity()
            ? "The comparison for the other entities: the tactics did not reach "
                + o.entity()
                + ", so its outcome shows what happened without them."
            : main == null
                ? Words.capitalized(narrative.names().inSentence(o.outcomeMetric()))
                    + " is "
                    + narrative.names().value(o.outcomeMetric(), o.recentValue())
                    + " "
                    + narrative.names().per(o.outcomeMetric())
                    + " lately; no launch of a tactic to compare around."
                : main.adjusted() != null && main.adjusted().estimate() != null
                    ? narrative.adjustedSentence(o, main)
                    : narrative.effectSentence(o, main);
    Double progress = o.progress();
    int width = progress == null ? 0 : (int) Math.round(100 * Math.max(0, Math.min(1, progress)));
    return new ReportPage.FrontRow(
        anchor,
        o.displayName(),
        showEntity || !"all".equals(o.entity())
            ? o.entity() + (o.controlEntity() ? ", control" : "")
            : null,
        o.priority(),
        o.controlEntity() ? "control" : o.verdict(),
        headline,
        narrative.names().value(o.outcomeMetric(), o.recentValue()),
        o.targetValue() == null || o.controlEntity()
            ? null
            : narrative.names().value(o.outcomeMetric(), o.targetValue())
                + " by "
                + Numbers.date(o.targetDate()),
        o.targetValue() == null ? null : Numbers.share(progress),
        width,
        trackState(o),
        o.latestWindowEnd() == null ? null : Numbers.date(o.latestWindowEnd()),
        o.controlEntity(),
        sinceLast(o));
  }

  /** "+301 EUR since the run of 1 November 2026": the KPI's change since the last run. */
  private String sinceLast(Facts.Objective o) {
    List<History.Entry> earlier = history.of(o.key());
    if (earlier.isEmpty() || earlier.get(0).recentValue() == null || o.recentValue() == null) {
      return null;
    }
    History.Entry last = earlier.get(0);
    double change = o.recentValue() - last.recentValue();
    return (change == 0 ? "unchanged" : narrative.names().signed(o.outcomeMetric(), change))
        + " since the run of "
        + Numbers.date(last.runDate())
        + (last.verdict() != null && !last.verdict().equals(o.verdict()) && !o.controlEntity()
            ? " (then " + last.verdict() + ")"
            : "");
  }

  /** The objective's adjusted relative effect for the forest plot, if it has one. */
  private java.util.Optional<ForestPlot.Row> forestRow(Facts.Objective o, boolean showEntity) {
    Facts.Effect main = SectionBuilder.mainEffect(data.effects().getOrDefault(o.key(), List.of()));
    Facts.Adjusted a = main == null ? null : main.adjusted();
    if (o.controlEntity()
        || a == null
        || a.relEffect() == null
        || a.relCiLow() == null
        || a.relCiHigh() == null) {
      return java.util.Optional.empty();
    }
    String label =
        o.displayName() + (showEntity || !"all".equals(o.entity()) ? " (" + o.entity() + ")" : "");
    return java.util.Optional.of(
        new ForestPlot.Row(label, a.relEffect(), a.relCiLow(), a.relCiHigh(), o.verdict()));
  }

  /** The target's state in words; a run written before target_status has only on_track. */
  static String trackState(Facts.Objective o) {
    if (o.targetStatus() != null) {
      return o.targetStatus().replace('_', ' ');
    }
    return o.onTrack() == null ? null : o.onTrack() ? "on track" : "behind";
  }

  private ReportPage.ObjectiveSection section(
      String anchor, List<Facts.Objective> entities, List<ReportPage.EntitySection> parts) {
    Facts.Objective first = entities.get(0);
    Map<String, Long> verdicts = data.verdictCounts().getOrDefault(first.objectiveId(), Map.of());
    long total = verdicts.values().stream().mapToLong(Long::longValue).sum();
    List<String> counts = new ArrayList<>();
    verdicts.forEach((v, n) -> counts.add(count(n) + " " + v));
    return new ReportPage.ObjectiveSection(
        anchor,
        first.displayName(),
        first.objectiveId(),
        first.priority(),
        first.department() == null ? null : first.department().replace('-', ' '),
        first.perspective() == null ? null : first.perspective().replace('-', ' '),
        narrative.names().inSentence(first.outcomeMetric()),
        "down".equals(first.expectedDirection()) ? "should fall" : "should rise",
        total > 1 ? count(total) + " entities: " + String.join(", ", counts) : null,
        total > entities.size()
            ? count(total - entities.size())
                + " more entities are not shown here; the tables have every one (report"
                + " --max-entities shows more)."
            : null,
        parts,
        entities.size() < 2
            ? List.of()
            : SmallMultiples.of(anchor + "-multiples", panels(anchor, entities)),
        ranked(anchor, first, total));
  }

  /**
   * An objective with more entities than shown: all of them (at most {@link ReportData#MAX_RANKED})
   * as a ranked dot plot, by progress toward the target, or by recent value without one.
   */
  private ReportPage.Chart ranked(String anchor, Facts.Objective first, long total) {
    List<Facts.Ranked> ranking = data.ranking().getOrDefault(first.objectiveId(), List.of());
    boolean target = first.targetValue() != null;
    List<ForestPlot.Row> rows = new ArrayList<>();
    for (Facts.Ranked r : ranking) {
      Double v = target && !r.control() ? r.progress() : target ? null : r.recentValue();
      if (v != null) {
        String verdict = r.control() ? "control" : r.verdict();
        rows.add(new ForestPlot.Row(r.entity(), v, v, v, verdict));
      }
    }
    if (rows.size() < 2) {
      return null;
    }
    String id = anchor + "-ranked";
    MetricNames names = narrative.names();
    String axis =
        target
            ? "% of the way from the baseline to the target"
            : Words.capitalized(names.inSentence(first.outcomeMetric()))
                + ", average of the recent "
                + narrative.unit()
                + "s";
    String svg = ForestPlot.of(id, rows, axis, target ? 100 : 1, target);
    return new ReportPage.Chart(
        id,
        svg,
        (ranking.size() < total
                ? "The "
                    + count(ranking.size())
                    + " of "
                    + count(total)
                    + " entities ranked highest"
                : "All " + count(total) + " entities")
            + (target ? " by progress toward the target" : " by their recent value")
            + ", coloured by verdict"
            + (target && ranking.stream().anyMatch(Facts.Ranked::control)
                ? " (the control has no target: left out)"
                : "")
            + "; the parts below show "
            + count(options.maxEntities())
            + " of them.");
  }

  /** Each shown entity's outcome and launches, for the objective's small multiples. */
  private List<SmallMultiples.Panel> panels(String anchor, List<Facts.Objective> entities) {
    List<SmallMultiples.Panel> panels = new ArrayList<>();
    int e = 0;
    for (Facts.Objective o : entities) {
      e++;
      List<java.time.LocalDate> launches = new ArrayList<>();
      for (Facts.Effect x : data.effects().getOrDefault(o.key(), List.of())) {
        if ("outcome".equals(x.role())
            && x.launched() != null
            && !launches.contains(x.launched())) {
          launches.add(x.launched());
        }
      }
      panels.add(
          new SmallMultiples.Panel(
              anchor + "-" + e,
              o.entity() + (o.controlEntity() ? ", control" : ""),
              o.controlEntity() ? "control" : o.verdict(),
              narrative.names().value(o.outcomeMetric(), o.recentValue()),
              Series.of(data.series(), List.of(o.outcomeMetric(), o.entity())),
              launches));
    }
    return panels;
  }

  /**
   * Smallest of the entities' decisive p-values (the adjusted effect's, the larger of its
   * Newey–West and placebo p) and best-lead q-values: lower is stronger. The raw before/after
   * p-value never counts: a trend alone makes it small.
   */
  private double strength(List<Facts.Objective> entities) {
    double best = 1;
    for (Facts.Objective o : entities) {
      if (o.controlEntity()) {
        continue;
      }
      if (o.bestLeadQ() != null) {
        best = Math.min(best, o.bestLeadQ());
      }
      Facts.Effect main =
          SectionBuilder.mainEffect(data.effects().getOrDefault(o.key(), List.of()));
      Facts.Adjusted a = main == null ? null : main.adjusted();
      if (a != null && a.pValue() != null && a.placeboPValue() != null) {
        best = Math.min(best, Math.max(a.pValue(), a.placeboPValue()));
      }
    }
    return best;
  }

  private static int priorityRank(String priority) {
    return priority == null ? Integer.MAX_VALUE : priority.toUpperCase(Locale.ROOT).charAt(0);
  }
}

package io.socialkpi.report;

import static io.socialkpi.report.Numbers.coefficient;
import static io.socialkpi.report.Numbers.pValue;
import static io.socialkpi.report.Numbers.percent;
import static io.socialkpi.report.Numbers.signed;
import static io.socialkpi.report.Numbers.value;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One objective and entity's part of the report: paragraph, charts, evidence, caveats. */
final class SectionBuilder {
  private final ReportData data;
  private final Narrative narrative;
  private final Facts.Objective o;
  private final String anchor;
  private final List<Facts.Effect> effects;
  private final List<Facts.LagPoint> lags;
  private final List<History.Entry> earlier;

  SectionBuilder(
      ReportData data,
      Narrative narrative,
      Facts.Objective o,
      String anchor,
      List<History.Entry> earlier) {
    this.data = data;
    this.earlier = earlier;
    this.narrative = narrative;
    this.o = o;
    this.anchor = anchor;
    this.effects = data.effects().getOrDefault(o.key(), List.of());
    this.lags = data.lags().getOrDefault(o.key(), List.of());
  }

  /** The outcome's comparison around the latest tactic: the one the verdict rests on. */
  static Facts.Effect mainEffect(List<Facts.Effect> effects) {
    return effects.stream()
        .filter(e -> "outcome".equals(e.role()))
        .max(Comparator.comparing(Facts.Effect::launched))
        .orElse(null);
  }

  ReportPage.EntitySection build() {
    List<String> paragraph = new ArrayList<>();
    for (Facts.Effect e : effects) {
      if ("outcome".equals(e.role())) {
        add(paragraph, narrative.adjustedSentence(o, e));
        paragraph.add(narrative.effectSentence(o, e));
        add(paragraph, narrative.controlSentence(e));
      }
    }
    add(paragraph, narrative.leadSentence(o));
    add(paragraph, narrative.targetSentence(o));
    List<Facts.Point> outcome = Series.of(data.series(), List.of(o.outcomeMetric(), o.entity()));
    return new ReportPage.EntitySection(
        anchor,
        o.entity(),
        o.controlEntity() ? "control" : o.verdict(),
        o.controlEntity()
            ? "the tactics did not reach "
                + o.entity()
                + ": its outcome is what the other entities are compared with"
            : o.verdictReason(),
        paragraph,
        seriesChart(outcome),
        lagChart(),
        leadRows(),
        effectLines(),
        narrative.caveats(o, effects, lags, outcome),
        history());
  }

  /** This run and the earlier ones, newest first; empty without an earlier run. */
  private List<ReportPage.HistoryRow> history() {
    List<ReportPage.HistoryRow> rows = new ArrayList<>();
    if (earlier.isEmpty()) {
      return rows;
    }
    MetricNames names = narrative.names();
    String verdict = o.controlEntity() ? "control" : o.verdict();
    rows.add(
        new ReportPage.HistoryRow(
            Numbers.date(data.runDate()),
            verdict,
            names.value(o.outcomeMetric(), o.recentValue()),
            true));
    for (History.Entry h : earlier) {
      rows.add(
          new ReportPage.HistoryRow(
              Numbers.date(h.runDate()),
              o.controlEntity() ? "control" : h.verdict(),
              names.value(o.outcomeMetric(), h.recentValue()),
              false));
    }
    return rows;
  }

  private ReportPage.Chart seriesChart(List<Facts.Point> outcome) {
    if (outcome.isEmpty()) {
      return null;
    }
    Facts.Effect main = mainEffect(effects);
    MetricNames names = narrative.names();
    String outcomeLabel = names.name(o.outcomeMetric());
    String controlLabel = null;
    List<Facts.Point> control = List.of();
    if (main != null && main.controlMetric() != null) {
      List<String> c = Series.control(main.controlMetric(), o.entity());
      // Only a control in the outcome's own unit shares its axis.
      if (c.get(0).equals(o.outcomeMetric())) {
        controlLabel = outcomeLabel + ", " + c.get(1) + " (control)";
        control = Series.of(data.series(), c);
      }
    }
    String leadLabel = o.bestLeadMetric() == null ? null : names.inSentence(o.bestLeadMetric());
    List<Facts.Point> lead =
        leadLabel == null ? List.of() : Series.lead(data.series(), o.bestLeadMetric(), o.entity());
    List<Charts.Launch> launches = new ArrayList<>();
    List<Charts.Level> levels = new ArrayList<>();
    for (Facts.Effect e : effects) {
      if ("outcome".equals(e.role())) {
        launches.add(new Charts.Launch(e.launched(), narrative.tactic(o, e)));
      }
    }
    String unit = narrative.unit();
    if (main != null) {
      level(levels, main.beforeStart(), main.beforeEnd(), main.meanBefore(), "before");
      level(levels, main.afterStart(), main.afterEnd(), main.meanAfter(), "after");
    }
    String id = anchor + "-series";
    String caption =
        Words.capitalized(outcomeLabel)
            + " per "
            + unit
            + (controlLabel == null ? "" : " (grey: the control)")
            + (lead.isEmpty() ? "" : ", and " + leadLabel + " on the right axis")
            + ". Dashed line: launch; green bars: the before and after means compared"
            + (o.targetValue() == null || o.controlEntity()
                ? "."
                : "; purple dots: the straight path from the baseline to the target.");
    return new ReportPage.Chart(
        id,
        Charts.timeSeries(
            id,
            outcomeLabel,
            outcome,
            controlLabel,
            control,
            leadLabel,
            lead,
            launches,
            levels,
            targetPath(outcome, launches)),
        caption);
  }

  /** The mean of a period, drawn over its windows, when the table has both. */
  private void level(
      List<Charts.Level> levels, LocalDate start, LocalDate end, Double mean, String name) {
    if (mean != null && start != null) {
      levels.add(
          new Charts.Level(
              start,
              Words.windowUnit(narrative.unit()).next(end),
              mean,
              name + ": " + value(mean)));
    }
  }

  /**
   * The path on_track is judged against: from the baseline at the first launch (or, without
   * tactics, the first window) to the target at its date. None for the control entity, whose target
   * is not its own.
   */
  private Charts.TargetPath targetPath(List<Facts.Point> outcome, List<Charts.Launch> launches) {
    if (o.targetValue() == null
        || o.targetDate() == null
        || o.baselineValue() == null
        || o.controlEntity()) {
      return null;
    }
    LocalDate from =
        launches.stream()
            .map(Charts.Launch::date)
            .min(LocalDate::compareTo)
            .orElse(outcome.get(0).windowStart());
    return new Charts.TargetPath(
        from,
        o.baselineValue(),
        o.targetDate(),
        o.targetValue(),
        "target " + value(o.targetValue()) + " by " + Numbers.date(o.targetDate()));
  }

  private ReportPage.Chart lagChart() {
    Map<String, List<Facts.LagPoint>> byLead = new LinkedHashMap<>();
    for (Facts.LagPoint p : lags) {
      byLead.computeIfAbsent(p.leadMetric(), k -> new ArrayList<>()).add(p);
    }
    if (byLead.isEmpty()) {
      return null;
    }
    String id = anchor + "-lags";
    String symbol = io.socialkpi.words.Sentences.symbol(lags.get(0).method());
    return new ReportPage.Chart(
        id,
        Charts.lags(
            id, symbol, new ArrayList<>(byLead.values()), narrative.unit(), narrative.names()),
        "Correlation of each lead indicator with "
            + narrative.names().inSentence(o.outcomeMetric())
            + " k "
            + narrative.unit()
            + "s later, with "
            + narrative.confidence()
            + " intervals; q-values are in the table below.");
  }

  private List<ReportPage.LeadRow> leadRows() {
    List<ReportPage.LeadRow> rows = new ArrayList<>();
    for (Facts.Lead l : o.leads()) {
      Facts.LagPoint p =
          lags.stream()
              .filter(
                  x -> x.leadMetric().equals(l.leadMetric()) && Objects.equals(x.lag(), l.lag()))
              .findFirst()
              .orElse(null);
      List<String> notes = new ArrayList<>();
      if (Boolean.TRUE.equals(l.trendDriven())) {
        notes.add("trend-driven");
      }
      if (p != null && Boolean.FALSE.equals(p.directionOk())) {
        notes.add("opposite to expected");
      }
      if (p != null && p.note() != null) {
        notes.add(p.note());
      }
      rows.add(
          new ReportPage.LeadRow(
              withId(l.leadMetric()),
              l.lag() == null ? "n/a" : String.valueOf(l.lag()),
              l.method() + ", " + l.transform(),
              p == null || p.n() == null ? "n/a" : String.valueOf(p.n()),
              coefficient(l.coefficient()),
              p == null || p.ciLow() == null
                  ? "n/a"
                  : coefficient(p.ciLow()) + " to " + coefficient(p.ciHigh()),
              pValue("q", l.qValue()),
              String.join("; ", notes)));
    }
    return rows;
  }

  private List<ReportPage.EffectLine> effectLines() {
    List<ReportPage.EffectLine> rows = new ArrayList<>();
    for (Facts.Effect e : effects) {
      rows.add(
          new ReportPage.EffectLine(
              narrative.tactic(o, e),
              withId(e.metric()),
              e.role(),
              (e.nBefore() == null ? "0" : e.nBefore())
                  + " / "
                  + (e.nAfter() == null ? "0" : e.nAfter()),
              value(e.meanBefore()),
              value(e.meanAfter()),
              signed(e.absChange())
                  + (e.relChange() == null ? "" : " (" + percent(e.relChange()) + ")"),
              e.ciLow() == null ? "n/a" : signed(e.ciLow()) + " to " + signed(e.ciHigh()),
              pValue("p", e.pValue()),
              e.effectSize() == null ? "n/a" : coefficient(e.effectSize())));
    }
    return rows;
  }

  /** "Complaints (mentions.complaints)": the evidence names a metric and its id. */
  private String withId(String id) {
    return narrative.names().name(id) + " (" + id + ")";
  }

  private static void add(List<String> list, String s) {
    if (s != null) {
      list.add(s);
    }
  }
}

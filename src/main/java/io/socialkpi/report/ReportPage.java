package io.socialkpi.report;

import java.util.List;

/**
 * What the templates render: finished strings only, so the templates hold layout and no logic
 * beyond loops and conditions. Every field is escaped by the template engine except {@link
 * Chart#svg}, which JFreeSVG wrote and escaped itself.
 */
public final class ReportPage {
  private ReportPage() {}

  /** The whole report. */
  public record Page(
      String title,
      String runDate,
      String dataThrough,
      List<String> stale,
      String startedAt,
      String strategy,
      String window,
      String zone,
      String confidence,
      String qualityLine,
      boolean qualityOk,
      boolean hasEvidence,
      List<FrontRow> front,
      Chart forest,
      List<ObjectiveSection> objectives,
      List<SourceRow> sources) {}

  /** A line of the front page: one objective and entity. */
  public record FrontRow(
      String anchor,
      String objective,
      String entity,
      String priority,
      String verdict,
      String headline,
      String kpi,
      String target,
      String progress,
      int progressWidth,
      String trackState,
      String dataThrough,
      boolean control,
      String sinceLast) {}

  /** An objective's section, with a part per shown entity. */
  public record ObjectiveSection(
      String anchor,
      String name,
      String id,
      String priority,
      String department,
      String perspective,
      String outcome,
      String direction,
      String verdicts,
      String moreEntities,
      List<EntitySection> entities,
      List<Multiple> multiples,
      Chart ranked) {}

  /** One entity's small chart among its objective's others, on their shared scale. */
  public record Multiple(String anchor, String entity, String verdict, String kpi, String svg) {}

  /** One entity of an objective: paragraph, charts, evidence and caveats. */
  public record EntitySection(
      String anchor,
      String entity,
      String verdict,
      String verdictReason,
      List<String> paragraph,
      Chart series,
      Chart lags,
      List<LeadRow> leads,
      List<EffectLine> effects,
      List<String> caveats,
      List<HistoryRow> history) {}

  /** One run's verdict and KPI in an entity's history; {@code current} is the reported run. */
  public record HistoryRow(String runDate, String verdict, String kpi, boolean current) {}

  /** An inline SVG chart and the sentence under it. */
  public record Chart(String id, String svg, String caption) {}

  /** A lead indicator's best lag in the evidence table. */
  public record LeadRow(
      String lead,
      String lag,
      String method,
      String n,
      String coefficient,
      String interval,
      String q,
      String note) {}

  /** A before/after comparison in the evidence table. */
  public record EffectLine(
      String tactic,
      String metric,
      String role,
      String windows,
      String before,
      String after,
      String change,
      String interval,
      String p,
      String effectSize) {}

  /** A source's row accounting. */
  public record SourceRow(
      String source,
      String files,
      String read,
      String accepted,
      String quarantined,
      String share,
      String coverage,
      boolean overLimit,
      List<ReasonRow> reasons) {}

  /** A quarantine reason of a source, with examples. */
  public record ReasonRow(String reason, String rows, List<ExampleRow> examples) {}

  /** A quarantined row. */
  public record ExampleRow(String where, String detail, String raw) {}
}

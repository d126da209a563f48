package io.socialkpi.report;

import static io.socialkpi.report.Numbers.count;

import io.socialkpi.tables.QualityRow;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The data-quality line of the front page and the rows of the data-quality section. */
final class QualityLines {
  private QualityLines() {}

  static String summary(List<Facts.Quality> quality, Facts.RunInfo info) {
    if (quality.isEmpty()) {
      return "No data_quality table for this run date.";
    }
    long read = quality.stream().mapToLong(q -> q.counts().rowsRead()).sum();
    long quarantined = quality.stream().mapToLong(q -> q.counts().rowsQuarantined()).sum();
    long superseded = quality.stream().mapToLong(q -> q.counts().rowsSuperseded()).sum();
    List<String> over = new ArrayList<>();
    for (Facts.Quality q : quality) {
      if (overLimit(q, info)) {
        over.add(q.counts().source());
      }
    }
    String limit =
        limit(info) == null
            ? ""
            : over.isEmpty()
                ? ", every source under the " + share(limit(info)) + " limit"
                : "; over the " + share(limit(info)) + " limit: " + String.join(", ", over);
    return count(read)
        + " rows read from "
        + quality.size()
        + (quality.size() == 1 ? " source, " : " sources, ")
        + count(quarantined)
        + " quarantined ("
        + share(read - superseded <= 0 ? 0 : (double) quarantined / (read - superseded))
        + ")"
        + (superseded == 0
            ? ""
            : ", " + count(superseded) + " replaced by newer exports of the same days")
        + limit
        + ".";
  }

  static boolean allUnderLimit(List<Facts.Quality> quality, Facts.RunInfo info) {
    return quality.stream().noneMatch(q -> overLimit(q, info));
  }

  static List<ReportPage.SourceRow> rows(List<Facts.Quality> quality, Facts.RunInfo info) {
    List<ReportPage.SourceRow> rows = new ArrayList<>();
    for (Facts.Quality q : quality) {
      List<ReportPage.ReasonRow> reasons = new ArrayList<>();
      for (Facts.Reason r : q.reasons()) {
        List<ReportPage.ExampleRow> examples = new ArrayList<>();
        for (Facts.Example e : r.examples()) {
          examples.add(new ReportPage.ExampleRow(e.file() + ":" + e.line(), e.detail(), e.raw()));
        }
        reasons.add(new ReportPage.ReasonRow(r.reason(), count(r.rows()), examples));
      }
      QualityRow c = q.counts();
      rows.add(
          new ReportPage.SourceRow(
              c.source(),
              String.valueOf(c.files()),
              count(c.rowsRead()),
              count(c.rowsAccepted()),
              count(c.rowsQuarantined()),
              share(c.quarantinedFraction()),
              coverage(c, info),
              overLimit(q, info),
              reasons));
    }
    return rows;
  }

  /**
   * "1 January 2024 to 31 December 2025": the days of the source's accepted rows, in the reporting
   * zone (UTC when the run has none), or null when nothing was accepted.
   */
  static String coverage(QualityRow c, Facts.RunInfo info) {
    if (c.firstTime() == null || c.lastTime() == null) {
      return null;
    }
    ZoneId zone = info == null ? ZoneOffset.UTC : info.zoneId();
    return Numbers.date(c.firstTime().atZone(zone).toLocalDate())
        + " to "
        + Numbers.date(c.lastTime().atZone(zone).toLocalDate());
  }

  private static boolean overLimit(Facts.Quality q, Facts.RunInfo info) {
    Double limit = limit(info);
    return limit != null && q.counts().quarantinedFraction() > limit;
  }

  private static Double limit(Facts.RunInfo info) {
    return info == null ? null : info.quarantineMaxFraction();
  }

  /** Shares of rows: small ones need more digits than progress does. */
  static String share(double fraction) {
    double p = 100 * fraction;
    return p == 0
        ? "0%"
        : p < 0.1
            ? String.format(Locale.ROOT, "%.3f%%", p)
            : p < 10
                ? String.format(Locale.ROOT, "%.2f%%", p)
                : String.format(Locale.ROOT, "%.1f%%", p);
  }
}

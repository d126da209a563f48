package io.socialkpi.source;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.socialkpi.calendar.PeriodStamp;
import io.socialkpi.calendar.WindowUnit;
import io.socialkpi.config.MetricSpec;
import io.socialkpi.config.RunSettings;
import io.socialkpi.config.SourceSpec;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;

/**
 * Validates raw rows and turns them into observations: entity, instant, local date and window in
 * the reporting zone, numeric metric values and which metric each row counts for. A row that fails
 * gets the first {@link QuarantineReason} that applies, in the order of the enum.
 *
 * <p>Runs as Spark column expressions (the time fast path of {@link TimeColumns} as two small UDFs)
 * so it is code-generated and fused with the scan. Requires the session time zone to be UTC, which
 * the pipeline sets.
 */
public final class Observations {
  public static final String ENTITY = "entity";
  public static final String TS = "ts";
  public static final String LOCAL_DATE = "local_date";
  public static final String WINDOW_START = "window_start";

  private static final String PARSED_TS = "parsed$ts";

  /** Entity of sources without an entity column: one series for the whole business. */
  public static final String ALL = "all";

  private Observations() {}

  /** Column holding metric {@code i}'s value, or null where the row does not count for it. */
  public static String value(int i) {
    return "v" + i;
  }

  public static Dataset<Row> of(Dataset<Row> raw, SourceSpec source, RunSettings run) {
    List<String> columns = source.columns();
    Column timeField = col(RawRows.field(0));
    DataType timeType = raw.schema().apply(RawRows.field(0)).dataType();
    List<String> valueColumns = valueColumns(source);
    // Parsed once per row in a projection of its own: the checks, the window and the metric values
    // below all use them, and Spark keeps a projection apart (CollapseProject) rather than repeat
    // an
    // expensive expression that is used more than once.
    List<Column> parsed = new ArrayList<>();
    for (String name : raw.columns()) {
      parsed.add(col("`" + name + "`"));
    }
    parsed.add(TimeColumns.instant(timeField, timeType, source.time()).as(PARSED_TS));
    for (int k = 0; k < valueColumns.size(); k++) {
      Column cell = col(field(columns, valueColumns.get(k)));
      Column empty = emptyCell(cell, source);
      // A marker that reads as a number (a "0" or "-1" chosen as the export's blank) is no value.
      parsed.add(when(empty.unary_$bang(), NumberColumns.number(cell, source)).as(number(k)));
      parsed.add(empty.as(emptyCell(k)));
    }
    raw = raw.select(parsed.toArray(new Column[0]));
    Column ts = col(PARSED_TS);
    Column localDate = TimeColumns.day(timeField, timeType, ts, source.time(), run.zone());
    Column entity =
        source.hasEntity() ? trim(col(field(columns, source.entity())).cast("string")) : lit(ALL);

    Column reason = col(RawRows.REASON);
    Column detail = col(RawRows.DETAIL);
    List<Column[]> checks = new ArrayList<>();
    checks.add(missing(timeField, source.time().column()));
    checks.add(
        check(
            ts.isNull(),
            QuarantineReason.BAD_TIME,
            concat(
                lit("'"),
                timeField.cast("string"),
                lit("' does not match '" + source.time().pattern() + "'"))));
    // Rows after the run date cannot have happened yet as of that date: a wrong year, swapped
    // day and month, or a clock ahead. Keeping them would make a rerun of the date differ.
    LocalDate runDate = run.runDateOrToday();
    checks.add(
        check(
            localDate.gt(lit(Date.valueOf(runDate))),
            QuarantineReason.FUTURE_TIME,
            concat(
                lit("'"),
                timeField.cast("string"),
                lit("' is on "),
                localDate.cast("string"),
                lit(", after the run date " + runDate))));
    LocalDate earliest = source.time().earliest();
    if (earliest != null) {
      // A placeholder date (Excel's 1900-01-01, epoch zero) would stretch the source's range over
      // decades of empty windows, each zero-filled.
      checks.add(
          check(
              localDate.lt(lit(Date.valueOf(earliest))),
              QuarantineReason.IMPLAUSIBLE_TIME,
              concat(
                  lit("'"),
                  timeField.cast("string"),
                  lit("' is on "),
                  localDate.cast("string"),
                  lit(
                      ", before time.earliest "
                          + earliest
                          + " (a placeholder date? set time.earliest if it is real)"))));
    }
    if (source.time().periodGrain()) {
      // A weekly or monthly row stands for its whole period, which must be one window.
      WindowUnit grain = source.time().grain();
      PeriodStamp stamp = source.time().stamp();
      checks.add(
          check(
              WindowColumns.onStamp(localDate, grain, stamp).unary_$bang(),
              QuarantineReason.UNALIGNED_PERIOD,
              concat(
                  lit("'"),
                  timeField.cast("string"),
                  lit("' is on "),
                  localDate.cast("string"),
                  lit(", " + stamp.rule(grain)))));
    }
    if (source.hasEntity()) {
      checks.add(missing(col(field(columns, source.entity())), source.entity()));
    }
    // An empty metric cell is a missing value of the metrics over that column, not a broken row.
    for (String c : valueColumns) {
      Column text = col(field(columns, c));
      int k = valueColumns.indexOf(c);
      checks.add(
          check(
              col(number(k)).isNull().and(col(emptyCell(k)).unary_$bang()),
              QuarantineReason.NON_NUMERIC,
              concat(
                  lit("'"),
                  text.cast("string"),
                  lit("' in column '" + c + "' is not a number"),
                  NumberColumns.hint(text, source))));
    }
    for (String c : valueColumns) {
      String metric = nonNegativeMetric(source, c);
      if (metric != null) {
        Column text = col(field(columns, c));
        checks.add(
            check(
                col(number(valueColumns.indexOf(c))).lt(lit(0.0)),
                QuarantineReason.NEGATIVE_VALUE,
                concat(
                    lit("'"),
                    text.cast("string"),
                    lit("' in column '" + c + "' is negative (" + metric + " is non-negative)"))));
      }
    }
    // One CASE WHEN of many branches (the first check that fails wins), not a when nested in the
    // otherwise of the next: an export with hundreds of metric columns (Facebook's page export)
    // made a tree so deep that serializing the task overflowed the stack.
    Column reasonExpr = reason;
    Column detailExpr = detail;
    if (!checks.isEmpty()) {
      reasonExpr = when(checks.get(0)[0], checks.get(0)[1]);
      detailExpr = when(checks.get(0)[0], checks.get(0)[2]);
      for (int i = 1; i < checks.size(); i++) {
        reasonExpr = reasonExpr.when(checks.get(i)[0], checks.get(i)[1]);
        detailExpr = detailExpr.when(checks.get(i)[0], checks.get(i)[2]);
      }
      reasonExpr = reasonExpr.otherwise(reason);
      detailExpr = detailExpr.otherwise(detail);
    }
    // A parse-level reason wins over every field check.
    reasonExpr = coalesce(reason, reasonExpr);
    detailExpr = when(reason.isNotNull(), detail).otherwise(detailExpr);

    List<Column> out = new ArrayList<>();
    for (String c :
        List.of(
            RawRows.FILE,
            RawRows.SPLIT_START,
            RawRows.LINE_INDEX,
            RawRows.OFFSET,
            RawRows.POSITION,
            RawRows.RAW)) {
      out.add(col(c));
    }
    out.add(reasonExpr.as(RawRows.REASON));
    out.add(detailExpr.as(RawRows.DETAIL));
    out.add(entity.as(ENTITY));
    out.add(ts.as(TS));
    out.add(localDate.as(LOCAL_DATE));
    out.add(WindowColumns.start(localDate, run.window()).as(WINDOW_START));
    List<MetricSpec> metrics = source.metrics();
    for (int i = 0; i < metrics.size(); i++) {
      out.add(metricValue(metrics.get(i), source, valueColumns).as(value(i)));
      out.add(missingCell(metrics.get(i), source, valueColumns).as(missing(i)));
    }
    for (String name : raw.columns()) {
      if (name.startsWith(RawRows.COPY)) {
        out.add(col("`" + name + "`"));
      }
    }
    List<String> overlapKey = source.overlap().key();
    for (int k = 0; k < overlapKey.size(); k++) {
      out.add(trim(col(field(columns, overlapKey.get(k))).cast("string")).as(overlapKey(k)));
    }
    if (!source.skipRows().isEmpty()) {
      // Rows that meet every skip-rows condition (a totals row) are not data, like header lines.
      Column skip = col(RawRows.REASON).isNull().and(all(source.skipRows(), columns));
      raw = raw.filter(skip.unary_$bang());
    }
    return raw.select(out.toArray(new Column[0]));
  }

  /** The trimmed text of the source's {@code overlap.key} column {@code k}. */
  static String overlapKey(int k) {
    return "overlap$" + k;
  }

  /** Whether metric {@code i}'s cell was empty in a row that counts for it (where-conditions). */
  public static String missing(int i) {
    return "missing" + i;
  }

  /** Whether the {@code k}th value column's cell is empty or a missing marker. */
  private static String emptyCell(int k) {
    return "parsed$empty" + k;
  }

  private static Column emptyCell(Column cell, SourceSpec source) {
    Column text = trim(cell.cast("string"));
    Column empty = cell.isNull().or(text.equalTo(lit("")));
    if (!source.missingMarkers().isEmpty()) {
      empty = empty.or(coalesce(text.isin(source.missingMarkers().toArray()), lit(false)));
    }
    return empty;
  }

  /** The parsed number of the {@code k}th value column. */
  private static String number(int k) {
    return "parsed$n" + k;
  }

  /** Distinct columns holding metric values, in metric order. */
  static List<String> valueColumns(SourceSpec source) {
    List<String> cols = new ArrayList<>();
    for (MetricSpec m : source.metrics()) {
      if (m.column() != null && !cols.contains(m.column())) {
        cols.add(m.column());
      }
    }
    return cols;
  }

  /** The first metric over {@code column} declared non-negative, or null. */
  private static String nonNegativeMetric(SourceSpec source, String column) {
    for (MetricSpec m : source.metrics()) {
      if (m.nonNegative() && column.equals(m.column())) {
        return m.id();
      }
    }
    return null;
  }

  /**
   * The row's value for a metric (1 for a count), null when its where-conditions are not met or its
   * cell is empty.
   */
  private static Column metricValue(
      MetricSpec metric, SourceSpec source, List<String> valueColumns) {
    Column value =
        metric.column() == null ? lit(1.0) : col(number(valueColumns.indexOf(metric.column())));
    return when(matches(metric, source), value);
  }

  private static Column missingCell(
      MetricSpec metric, SourceSpec source, List<String> valueColumns) {
    if (metric.column() == null) {
      return lit(false);
    }
    return matches(metric, source).and(col(emptyCell(valueColumns.indexOf(metric.column()))));
  }

  private static Column matches(MetricSpec metric, SourceSpec source) {
    return all(metric.where(), source.columns());
  }

  /** Whether every column = accepted-values condition holds (a where, or skip-rows). */
  private static Column all(Map<String, List<String>> conditions, List<String> columns) {
    Column matches = lit(true);
    for (Map.Entry<String, List<String>> cond : conditions.entrySet()) {
      Column field = trim(col(field(columns, cond.getKey())).cast("string"));
      Column met = coalesce(field.isin(cond.getValue().toArray()), lit(false));
      if (cond.getValue().contains("")) {
        // "" is an empty cell, which a CSV reader gives as null.
        met = met.or(field.isNull());
      }
      matches = matches.and(met);
    }
    return matches;
  }

  private static Column[] missing(Column field, String column) {
    Column blank = field.isNull().or(trim(field.cast("string")).equalTo(lit("")));
    return check(blank, QuarantineReason.MISSING_VALUE, lit("column '" + column + "' is empty"));
  }

  private static Column[] check(Column failed, QuarantineReason reason, Column detail) {
    return new Column[] {failed, lit(reason.code()), detail};
  }

  private static String field(List<String> columns, String column) {
    return RawRows.field(columns.indexOf(column));
  }
}

package io.socialkpi.source;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_utc_timestamp;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.when;

import io.socialkpi.calendar.WindowColumns;
import io.socialkpi.config.MetricSpec;
import io.socialkpi.config.RunSettings;
import io.socialkpi.config.SourceSpec;
import io.socialkpi.config.TimeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Validates raw rows and turns them into observations: entity, instant, local date and window in
 * the reporting zone, numeric metric values and which metric each row counts for. A row that fails
 * gets the first {@link QuarantineReason} that applies, in the order of the enum.
 *
 * <p>Runs as Spark column expressions (no UDFs) so it is code-generated and fused with the scan.
 * Requires the session time zone to be UTC, which the pipeline sets.
 */
public final class Observations {
  public static final String ENTITY = "entity";
  public static final String TS = "ts";
  public static final String LOCAL_DATE = "local_date";
  public static final String WINDOW_START = "window_start";

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
    Column ts = instant(timeField, timeType, source.time());
    Column localDate =
        source.time().dateOnly() || timeType.equals(DataTypes.DateType)
            ? dateOf(timeField, timeType, source.time())
            : to_date(from_utc_timestamp(ts, run.zone().getId()));
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
    if (source.hasEntity()) {
      checks.add(missing(col(field(columns, source.entity())), source.entity()));
    }
    List<String> valueColumns = valueColumns(source);
    for (String c : valueColumns) {
      checks.add(missing(col(field(columns, c)), c));
    }
    for (String c : valueColumns) {
      Column number = number(col(field(columns, c)));
      checks.add(
          check(
              number.isNull(),
              QuarantineReason.NON_NUMERIC,
              concat(
                  lit("'"),
                  col(field(columns, c)).cast("string"),
                  lit("' in column '" + c + "' is not a number"))));
    }
    Column reasonExpr = reason;
    Column detailExpr = detail;
    for (int i = checks.size() - 1; i >= 0; i--) {
      reasonExpr = when(checks.get(i)[0], checks.get(i)[1]).otherwise(reasonExpr);
      detailExpr = when(checks.get(i)[0], checks.get(i)[2]).otherwise(detailExpr);
    }
    // A parse-level reason wins over every field check.
    reasonExpr = coalesce(reason, reasonExpr);
    detailExpr = when(reason.isNotNull(), detail).otherwise(detailExpr);

    List<Column> out = new ArrayList<>();
    for (String c :
        List.of(
            RawRows.FILE, RawRows.SPLIT_START, RawRows.LINE_INDEX, RawRows.OFFSET, RawRows.RAW)) {
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
      out.add(metricValue(metrics.get(i), columns).as(value(i)));
    }
    return raw.select(out.toArray(new Column[0]));
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

  /** The row's value for a metric (1 for a count), null when its where-conditions are not met. */
  private static Column metricValue(MetricSpec metric, List<String> columns) {
    Column value =
        metric.column() == null ? lit(1.0) : number(col(field(columns, metric.column())));
    Column matches = lit(true);
    for (Map.Entry<String, List<String>> cond : metric.where().entrySet()) {
      Column field = trim(col(field(columns, cond.getKey())).cast("string"));
      matches = matches.and(coalesce(field.isin(cond.getValue().toArray()), lit(false)));
    }
    return when(matches, value);
  }

  /** A finite double, or null: text that is no number, NaN and infinities all fail. */
  static Column number(Column field) {
    Column d = field.try_cast(DataTypes.DoubleType);
    return when(
        d.isNotNull()
            .and(not(isnan(d)))
            .and(d.notEqual(lit(Double.POSITIVE_INFINITY)))
            .and(d.notEqual(lit(Double.NEGATIVE_INFINITY))),
        d);
  }

  private static Column instant(Column field, DataType type, TimeSpec time) {
    String zone = time.zone().getId();
    if (type.equals(DataTypes.TimestampType)) {
      return field;
    }
    if (type.equals(DataTypes.DateType) || time.dateOnly()) {
      return to_utc_timestamp(dateOf(field, type, time).cast(DataTypes.TimestampType), zone);
    }
    Column parsed = try_to_timestamp(trim(field.cast("string")), lit(time.pattern()));
    return time.carriesOffset() ? parsed : to_utc_timestamp(parsed, zone);
  }

  private static Column dateOf(Column field, DataType type, TimeSpec time) {
    if (type.equals(DataTypes.DateType)) {
      return field;
    }
    return to_date(try_to_timestamp(trim(field.cast("string")), lit(time.pattern())));
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

package io.socialkpi.output;

import io.socialkpi.config.JobVersion;
import io.socialkpi.config.ObjectiveSpec;
import io.socialkpi.config.Settings;
import io.socialkpi.config.TacticSpec;
import io.socialkpi.config.Uris;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code run_info} table: one row describing the run, so the report (and an analyst reading an
 * old run) needs nothing but the tables: the strategy line, the window and zone the numbers are in,
 * the confidence level of every interval, and each tactic's name and launch date; and what ran: the
 * job's version, a hash of the effective config and the config's absolute URI.
 */
public final class RunInfoTable {
  static final StructType TACTIC =
      new StructType()
          .add("objective_id", DataTypes.StringType)
          .add("tactic_id", DataTypes.StringType)
          .add("tactic_name", DataTypes.StringType)
          .add("channel", DataTypes.StringType)
          .add("launched", DataTypes.DateType);

  static final StructType SCHEMA =
      new StructType()
          .add("strategy", DataTypes.StringType)
          .add("config_file", DataTypes.StringType)
          .add("zone", DataTypes.StringType)
          // `window` is a reserved word in DuckDB and other SQL dialects (it must be quoted):
          // window_unit names it; window stays one release for readers of the old name.
          .add("window", DataTypes.StringType)
          .add("window_unit", DataTypes.StringType)
          .add("confidence", DataTypes.DoubleType)
          .add("alpha", DataTypes.DoubleType)
          .add("quarantine_max_fraction", DataTypes.DoubleType)
          .add("started_at", DataTypes.TimestampType)
          .add("tactics", DataTypes.createArrayType(TACTIC))
          .add("job_version", DataTypes.StringType)
          .add("config_sha256", DataTypes.StringType)
          .add("config_uri", DataTypes.StringType);

  private RunInfoTable() {}

  public static Dataset<Row> of(SparkSession spark, Settings settings, Instant startedAt) {
    List<Row> tactics = new ArrayList<>();
    for (ObjectiveSpec o : settings.objectives()) {
      for (TacticSpec t : o.tactics()) {
        tactics.add(
            RowFactory.create(
                o.id(), t.id(), t.displayName(), t.channel(), Date.valueOf(t.launched())));
      }
    }
    Row row =
        RowFactory.create(
            settings.strategy() == null || settings.strategy().isBlank()
                ? null
                : settings.strategy(),
            Uris.redact(settings.configFile()),
            settings.run().zone().getId(),
            settings.run().window().name().toLowerCase(java.util.Locale.ROOT),
            settings.run().window().name().toLowerCase(java.util.Locale.ROOT),
            settings.analysis().confidence(),
            settings.analysis().alpha(),
            settings.run().quarantineMaxFraction(),
            Timestamp.from(startedAt),
            tactics.toArray(),
            JobVersion.get(),
            settings.provenance().sha256(),
            Uris.redact(settings.provenance().location().uri()));
    return spark.createDataFrame(List.of(row), SCHEMA);
  }
}

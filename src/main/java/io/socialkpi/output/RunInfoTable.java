package io.socialkpi.output;

import io.socialkpi.config.JobVersion;
import io.socialkpi.config.MetricSpec;
import io.socialkpi.config.ObjectiveSpec;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SourceSpec;
import io.socialkpi.config.TacticSpec;
import io.socialkpi.config.Uris;
import io.socialkpi.tables.RowCodec;
import io.socialkpi.tables.RunInfoRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The {@code run_info} table: the one row describing the run ({@link RunInfoRow}). */
public final class RunInfoTable {
  private RunInfoTable() {}

  static RunInfoRow row(Settings settings, Instant startedAt) {
    List<RunInfoRow.TacticRow> tactics = new ArrayList<>();
    for (ObjectiveSpec o : settings.objectives()) {
      for (TacticSpec t : o.tactics()) {
        tactics.add(
            new RunInfoRow.TacticRow(o.id(), t.id(), t.displayName(), t.channel(), t.launched()));
      }
    }
    List<RunInfoRow.MetricRow> metrics = new ArrayList<>();
    for (SourceSpec source : settings.sources().values()) {
      for (MetricSpec m : source.metrics()) {
        metrics.add(
            new RunInfoRow.MetricRow(
                m.id(),
                m.display().name(),
                m.display().unit(),
                m.display().kind().key(),
                m.aggregate().key()));
      }
    }
    String window = settings.run().window().name().toLowerCase(Locale.ROOT);
    return new RunInfoRow(
        settings.strategy() == null || settings.strategy().isBlank() ? null : settings.strategy(),
        Uris.redact(settings.configFile()),
        settings.run().zone().getId(),
        window,
        window,
        settings.analysis().confidence(),
        settings.analysis().alpha(),
        settings.run().quarantineMaxFraction(),
        startedAt,
        tactics,
        JobVersion.get(),
        settings.provenance().sha256(),
        Uris.redact(settings.provenance().location().uri()),
        metrics);
  }

  public static Dataset<Row> of(SparkSession spark, Settings settings, Instant startedAt) {
    RowCodec<RunInfoRow> codec = RowCodec.of(RunInfoRow.class);
    return spark.createDataFrame(List.of(codec.encode(row(settings, startedAt))), codec.schema());
  }
}

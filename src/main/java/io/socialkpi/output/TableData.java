package io.socialkpi.output;

import java.io.IOException;
import java.time.LocalDate;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One run's rows of one output table, wherever they are: a Parquet folder (a table the run has
 * staged, or a published {@code run_date=D} partition) or one date of a Delta table. Every reader
 * of published runs goes through it, because a Delta table's {@code run_date=D} folder must never
 * be read as Parquet: it still holds the files of runs an overwrite replaced, which only the
 * table's log says are gone.
 *
 * @param path the Parquet folder, or the Delta table's folder
 * @param deltaDate the date of the Delta table's rows; null for a Parquet folder
 */
public record TableData(Path path, LocalDate deltaDate) {
  /** A folder of Parquet files holding one run's rows of a table, without run_date. */
  public static TableData parquet(Path folder) {
    return new TableData(folder, null);
  }

  /**
   * The published rows of {@code table} for {@code date} under {@code output}, in the format the
   * table was written in (a {@code _delta_log} makes it Delta), or null when it has none: no
   * partition folder, or no Delta table. A Delta table may hold no rows of the date (a run stopped
   * by the data-quality gate deleted them): the date's {@link RunManifest} says which tables a run
   * published.
   */
  public static TableData published(FileSystem fs, Path output, Table table, LocalDate date)
      throws IOException {
    Path folder = new Path(output, table.tableName());
    if (DeltaLake.isTable(fs, folder)) {
      return new TableData(folder, date);
    }
    Path partition = RunWriter.partition(output, table, date);
    return fs.exists(partition) ? parquet(partition) : null;
  }

  public boolean delta() {
    return deltaDate != null;
  }

  /** The rows, without the run_date column (as a Parquet partition folder reads). */
  public Dataset<Row> read(SparkSession spark) {
    return delta()
        ? DeltaTables.read(spark, path, deltaDate)
        : spark.read().parquet(path.toString());
  }

  /** Where the rows are, for people: the folder, and for Delta the date in it. */
  @Override
  public String toString() {
    return delta() ? path + " (Delta, run_date = " + deltaDate + ")" : path.toString();
  }
}

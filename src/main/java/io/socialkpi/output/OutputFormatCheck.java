package io.socialkpi.output;

import io.socialkpi.config.ConfigError;
import io.socialkpi.config.ConfigProblem;
import io.socialkpi.config.OutputFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Checks {@code run.output-format} before Spark starts: Delta needs its jars on the classpath, and
 * an output keeps the format its tables were first written in. Parquet publishing renames {@code
 * run_date=D} folders, which inside a Delta table would break its log; Delta publishing would leave
 * the Parquet partitions beside its table, read by no one.
 */
public final class OutputFormatCheck {
  private OutputFormatCheck() {}

  /**
   * Throws {@link ConfigError} at {@code at} (the file and line of {@code run.output-format}) when
   * {@code format} cannot be written to {@code output}.
   */
  public static void check(
      String output,
      OutputFormat format,
      ConfigProblem at,
      Configuration hadoop,
      ClassLoader loader) {
    checkClasspath(format, at, loader);
    OutputFormat found = found(output, hadoop);
    if (found != null && found != format) {
      throw ConfigError.of(
          at.file(),
          at.line(),
          at.path(),
          "output-format = "
              + format.configName()
              + ", but "
              + output
              + " holds "
              + found.configName()
              + " tables: an output keeps the format it was first written in; write to a new"
              + " output folder, or set output-format = "
              + found.configName());
    }
  }

  /**
   * Throws {@link ConfigError} at {@code at} when {@code format} needs jars {@code loader} lacks.
   */
  public static void checkClasspath(OutputFormat format, ConfigProblem at, ClassLoader loader) {
    if (format == OutputFormat.DELTA && !DeltaLake.onClasspath(loader)) {
      throw ConfigError.of(
          at.file(), at.line(), at.path(), DeltaLake.missing("output-format = delta"));
    }
  }

  /**
   * The format an existing output's tables need a reader to have ({@code report} and {@code sql}
   * commands): the format found, and for Delta its jars, else an {@link IllegalArgumentException}
   * saying how to add them.
   */
  public static OutputFormat forReading(String output, Configuration hadoop, ClassLoader loader) {
    OutputFormat found = found(output, hadoop);
    if (found == OutputFormat.DELTA && !DeltaLake.onClasspath(loader)) {
      throw new IllegalArgumentException(
          DeltaLake.missing("reading the Delta tables of " + output));
    }
    return found == null ? OutputFormat.PARQUET : found;
  }

  /**
   * The format of the tables already under {@code output}: delta when a table folder has a {@code
   * _delta_log}, parquet when one has {@code run_date=} folders and no log, null when there are
   * none yet.
   */
  public static OutputFormat found(String output, Configuration hadoop) {
    Path out = new Path(output);
    try {
      FileSystem fs = out.getFileSystem(hadoop);
      for (Table t : Table.values()) {
        Path folder = new Path(out, t.tableName());
        if (DeltaLake.isTable(fs, folder)) {
          return OutputFormat.DELTA;
        }
        if (fs.exists(folder)
            && fs.listStatus(folder, p -> p.getName().startsWith("run_date=")).length > 0) {
          return OutputFormat.PARQUET;
        }
      }
      return null;
    } catch (java.io.FileNotFoundException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("reading the tables under " + output, e);
    }
  }
}

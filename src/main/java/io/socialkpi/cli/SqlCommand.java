package io.socialkpi.cli;

import com.univocity.parsers.csv.CsvWriter;
import com.univocity.parsers.csv.CsvWriterSettings;
import io.socialkpi.config.OutputFormat;
import io.socialkpi.config.SparkSettings;
import io.socialkpi.config.Uris;
import io.socialkpi.output.LatestViews;
import io.socialkpi.output.OutputFormatCheck;
import io.socialkpi.output.Table;
import io.socialkpi.pipeline.SparkSessions;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Runs a SQL query over a run's tables, each registered as a view with its run_date column, and
 * each table's {@code <table>_latest} view of the newest complete run ({@link LatestViews}).
 */
@Command(
    name = "sql",
    description =
        "Query the output tables with Spark SQL (tables are views by their names; <table>_latest"
            + " holds the newest complete run only).")
final class SqlCommand implements Callable<Integer> {
  @Option(
      names = "--output",
      description = "The run's output folder or URI; its tables become views by their names.")
  String output;

  @Option(
      names = "--conf",
      description =
          "A Spark setting, repeatable, e.g. spark.sql.catalogImplementation=hive to query the"
              + " tables a run registered in a metastore (catalog.database).")
  Map<String, String> conf = new java.util.LinkedHashMap<>();

  @Option(names = "--csv", description = "Print CSV instead of a table.")
  boolean csv;

  @Option(names = "--limit", description = "Rows to print as a table (default ${DEFAULT-VALUE}).")
  int limit = 100;

  @Parameters(index = "0", description = "The query, e.g. \"SELECT * FROM objective_summary\".")
  String query;

  // The usage of a usage error is this subcommand's under socialkpi, with the inherited -h and -V.
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (output == null && conf.isEmpty()) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "give --output, or --conf settings of a catalog");
    }
    if (output != null && !output.contains("://") && !Files.isDirectory(Path.of(output))) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "no output folder at " + Uris.redact(output));
    }
    // Delta tables are read as Delta, with Delta's extension in the session, so a query can also
    // read an earlier version: SELECT ... FROM delta.`<output>/<table>` VERSION AS OF n.
    OutputFormat format;
    try {
      format =
          output == null
              ? OutputFormat.PARQUET
              : OutputFormatCheck.forReading(
                  output, new org.apache.hadoop.conf.Configuration(), getClass().getClassLoader());
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), Uris.redact(e.getMessage()));
    }
    boolean shared = SparkSessions.running();
    SparkSession spark =
        SparkSessions.start(
            new SparkSettings("local[*]", "socialkpi-sql", Map.copyOf(conf)), format);
    try {
      for (Table t : output == null ? new Table[0] : Table.values()) {
        String path = output + "/" + t.tableName();
        if (output.contains("://") || Files.isDirectory(Path.of(path))) {
          // Run dates written by an older version lack the columns a newer one added: the view has
          // every date's columns (null where a date has none), not those of whichever files Spark
          // would read the schema from, the oldest date's. Delta tables merged them on write.
          (format == OutputFormat.DELTA
                  ? spark.read().format("delta").load(path)
                  : spark.read().option("mergeSchema", "true").parquet(path))
              .createOrReplaceTempView(t.tableName());
        }
      }
      if (output != null) {
        LatestViews.registerTemporary(spark, output);
      }
      Dataset<Row> result = spark.sql(query);
      if (csv) {
        PrintWriter out =
            new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        writeCsv(result.columns(), result.collectAsList(), out);
        out.flush();
      } else {
        result.show(limit, false);
      }
      return Main.OK;
    } finally {
      if (!shared) {
        spark.stop();
      }
    }
  }

  /** A plain number, which a spreadsheet reads as a number whatever its sign. */
  private static final java.util.regex.Pattern NUMBER =
      java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  /**
   * The header and rows as CSV (RFC 4180 quoting, by univocity's writer), safe to open in a
   * spreadsheet: a value that starts with {@code = + - @}, a tab or a carriage return gets a
   * leading single quote (OWASP's rule against CSV formula injection), unless it is a plain number.
   */
  static void writeCsv(String[] columns, List<Row> rows, Writer out) {
    CsvWriterSettings settings = new CsvWriterSettings();
    settings.getFormat().setLineSeparator("\n");
    settings.setIgnoreLeadingWhitespaces(false);
    settings.setIgnoreTrailingWhitespaces(false);
    settings.setNullValue("");
    settings.setEmptyValue("");
    settings.setQuoteEscapingEnabled(true);
    // Quote a value holding a CR or LF too, not only the delimiter and quote.
    settings.setQuotationTriggers('\r', '\n');
    CsvWriter writer = new CsvWriter(out, settings);
    String[] header = new String[columns.length];
    for (int i = 0; i < columns.length; i++) {
      header[i] = safe(columns[i]);
    }
    writer.writeRow((Object[]) header);
    for (Row r : rows) {
      String[] values = new String[r.length()];
      for (int i = 0; i < r.length(); i++) {
        values[i] = r.isNullAt(i) ? null : safe(String.valueOf(r.get(i)));
      }
      writer.writeRow((Object[]) values);
    }
    writer.flush();
  }

  /** The value, with a leading single quote when a spreadsheet would read it as a formula. */
  static String safe(String value) {
    if (value.isEmpty() || NUMBER.matcher(value).matches()) {
      return value;
    }
    char c = value.charAt(0);
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
      return "'" + value;
    }
    return value;
  }
}

package io.socialkpi.cli;

import io.socialkpi.config.SparkSettings;
import io.socialkpi.output.Table;
import io.socialkpi.pipeline.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs a SQL query over a run's tables, each registered as a view with its run_date column. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = "Query the output tables with Spark SQL (tables are views by their names).")
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

  @Override
  public Integer call() {
    if (output == null && conf.isEmpty()) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(this), "give --output, or --conf settings of a catalog");
    }
    if (output != null && !output.contains("://") && !Files.isDirectory(Path.of(output))) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(this), "no output folder at " + output);
    }
    SparkSession spark =
        SparkSessions.start(new SparkSettings("local[*]", "socialkpi-sql", Map.copyOf(conf)));
    try {
      for (Table t : output == null ? new Table[0] : Table.values()) {
        String path = output + "/" + t.tableName();
        if (output.contains("://") || Files.isDirectory(Path.of(path))) {
          spark.read().parquet(path).createOrReplaceTempView(t.tableName());
        }
      }
      Dataset<Row> result = spark.sql(query);
      if (csv) {
        System.out.println(String.join(",", result.columns()));
        List<Row> rows = result.collectAsList();
        for (Row r : rows) {
          StringBuilder line = new StringBuilder();
          for (int i = 0; i < r.length(); i++) {
            if (i > 0) {
              line.append(',');
            }
            line.append(csvField(r.isNullAt(i) ? "" : String.valueOf(r.get(i))));
          }
          System.out.println(line);
        }
      } else {
        result.show(limit, false);
      }
      return Main.OK;
    } finally {
      spark.stop();
    }
  }

  static String csvField(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}

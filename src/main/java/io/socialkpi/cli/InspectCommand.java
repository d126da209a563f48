package io.socialkpi.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import io.socialkpi.config.ConfigError;
import io.socialkpi.config.SettingsLoader;
import io.socialkpi.inspect.InspectException;
import io.socialkpi.inspect.InspectOptions;
import io.socialkpi.inspect.Inspection;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Sniffs a new export and prints a source block for it, without Spark: the analyst's first contact
 * with a file. Exit code 2 when the file is missing, unreadable, empty or has no time column.
 */
@Command(
    name = "inspect",
    description = {
      "Sniff an export (encoding, delimiter, header rows, time column and pattern, numeric"
          + " columns, the matching preset) and print a ready source block.",
      "Reads only the file's first rows; starts no Spark."
    })
final class InspectCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "The export (CSV; .gz too).")
  Path file;

  @Option(
      names = "--source-id",
      paramLabel = "NAME",
      description = "The source's name in the block (default: from the file name).")
  String sourceId;

  @Option(
      names = "--max-rows",
      paramLabel = "N",
      description = "Data rows to sample at most (default: ${DEFAULT-VALUE}).")
  int maxRows = InspectOptions.DEFAULT_MAX_ROWS;

  @Option(
      names = "--max-metrics",
      paramLabel = "N",
      description =
          "Metrics in the block at most, in column order; 0 for every numeric column"
              + " (default: ${DEFAULT-VALUE}).")
  int maxMetrics = InspectOptions.DEFAULT_MAX_METRICS;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A job config whose presets and source-defaults the block falls back on.")
  Path config;

  @Spec CommandSpec spec;

  /** More rows than the 4 MB the sample reads can hold anyway. */
  private static final int MAX_ROWS = 1_000_000;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (maxRows < 1 || maxRows > MAX_ROWS || maxMetrics < 0) {
      err.println(
          "socialkpi: inspect: --max-rows must be from 1 to "
              + MAX_ROWS
              + ", --max-metrics at least 0");
      err.flush();
      return Main.BAD_CONFIG;
    }
    try {
      InspectOptions options = new InspectOptions(sourceId, maxRows, maxMetrics, root());
      System.out.print(Inspection.of(file, options).text());
      System.out.flush();
      return Main.OK;
    } catch (InspectException e) {
      err.println("socialkpi: inspect: " + e.getMessage());
      err.flush();
      return Main.BAD_CONFIG;
    }
  }

  /** reference.conf, under the job config when one is given. */
  private Config root() {
    Config reference = ConfigFactory.defaultReference();
    if (config == null) {
      return reference;
    }
    if (!Files.isRegularFile(config)) {
      throw ConfigError.of(config.toString(), -1, "--config", "no such config file");
    }
    try {
      return ConfigFactory.parseFile(
              config.toFile(), ConfigParseOptions.defaults().setAllowMissing(false))
          .withFallback(reference)
          .resolve();
    } catch (ConfigException e) {
      // the file named once, and a bracket at fault at its own line, as run and validate do
      throw SettingsLoader.parseError(e, config.toString(), config);
    }
  }
}

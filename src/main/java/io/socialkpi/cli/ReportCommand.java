package io.socialkpi.cli;

import io.socialkpi.config.OutputFormat;
import io.socialkpi.config.SparkSettings;
import io.socialkpi.config.Uris;
import io.socialkpi.output.OutputFormatCheck;
import io.socialkpi.pipeline.SparkSessions;
import io.socialkpi.report.PdfPrinter;
import io.socialkpi.report.Report;
import io.socialkpi.report.ReportOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Renders the manager's report of a past run from its tables, without rerunning anything. It holds
 * the date's run lock while it reads and publishes (exit 4 while a run of the date is running); the
 * lock is judged stale after ten minutes without a heartbeat, as by default for runs.
 */
@Command(
    name = "report",
    description =
        "Render <output>/report/run_date=D/index.html and summary.md from a run's tables.")
final class ReportCommand implements Callable<Integer> {
  @Option(names = "--output", required = true, description = "The run's output folder or URI.")
  String output;

  @Option(
      names = "--run-date",
      description = "Run date YYYY-MM-DD (default: the newest run with a manifest).")
  LocalDate runDate;

  @Option(
      names = "--max-entities",
      description = "Entities shown per objective (default ${DEFAULT-VALUE}).")
  int maxEntities = ReportOptions.DEFAULTS.maxEntities();

  @Option(
      names = "--examples",
      description = "Quarantined rows shown per source and reason (default ${DEFAULT-VALUE}).")
  int examples = ReportOptions.DEFAULTS.examplesPerReason();

  @Option(
      names = "--stale-after-days",
      description =
          "Flag an objective whose outcome data ends more than this many days before the run date"
              + " (default: two windows).")
  Integer staleAfterDays;

  @Option(
      names = "--pdf",
      description = "Also print the report to report.pdf beside index.html with headless Chromium.")
  boolean pdf;

  @Option(
      names = "--chromium",
      description =
          "The browser --pdf prints with (default: SOCIALKPI_CHROMIUM, else chromium or"
              + " google-chrome on the PATH).")
  String chromium;

  // The usage of a usage error is this subcommand's under socialkpi, with the inherited -h and -V.
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine cli = spec.commandLine();
    if (!output.contains("://") && !Files.isDirectory(Path.of(output))) {
      throw new CommandLine.ParameterException(cli, "no output folder at " + output);
    }
    if (maxEntities < 1 || examples < 0 || (staleAfterDays != null && staleAfterDays < 1)) {
      throw new CommandLine.ParameterException(
          cli, "--max-entities and --stale-after-days must be at least 1 and --examples 0 or more");
    }
    java.nio.file.Path browser = pdf ? PdfPrinter.find(chromium) : null;
    if (pdf && browser == null) {
      throw new CommandLine.ParameterException(
          cli,
          "--pdf needs Chromium: "
              + (chromium != null
                  ? "no executable at " + chromium
                  : "none on the PATH (apt-get install chromium), or give --chromium PATH"));
    }
    OutputFormat format;
    try {
      format =
          OutputFormatCheck.forReading(
              output, new org.apache.hadoop.conf.Configuration(), getClass().getClassLoader());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cli, Uris.redact(e.getMessage()));
    }
    boolean shared = SparkSessions.running();
    SparkSession spark =
        SparkSessions.start(new SparkSettings("local[*]", "socialkpi-report", Map.of()), format);
    try {
      Report.Written w =
          Report.republish(
              spark,
              output,
              runDate,
              new ReportOptions(
                  maxEntities,
                  examples,
                  staleAfterDays == null ? null : java.time.Duration.ofDays(staleAfterDays)),
              java.time.Duration.ofMinutes(10));
      System.out.printf(
          "socialkpi: report of run %s (%d objectives)%n  %s%n  %s%n",
          w.runDate(), w.objectives(), Uris.redact(w.html()), Uris.redact(w.markdown()));
      if (browser != null) {
        System.out.printf(
            "  %s%n",
            Uris.redact(
                PdfPrinter.print(browser, w.html(), spark.sparkContext().hadoopConfiguration())));
      }
      return Main.OK;
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cli, Uris.redact(e.getMessage()));
    } finally {
      if (!shared) {
        spark.stop();
      }
    }
  }
}

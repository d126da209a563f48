package io.socialkpi.cli;

import io.socialkpi.config.ConfigProblem;
import io.socialkpi.config.Settings;
import io.socialkpi.config.Uris;
import io.socialkpi.output.OutputCheck;
import io.socialkpi.output.OutputFormatCheck;
import io.socialkpi.output.RunLock;
import io.socialkpi.output.RunRecovery;
import io.socialkpi.pipeline.DataSizing;
import io.socialkpi.pipeline.NightlyPipeline;
import io.socialkpi.pipeline.Progress;
import io.socialkpi.pipeline.RunSummary;
import io.socialkpi.pipeline.SparkSessions;
import io.socialkpi.source.InputCheck;
import io.socialkpi.source.SourceLayout;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the nightly job: config and inputs are checked before Spark starts. */
@Command(name = "run", description = "Run the nightly job and write the tables for one run date.")
final class RunCommand implements Callable<Integer> {
  @Mixin ConfigOptions configOptions = new ConfigOptions();

  @Option(names = "--run-date", description = "Partition date YYYY-MM-DD (default: today).")
  LocalDate runDate;

  @Option(names = "--output", description = "Output folder or URI (overrides run.output).")
  String output;

  @Override
  public Integer call() {
    CompilerChoice.endWithTheLauncher();
    Configuration base = new Configuration();
    Settings settings = configOptions.load(base);
    if (output != null) {
      settings = settings.withRun(settings.run().withOutput(output));
    } else {
      // run.output is relative to the config file's folder, like every path in a config
      settings =
          settings.withRun(
              settings
                  .run()
                  .withOutput(settings.provenance().location().resolve(settings.run().output())));
    }
    // Fixed once: a run that passes midnight keeps one run date for its lock and its partitions.
    LocalDate date = runDate != null ? runDate : settings.run().runDateOrToday();
    settings = settings.withRun(settings.run().withRunDate(date));
    Configuration hadoop = SparkSessions.hadoopConfiguration(settings.spark());
    Map<String, SourceLayout> layouts = InputCheck.check(settings, hadoop);
    DataSizing sizing = DataSizing.of(layouts.values());
    if (CompilerChoice.restartWithOptimisingCompiler(sizing.inputBytes())) {
      System.out.printf(
          "socialkpi: %s of input: starting again with Java's optimising compiler%n",
          DataSizing.bytes(sizing.inputBytes()));
      return Main.FULL_COMPILER;
    }
    OutputCheck.check(
        settings.run().output(),
        output != null
            ? new ConfigProblem(settings.configFile(), -1, "--output", "")
            : settings.problem("socialkpi.run.output", ""),
        hadoop);
    OutputFormatCheck.check(
        settings.run().output(),
        settings.run().outputFormat(),
        settings.problem("socialkpi.run.output-format", ""),
        hadoop,
        RunCommand.class.getClassLoader());
    Progress progress = new Progress(System.out);
    String out = settings.run().output();
    try (RunLock lock = RunLock.acquire(out, date, settings.run().lockStaleAfter(), hadoop)) {
      progress.step("locked run date " + date + ": " + lock.path());
      lock.notes().forEach(n -> progress.detail("%s", n));
      RunRecovery.recover(out, date, hadoop).forEach(n -> progress.detail("%s", n));
      progress.step("starting Spark");
      boolean shared = SparkSessions.running();
      SparkSession spark =
          SparkSessions.start(settings.spark(), sizing, settings.run().outputFormat());
      try {
        progress.detail(
            "master %s, Spark %s; %s of input: %s shuffle partitions, adaptive execution %s",
            spark.sparkContext().master(),
            spark.version(),
            DataSizing.bytes(sizing.inputBytes()),
            spark.conf().get("spark.sql.shuffle.partitions"),
            spark.conf().get("spark.sql.adaptive.enabled").equals("true") ? "on" : "off");
        RunSummary summary = new NightlyPipeline(spark, settings, layouts, progress, lock).run();
        System.out.printf(
            "socialkpi: run %s finished in %.1f s; tables under %s%n",
            summary.runDate(), summary.seconds(), Uris.redact(summary.output()));
        for (var stage : summary.stages()) {
          progress.detail(
              "%-9s %8.1f s  peak heap %,6d MB",
              stage.name(), stage.seconds(), stage.peakHeapBytes() >> 20);
        }
        return Main.OK;
      } finally {
        if (!shared) {
          spark.stop();
        }
      }
    }
  }
}

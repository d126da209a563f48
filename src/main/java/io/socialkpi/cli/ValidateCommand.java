package io.socialkpi.cli;

import io.socialkpi.config.ObjectiveSpec;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SourceSpec;
import io.socialkpi.source.InputCheck;
import io.socialkpi.source.SourceLayout;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Checks a job config and that every input exists with its columns; writes nothing. */
@Command(
    name = "validate",
    description = "Check the config and the inputs (files, columns) without running the analysis.")
final class ValidateCommand implements Callable<Integer> {
  @Mixin ConfigOptions configOptions = new ConfigOptions();

  @Option(
      names = "--print-config",
      description =
          "Print the effective config (defaults, file and --set) as HOCON, secrets redacted.")
  boolean printConfig;

  @Override
  public Integer call() {
    Settings settings = configOptions.load(new org.apache.hadoop.conf.Configuration());
    if (printConfig) {
      System.out.print(settings.provenance().hocon());
    }
    io.socialkpi.output.OutputFormatCheck.checkClasspath(
        settings.run().outputFormat(),
        settings.problem("socialkpi.run.output-format", ""),
        ValidateCommand.class.getClassLoader());
    Map<String, SourceLayout> layouts = InputCheck.check(settings);
    System.out.println("socialkpi: " + settings.configFile() + " is valid");
    for (SourceSpec s : settings.sources().values()) {
      SourceLayout layout = layouts.get(s.name());
      System.out.printf(
          "  source %-16s %s, %d file(s), metrics %s%n",
          s.name(),
          s.format().name().toLowerCase(java.util.Locale.ROOT),
          layout.files().size(),
          s.metrics().stream().map(m -> m.name()).toList());
    }
    for (ObjectiveSpec o : settings.objectives()) {
      System.out.printf(
          "  objective %-22s %s %s, %d lead indicator(s), %d tactic(s)%n",
          o.id(),
          o.outcome(),
          o.expectedDirection().key(),
          o.leadIndicators().size(),
          o.tactics().size());
    }
    return Main.OK;
  }
}

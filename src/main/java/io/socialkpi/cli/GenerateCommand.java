package io.socialkpi.cli;

import io.socialkpi.generate.FileReport;
import io.socialkpi.generate.GenerationReport;
import io.socialkpi.generate.GeneratorOptions;
import io.socialkpi.generate.Scenario;
import io.socialkpi.generate.ScenarioExport;
import io.socialkpi.generate.SyntheticCompany;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes a synthetic company's exports with known effects, plus a config that reads them. */
@Command(
    name = "generate",
    description = "Write synthetic exports with effects of known size and a config for them.")
final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, description = "Folder to write into.")
  Path out;

  @Option(names = "--days", description = "Days of data (default ${DEFAULT-VALUE}).")
  int days = GeneratorOptions.defaults().days();

  @Option(names = "--entities", description = "Regions (default ${DEFAULT-VALUE}).")
  int entities = GeneratorOptions.defaults().entities();

  @Option(names = "--seed", description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed = GeneratorOptions.defaults().seed();

  @Option(names = "--volume", description = "Multiplier of event rates (default ${DEFAULT-VALUE}).")
  double volume = GeneratorOptions.defaults().volume();

  @Option(names = "--start", description = "First day (default ${DEFAULT-VALUE}).")
  LocalDate start = GeneratorOptions.defaults().start();

  @Option(
      names = "--every-days",
      description =
          "Write every n-th day only, e.g. 7 for weekly exports of many entities"
              + " (default ${DEFAULT-VALUE}: daily).")
  int everyDays = 1;

  @Option(names = "--no-malformed", description = "Leave out the deliberately broken rows.")
  boolean noMalformed;

  @Option(names = "--no-effects", description = "Inject no effect and no lead (a null data set).")
  boolean noEffects;

  @Option(
      names = "--scenario",
      description =
          "Instead of the company, one calibration scenario with known truth (docs/STATISTICS.md,"
              + " \"Calibration\"): white-noise, ar1, trend, shared-trend, seasonal,"
              + " random-walk-leads, weekly-ar, shared-shock, step-0, step-5, step-10, step-15,"
              + " step-15-noisy. --entities and --seed apply.")
  String scenario;

  // The usage of a usage error is this subcommand's under socialkpi, with the inherited -h and -V.
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (scenario != null) {
      return writeScenario();
    }
    GeneratorOptions options;
    try {
      options =
          new GeneratorOptions(
              start, days, entities, seed, volume, !noMalformed, !noEffects, everyDays);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    GenerationReport report = SyntheticCompany.generate(out, options);
    for (FileReport f : report.files()) {
      System.out.printf(
          "  %-32s %,12d rows (%d broken on purpose)%n", f.file(), f.rows(), f.brokenRows());
    }
    System.out.printf(
        "socialkpi: wrote %,d rows to %s in %.1f s (%,.0f rows/s); config %s%n",
        report.rows(),
        out,
        report.seconds(),
        report.rows() / Math.max(report.seconds(), 1e-9),
        out.resolve("socialkpi.conf"));
    return Main.OK;
  }

  private Integer writeScenario() throws IOException {
    Scenario s;
    try {
      s = Scenario.byId(scenario);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--scenario: " + e.getMessage());
    }
    ScenarioExport.write(s, seed, entities, out);
    System.out.printf(
        "socialkpi: wrote scenario %s (seed %d, %d entities%s) to %s; config %s%n",
        s.id(),
        seed,
        entities,
        s.hasControl() ? " and the control entity ctrl" : "",
        out,
        out.resolve("socialkpi.conf"));
    return Main.OK;
  }
}

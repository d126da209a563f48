package io.socialkpi.cli;

import io.socialkpi.config.ConfigError;
import io.socialkpi.config.Uris;
import io.socialkpi.output.LockLostException;
import io.socialkpi.output.RunLockedException;
import io.socialkpi.pipeline.DataQualityError;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The socialkpi command line: {@code run}, {@code validate}, {@code inspect} (a new export's source
 * block), {@code generate}, {@code sql} and {@code report}. Exit codes: 0 success, 2 bad usage or
 * config, 3 data-quality threshold exceeded, 4 another run of the same run date and output holds
 * the lock (or took it over before this run published), 1 anything unexpected.
 */
@Command(
    name = "socialkpi",
    // one declaration of --help and --version, which every subcommand inherits
    scope = CommandLine.ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Ties social-media metrics to business objectives, nightly, on Spark.",
    subcommands = {
      RunCommand.class,
      ValidateCommand.class,
      InspectCommand.class,
      GenerateCommand.class,
      SqlCommand.class,
      ReportCommand.class
    })
public final class Main {
  public static final int OK = 0;
  public static final int UNEXPECTED = 1;
  public static final int BAD_CONFIG = 2;
  public static final int DATA_QUALITY = 3;
  public static final int LOCKED = 4;

  /**
   * Only with {@link CompilerChoice#PROPERTY} set, which the local launcher sets: the input is
   * large, start the run again with Java's optimising compiler.
   */
  public static final int FULL_COMPILER = 10;

  /** {@code --version}: the Maven project version the jar was built as (also in run_info). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"socialkpi " + io.socialkpi.config.JobVersion.get()};
    }
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command line and returns its exit code, without exiting the JVM (for tests). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(Main::handle);
    return cli.execute(args);
  }

  /**
   * An exception that ends a command for a reason the user can act on: printed as one line, its
   * message after {@code what}, and exiting with {@code exitCode}.
   */
  private record Expected(Class<? extends Exception> type, String what, int exitCode) {}

  private static final List<Expected> EXPECTED =
      List.of(
          new Expected(ConfigError.class, "configuration error", BAD_CONFIG),
          new Expected(DataQualityError.class, "data quality check failed", DATA_QUALITY),
          new Expected(RunLockedException.class, "run locked", LOCKED),
          new Expected(LockLostException.class, "run lock lost", LOCKED));

  private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    // Exception messages may hold a source or output URI with credentials: never print them.
    for (Expected expected : EXPECTED) {
      if (expected.type().isInstance(e)) {
        err.println(Uris.redact("socialkpi: " + expected.what() + ": " + e.getMessage()));
        err.flush();
        return expected.exitCode();
      }
    }
    java.io.StringWriter trace = new java.io.StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    err.println(Uris.redact("socialkpi: failed: " + e));
    err.print(Uris.redact(trace.toString()));
    err.flush();
    return UNEXPECTED;
  }
}

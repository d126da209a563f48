package io.socialkpi.cli;

import io.socialkpi.config.ConfigError;
import io.socialkpi.config.Uris;
import io.socialkpi.output.LockLostException;
import io.socialkpi.output.RunLockedException;
import io.socialkpi.pipeline.DataQualityError;
import java.io.PrintWriter;
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

  private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    if (e instanceof ConfigError) {
      err.println("socialkpi: configuration error: " + e.getMessage());
      err.flush();
      return BAD_CONFIG;
    }
    if (e instanceof DataQualityError) {
      err.println(Uris.redact("socialkpi: data quality check failed: " + e.getMessage()));
      err.flush();
      return DATA_QUALITY;
    }
    if (e instanceof RunLockedException) {
      err.println(Uris.redact("socialkpi: run locked: " + e.getMessage()));
      err.flush();
      return LOCKED;
    }
    if (e instanceof LockLostException) {
      err.println(Uris.redact("socialkpi: run lock lost: " + e.getMessage()));
      err.flush();
      return LOCKED;
    }
    // Exception messages may hold a source or output URI with credentials: never print them.
    java.io.StringWriter trace = new java.io.StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    err.println(Uris.redact("socialkpi: failed: " + e));
    err.print(Uris.redact(trace.toString()));
    err.flush();
    return UNEXPECTED;
  }
}

package io.socialkpi.cli;

/**
 * Which of Java's compilers a run needs, for the local launcher ({@code jobs/socialkpi}). On a
 * small input the optimising compiler (C2) costs more than it saves: on the sample, 23,000
 * compilations took 27 s of the two cores' CPU in an 18 s run, and with the quick compiler alone
 * ({@code -XX:TieredStopAtLevel=1}) the run took 12 s. On a large input the scan's loops run long
 * enough to repay it: 10M rows read in 32 s with it and 42 s without (docs/PERFORMANCE.md,
 * "Compilers"). Java cannot switch compilers once started, so the launcher starts {@code run} with
 * the quick compiler and {@link #PROPERTY} set; a run whose input is larger than {@link
 * #QUICK_MAX_INPUT_BYTES} stops before it takes the lock or starts Spark, with exit code {@link
 * Main#FULL_COMPILER}, and the launcher starts it again with both compilers.
 */
final class CompilerChoice {
  /**
   * Set by the launcher when this JVM has only the quick compiler and may be restarted. Outside the
   * {@code socialkpi} block: lightbend/config merges system properties into the config, and a
   * {@code socialkpi.*} property would change {@code run_info.config_sha256} with the launcher.
   */
  static final String PROPERTY = "socialkpi-launcher.quick-compiler";

  /** Input up to this size runs with the quick compiler alone (measured break-even, see above). */
  static final long QUICK_MAX_INPUT_BYTES = 256L << 20;

  /** Another limit than {@link #QUICK_MAX_INPUT_BYTES}, in bytes: for a test of the restart. */
  static final String MAX_BYTES_PROPERTY = "socialkpi-launcher.quick-compiler-max-input-bytes";

  private CompilerChoice() {}

  /**
   * Under the launcher ({@link #PROPERTY} set), this JVM is a child the launcher waits for, not the
   * launcher's own process as every other command's Java is. A TERM or Ctrl-C reaches it through
   * the launcher; a SIGKILL of the launcher (a scheduler's or a test's kill of the process it
   * started) cannot, and the run would go on unseen with its lock held. So the run ends as a TERM
   * would end it as soon as the launcher is gone.
   */
  static void endWithTheLauncher() {
    if (!Boolean.getBoolean(PROPERTY)) {
      return;
    }
    ProcessHandle.current()
        .parent()
        .ifPresent(
            launcher -> {
              var unused =
                  launcher
                      .onExit()
                      .thenRun(
                          () -> {
                            System.err.printf(
                                "socialkpi: the launcher (pid %d) is gone: stopping the run%n",
                                launcher.pid());
                            System.exit(143);
                          });
            });
  }

  /** Whether this JVM should end so that the launcher restarts it with the optimising compiler. */
  static boolean restartWithOptimisingCompiler(long inputBytes) {
    return Boolean.getBoolean(PROPERTY)
        && inputBytes > Long.getLong(MAX_BYTES_PROPERTY, QUICK_MAX_INPUT_BYTES);
  }
}

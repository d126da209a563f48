package io.socialkpi.pipeline;

import io.socialkpi.config.Uris;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The job's own progress lines on stdout: each step, what it counted and how long it took. URIs are
 * shown without their user-info ({@link Uris#redact}).
 */
public final class Progress {
  private final PrintStream out;
  private long stepStart;

  public Progress(PrintStream out) {
    this.out = out;
  }

  public void step(String name) {
    stepStart = System.nanoTime();
    out.println(Uris.redact("socialkpi: " + name));
    out.flush();
  }

  public void detail(String format, Object... args) {
    out.println(Uris.redact("  " + String.format(Locale.ROOT, format, args)));
    out.flush();
  }

  /** Seconds since the current step started. */
  public double elapsed() {
    return (System.nanoTime() - stepStart) / 1e9;
  }

  public void done() {
    detail("done in %.1f s", elapsed());
  }
}

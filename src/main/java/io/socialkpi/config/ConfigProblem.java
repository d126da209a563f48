package io.socialkpi.config;

import java.io.Serializable;

/**
 * One mistake in a job config, located by file, line and key path.
 *
 * @param line 1-based line, or -1 when unknown
 */
public record ConfigProblem(String file, int line, String path, String message)
    implements Serializable {

  @Override
  public String toString() {
    // a --set override is one line: its text names it
    String where = line > 0 && !file.startsWith("--set") ? file + ":" + line : file;
    // A source or output URI may carry credentials: never print them.
    return Uris.redact(where + ": " + path + ": " + message);
  }
}

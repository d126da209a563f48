package io.socialkpi.inspect;

/**
 * A file {@code jobs/socialkpi inspect} cannot make a source of: missing, unreadable, empty, or
 * without a column of times. The message names the file and says why; the command exits with code
 * 2, as for a bad config.
 */
public final class InspectException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InspectException(String message) {
    super(message);
  }
}

package io.socialkpi.pipeline;

/** A source quarantined more of its rows than {@code run.quarantine-max-fraction} allows. */
public final class DataQualityError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DataQualityError(String message) {
    super(message);
  }
}

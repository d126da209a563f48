package io.socialkpi.config;

import java.util.regex.Pattern;

/**
 * Hides the user-info of URIs ({@code s3a://KEY:SECRET@bucket/x} becomes {@code
 * s3a://***@bucket/x}) in any text the job prints or stores: config errors, progress lines, the
 * quarantine table's file column (as a Spark expression in {@code source/LineNumbers}), run_info.
 */
public final class Uris {
  /**
   * A scheme, then user-info up to its {@code @}: either without a slash, or {@code user:secret}
   * whose secret may hold unencoded slashes (AWS secret keys do), never a space or quote.
   */
  public static final String USER_INFO =
      "([A-Za-z][A-Za-z0-9+.-]*://)(?:[^/\\s@'\":]*:[^\\s@'\"]*|[^/\\s@'\"]*)@";

  /** What {@link #USER_INFO} is replaced with: the scheme kept, the user-info hidden. */
  public static final String HIDDEN = "$1***@";

  private static final Pattern PATTERN = Pattern.compile(USER_INFO);

  private Uris() {}

  /** The text with the user-info of every URI in it replaced by {@code ***}; null stays null. */
  public static String redact(String text) {
    return text == null ? null : PATTERN.matcher(text).replaceAll(HIDDEN);
  }
}

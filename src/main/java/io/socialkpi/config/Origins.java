package io.socialkpi.config;

import com.typesafe.config.ConfigOrigin;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a config value was written: the file of its origin (an included file's own name). */
final class Origins {
  /** A simple origin's description: the file or URI it was parsed from, then its line. */
  private static final Pattern DESCRIPTION = Pattern.compile("(.+?)(?:: \\d+)?");

  private Origins() {}

  /**
   * The file or URI of {@code origin}, or {@code fallback} (the job config's name) when it has none
   * of its own: a value merged from several places, reference.conf's defaults, a {@code --set}.
   */
  static String file(ConfigOrigin origin, String fallback) {
    if (origin == null) {
      return fallback;
    }
    if (origin.filename() != null) {
      return origin.filename();
    }
    if (origin.url() != null || origin.resource() != null) {
      return fallback; // reference.conf's defaults: the job config is where to change them
    }
    String description = origin.description();
    if (description == null || description.startsWith("merge of")) {
      return fallback;
    }
    Matcher m = DESCRIPTION.matcher(description);
    return m.matches() ? m.group(1) : fallback;
  }
}

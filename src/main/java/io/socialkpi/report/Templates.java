package io.socialkpi.report;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The report's Pebble templates. Every expression is escaped unless a template says {@code raw}:
 * HTML escaping for the page, Markdown escaping for {@code summary.md}, so a name or value from the
 * data can never become markup in either.
 */
final class Templates {
  private static final PebbleEngine HTML = engine("html");
  private static final PebbleEngine MARKDOWN =
      new PebbleEngine.Builder()
          .loader(loader())
          .strictVariables(true)
          .addEscapingStrategy("markdown", Templates::escapeMarkdown)
          .defaultEscapingStrategy("markdown")
          .build();

  private Templates() {}

  static String html(String template, Map<String, Object> context) {
    return render(HTML, template, context);
  }

  static String markdown(String template, Map<String, Object> context) {
    return render(MARKDOWN, template, context);
  }

  private static String render(PebbleEngine engine, String template, Map<String, Object> context) {
    StringWriter out = new StringWriter();
    try {
      engine.getTemplate(template).evaluate(out, context);
    } catch (IOException e) {
      throw new UncheckedIOException("rendering " + template, e);
    }
    return out.toString();
  }

  private static PebbleEngine engine(String strategy) {
    return new PebbleEngine.Builder()
        .loader(loader())
        .strictVariables(true)
        .defaultEscapingStrategy(strategy)
        .build();
  }

  private static ClasspathLoader loader() {
    ClasspathLoader loader = new ClasspathLoader(Templates.class.getClassLoader());
    loader.setPrefix("io/socialkpi/report");
    return loader;
  }

  /**
   * Backslash-escapes Markdown's punctuation and turns a {@code <} or {@code &} that could start a
   * tag or an entity into an entity, so text reads as text in any Markdown renderer.
   */
  static String escapeMarkdown(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        // Only what could open a tag or an entity: "p < 0.001" stays as it is.
        case '<' -> out.append(opens(s, i, "/!?") ? "&lt;" : "<");
        case '&' -> out.append(opens(s, i, "#") ? "&amp;" : "&");
        case '\\', '`', '*', '_', '[', ']', '#', '|', '~' -> out.append('\\').append(c);
        case '\n', '\r' -> out.append(' ');
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean opens(String s, int i, String extra) {
    if (i + 1 >= s.length()) {
      return false;
    }
    char next = s.charAt(i + 1);
    return Character.isLetter(next) || extra.indexOf(next) >= 0;
  }
}

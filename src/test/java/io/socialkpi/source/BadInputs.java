package io.socialkpi.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The bad-input corpus of {@code src/test/resources/bad-inputs}, and configs that read it. */
public final class BadInputs {
  public static final Path CORPUS = Path.of("src/test/resources/bad-inputs");

  /** Columns of every corpus file except {@code future-times.csv}. */
  public static final String HEADER = "date,region,fans,engaged_users,revenue\n";

  private BadInputs() {}

  /**
   * A source over corpus file(s) {@code path}, with {@code extra} keys (a csv block, dedupe): fans
   * and engaged users cannot be negative, revenue can (refunds).
   */
  public static String pagesSource(String name, String path, String extra) {
    return name
        + " {\n"
        + "  path = \""
        + path
        + "\"\n"
        + "  "
        + extra
        + "\n"
        + "  time { column = date }\n"
        + "  entity = region\n"
        + "  metrics {\n"
        + "    fans { column = fans, aggregate = last, non-negative = true }\n"
        + "    engaged { column = engaged_users, aggregate = sum, non-negative = true }\n"
        + "    revenue { column = revenue, aggregate = sum }\n"
        + "  }\n"
        + "}\n";
  }

  /** Orders with timestamps carrying their offset, windowed in Helsinki time. */
  public static String ordersSource(String name, String path) {
    return name
        + " {\n  path = \""
        + path
        + "\"\n  time { column = ordered_at, pattern = \"yyyy-MM-dd'T'HH:mm:ssXXX\" }\n"
        + "  entity = region\n  metrics { sales { column = amount, aggregate = sum } }\n}\n";
  }

  /** A job config for run date 2024-03-31 (days in {@code zone}) over the given sources. */
  public static String config(String zone, String sources) {
    return "socialkpi {\n  run { zone = \""
        + zone
        + "\", window = day, run-date = 2024-03-31, quarantine-max-fraction = 1.0 }\n"
        + "  sources {\n"
        + sources
        + "  }\n}\n";
  }

  /** Copies the whole corpus into {@code dir}, where configs written there find it. */
  public static void copyTo(Path dir) {
    try (Stream<Path> files = Files.walk(CORPUS)) {
      for (Path f : files.toList()) {
        Path target = dir.resolve(CORPUS.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A CSV with a good row, a single line of {@code bytes} bytes, and another good row: the long
   * line is line 3.
   */
  public static Path longLine(Path dir, String name, int bytes) throws IOException {
    Path file = dir.resolve(name);
    String prefix = "2024-03-02,north,";
    String suffix = ",5,1.5\n";
    StringBuilder s = new StringBuilder(HEADER).append("2024-03-01,north,100,10,1.5\n");
    s.append(prefix).append("9".repeat(bytes - prefix.length() - suffix.length() + 1));
    s.append(suffix).append("2024-03-03,north,102,12,3.5\n");
    Files.writeString(file, s);
    return file;
  }
}

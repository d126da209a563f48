package io.socialkpi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Columns of the public data sets copied into {@code src/test/resources/public-data} (unchanged
 * bytes; SOURCES.md there gives each file's origin and hash), as doubles with NaN for empty cells.
 * Simple CSV: the files have no quoted separators. A missing file fails the test: a bare clone has
 * them all, so no statistics test is ever skipped.
 */
public final class PublicData {
  public static final Path ROOT = Path.of("src", "test", "resources", "public-data");

  private PublicData() {}

  public static double[] column(String file, String name) {
    return column(file, name, file.endsWith("withType.csv") ? ";" : ",");
  }

  public static double[] column(String file, String name, String delimiter) {
    Path path = existing(file);
    try {
      List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
      List<String> header =
          Arrays.stream(lines.get(0).split(delimiter, -1)).map(PublicData::unquote).toList();
      int index = header.indexOf(name);
      if (index < 0) {
        throw new IllegalArgumentException(name + " not in " + header);
      }
      List<Double> values = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank()) {
          continue;
        }
        String cell = unquote(line.split(delimiter, -1)[index]).trim();
        values.add(cell.isEmpty() || cell.equals("NA") ? Double.NaN : Double.parseDouble(cell));
      }
      return values.stream().mapToDouble(Double::doubleValue).toArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text column {@code name} (dates, labels). */
  public static java.util.List<String> text(String file, String name) {
    Path path = existing(file);
    try {
      List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
      int index =
          Arrays.stream(lines.get(0).split(",", -1))
              .map(PublicData::unquote)
              .toList()
              .indexOf(name);
      return lines.subList(1, lines.size()).stream()
          .filter(l -> !l.isBlank())
          .map(l -> unquote(l.split(",", -1)[index]))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path existing(String file) {
    Path path = ROOT.resolve(file);
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException(
          "public data file missing: " + path.toAbsolutePath() + " (see its SOURCES.md)");
    }
    return path;
  }

  private static String unquote(String s) {
    String t = s.trim();
    return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")
        ? t.substring(1, t.length() - 1)
        : t;
  }
}

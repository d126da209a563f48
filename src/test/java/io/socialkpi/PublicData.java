package io.socialkpi;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Columns of the public data sets in {@code ../shared/public-data} (next to the project, as on CI),
 * as doubles with NaN for empty cells. Simple CSV: the files have no quoted separators.
 */
public final class PublicData {
  public static final Path ROOT = Path.of("..", "shared", "public-data");

  private PublicData() {}

  public static double[] column(String file, String name) {
    return column(file, name, file.endsWith("withType.csv") ? ";" : ",");
  }

  public static double[] column(String file, String name, String delimiter) {
    Path path = ROOT.resolve(file);
    assumeTrue(Files.isRegularFile(path), "public data not found at " + path.toAbsolutePath());
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
    Path path = ROOT.resolve(file);
    assumeTrue(Files.isRegularFile(path), "public data not found at " + path.toAbsolutePath());
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

  private static String unquote(String s) {
    String t = s.trim();
    return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")
        ? t.substring(1, t.length() - 1)
        : t;
  }
}

package io.socialkpi.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The good rows of one generated file, read back the plain way a test should: header dropped, the
 * rows the report lists as broken on purpose left out. Good rows never need CSV quoting, so a split
 * is enough.
 */
final class Exported {
  static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
  private static final ObjectMapper JSON = new ObjectMapper();

  private Exported() {}

  /** Fields of every good row of a CSV file. */
  static List<String[]> csv(Path dir, GenerationReport report, String file) {
    String separator = file.endsWith("tickets.csv") ? ";" : ",";
    List<String[]> rows = new ArrayList<>();
    for (String line : goodLines(dir, report, file, 1)) {
      rows.add(line.split(separator, -1));
    }
    return rows;
  }

  /** Every good line of a JSON lines file, parsed. */
  static List<JsonNode> json(Path dir, GenerationReport report, String file) {
    List<JsonNode> rows = new ArrayList<>();
    try {
      for (String line : goodLines(dir, report, file, 0)) {
        rows.add(JSON.readTree(line));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  static List<String> goodLines(Path dir, GenerationReport report, String file, int headerLines) {
    Set<Long> broken =
        report.file(file).malformed().stream().map(MalformedRow::line).collect(Collectors.toSet());
    List<String> all = lines(dir.resolve(file));
    List<String> good = new ArrayList<>();
    for (int i = headerLines; i < all.size(); i++) {
      if (!broken.contains(i + 1L)) {
        good.add(all.get(i));
      }
    }
    return good;
  }

  static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Helsinki calendar day of a timestamp with offset. */
  static LocalDate helsinkiDay(String offsetTime) {
    return OffsetDateTime.parse(offsetTime).atZoneSameInstant(HELSINKI).toLocalDate();
  }

  static LocalDate localDay(String text, String pattern) {
    return LocalDateTime.parse(text, DateTimeFormatter.ofPattern(pattern)).toLocalDate();
  }
}

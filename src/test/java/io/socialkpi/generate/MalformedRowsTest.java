package io.socialkpi.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import io.socialkpi.config.SourceSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deliberately broken rows: a handful per file, each really broken in the way its reason says,
 * the same list in the report and in truth.json, and none when they are switched off.
 */
class MalformedRowsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static GenerationReport report;
  static Settings settings;

  @BeforeAll
  static void generate() throws IOException {
    report = SyntheticCompany.generate(dir, GeneratorOptions.defaults().withSeed(11));
    settings = SettingsLoader.load(dir.resolve("socialkpi.conf"));
  }

  @Test
  void aHandfulPerFileWellUnderOnePercent() {
    for (FileReport f : report.files()) {
      assertThat(f.brokenRows()).as(f.file()).isBetween(1L, 5L);
      assertThat((double) f.brokenRows() / f.rows()).as(f.file()).isLessThan(0.01);
      assertThat(f.rows()).isEqualTo(Exported.lines(dir.resolve(f.file())).size() - header(f));
    }
    assertThat(report.malformed().stream().map(MalformedRow::reason).distinct())
        .containsExactlyInAnyOrder(
            "bad_time",
            "non_numeric",
            "missing_value",
            "duplicate",
            "wrong_field_count",
            "malformed_json",
            "blank_line");
    assertThat(report.brokenRows()).isEqualTo(report.malformed().size()).isEqualTo(21);
  }

  static int header(FileReport f) {
    return f.file().endsWith(".jsonl") ? 0 : 1;
  }

  @Test
  void eachRowIsAtItsLineAndBrokenTheWayItsReasonSays() throws IOException {
    for (SourceSpec s : settings.sources().values()) {
      String file = ExportFormatTest.file(dir, s);
      List<String> lines = Exported.lines(dir.resolve(file));
      String header = file.endsWith(".jsonl") ? null : lines.get(0);
      String sep = file.endsWith("tickets.csv") ? ";" : ",";
      for (MalformedRow m : report.file(file).malformed()) {
        String raw = lines.get((int) m.line() - 1);
        assertThat(raw).isEqualTo(m.raw());
        List<String> fields = header == null ? json(raw, s) : csv(raw, sep);
        List<String> columns =
            header == null ? ExportFormatTest.MENTION_KEYS : List.of(header.split(sep));
        int timeColumn = columns.indexOf(s.time().column());
        String time = fields == null || fields.size() <= timeColumn ? null : fields.get(timeColumn);
        switch (m.reason()) {
          case "blank_line" -> assertThat(raw).isEmpty();
          case "malformed_json" -> assertThat(fields).isNull();
          case "wrong_field_count" -> assertThat(fields).hasSizeGreaterThan(columns.size());
          case "bad_time" -> assertThat(new Times(s.time().pattern()).parses(time)).isFalse();
          case "missing_value" -> assertThat(fields).contains("");
          case "non_numeric" ->
              assertThat(metricValues(s, columns, fields))
                  .anyMatch(v -> !v.isEmpty() && !number(v));
          case "duplicate" -> assertThat(lines.subList(0, (int) m.line() - 1)).contains(raw);
          default -> throw new AssertionError("unknown reason " + m.reason());
        }
      }
    }
  }

  static List<String> metricValues(SourceSpec s, List<String> columns, List<String> fields) {
    return s.metrics().stream()
        .filter(m -> m.column() != null)
        .map(m -> fields.get(columns.indexOf(m.column())))
        .toList();
  }

  static boolean number(String v) {
    try {
      Double.parseDouble(v);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** RFC-4180 fields (quotes honoured), enough for the generated files. */
  static List<String> csv(String line, String sep) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == sep.charAt(0)) {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString());
    return out;
  }

  static List<String> json(String line, SourceSpec s) {
    try {
      JsonNode node = JSON.readTree(line);
      return ExportFormatTest.MENTION_KEYS.stream().map(k -> node.get(k).asText()).toList();
    } catch (IOException e) {
      return null;
    }
  }

  @Test
  void truthJsonListsTheSameRows() throws IOException {
    JsonNode listed = JSON.readTree(dir.resolve("truth.json").toFile()).get("malformed");
    List<String> fromJson = new ArrayList<>();
    listed.forEach(
        n ->
            fromJson.add(
                n.get("file").asText()
                    + ":"
                    + n.get("line").asLong()
                    + ":"
                    + n.get("reason").asText()
                    + ":"
                    + n.get("raw").asText()));
    assertThat(fromJson)
        .containsExactlyElementsOf(
            report.malformed().stream()
                .map(m -> m.file() + ":" + m.line() + ":" + m.reason() + ":" + m.raw())
                .toList());
  }

  @Test
  void noneWhenSwitchedOff() throws IOException {
    Path clean = dir.resolve("clean");
    GenerationReport r =
        SyntheticCompany.generate(
            clean, GeneratorOptions.defaults().withSeed(11).withMalformed(false));
    assertThat(r.brokenRows()).isZero();
    Map<String, Long> missing =
        r.files().stream()
            .collect(
                Collectors.toMap(FileReport::file, f -> report.file(f.file()).rows() - f.rows()));
    missing.forEach((file, n) -> assertThat(n).as(file).isEqualTo(report.file(file).brokenRows()));
    for (FileReport f : r.files()) {
      assertThat(Exported.lines(clean.resolve(f.file()))).as(f.file()).doesNotContain("");
    }
  }
}

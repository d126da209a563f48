package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import io.socialkpi.config.SourceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSON line read as a token stream gives the same fields, or the same quarantine reason and
 * detail, as the same line read whole as a Jackson tree: on hand-written edge cases and on 30,000
 * random mutations of a mentions line.
 */
class JsonStreamTest {
  @TempDir Path dir;

  static final String LINE =
      "{\"mention_id\":\"M1\",\"created_at\":\"2024-03-01T22:14:12Z\",\"region\":\"north\","
          + "\"sentiment\":-0.164,\"topic\":\"question\",\"channel\":\"facebook\"}";

  LineParser parser() throws Exception {
    Files.writeString(dir.resolve("m.jsonl"), LINE + "\n");
    String conf =
        "socialkpi.sources.m { path = \""
            + dir.resolve("m.jsonl")
            + "\", format = json, time { column = created_at, pattern ="
            + " \"yyyy-MM-dd'T'HH:mm:ssXXX\" }, entity = region, metrics { mentions { aggregate"
            + " = count }, sentiment { column = sentiment, aggregate = mean }, complaints {"
            + " aggregate = count, where { topic = complaint } } } }\n";
    Settings s = SettingsLoader.load(Files.writeString(dir.resolve("job.conf"), conf));
    SourceSpec m = s.sources().get("m");
    return new LineParser(m, new SourceLayout("m", List.of(), List.of()));
  }

  @Test
  void edgeCasesReadAsTheTreeReadsThem() throws Exception {
    LineParser p = parser();
    List<String> lines =
        List.of(
            LINE,
            LINE + "   ",
            LINE + " x",
            LINE + LINE,
            "[1,2]",
            "\"text\"",
            "{}",
            "{\"region\":null,\"sentiment\":1.50,\"topic\":true}",
            "{\"region\":{\"a\":[1,{\"b\":2}]},\"sentiment\":1e3,\"topic\":[\"x\"]}",
            "{\"region\":\"n\\u00e4\\\"x\",\"sentiment\":12345678901234567890,\"x\":{\"y\":1}}",
            "{\"region\":\"a\",\"region\":\"b\"}",
            "{\"x\":{\"y\":1,\"y\":2},\"region\":\"a\"}",
            "{\"region\":\"a\",",
            "{\"sentiment\":-0.0,\"created_at\":false,\"topic\":0.1E-5}",
            "  {\"region\":\"a\"}",
            "{\"region\":\"a\"} // comment");
    for (String line : lines) {
      same(p, line);
    }
  }

  @Test
  void randomMutationsReadAsTheTreeReadsThem() throws Exception {
    LineParser p = parser();
    Random random = new Random(11);
    String alphabet = "{}[]\",:0123456789.-eE tnul\\ax";
    int streamed = 0;
    for (int n = 0; n < 30_000; n++) {
      StringBuilder line = new StringBuilder(LINE);
      int edits = random.nextInt(3);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(line.length());
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        switch (random.nextInt(3)) {
          case 0 -> line.setCharAt(at, c);
          case 1 -> line.insert(at, c);
          default -> line.deleteCharAt(at);
        }
      }
      if (line.toString().isBlank()) {
        continue;
      }
      LineParser.Parsed got = same(p, line.toString());
      if (got.reason() == null) {
        streamed++;
      }
    }
    assertThat(streamed).isGreaterThan(5_000);
  }

  private static LineParser.Parsed same(LineParser p, String line) {
    LineParser.Parsed got = p.parse(line);
    LineParser.Parsed tree = p.parseJsonTree(line);
    assertThat(got.reason()).as(line).isEqualTo(tree.reason());
    assertThat(got.detail()).as(line).isEqualTo(tree.detail());
    assertThat(got.fields()).as(line).isEqualTo(tree.fields());
    return got;
  }
}

package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.univocity.parsers.csv.CsvParser;
import io.socialkpi.config.CsvOptions;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast split of quote-free lines must give exactly what univocity gives, or hand the line to
 * univocity: checked on random lines over an alphabet of delimiters, blanks, comment marks and
 * escapes, for both delimiters the sample uses.
 */
class CsvSplitTest {
  @Test
  void agreesWithUnivocityOnRandomQuoteFreeLines() {
    Random random = new Random(7);
    String alphabet = "ab ,;#\\\t1.";
    int split = 0;
    for (char delimiter : new char[] {',', ';'}) {
      CsvParser univocity = CsvFields.parser(CsvOptions.of(delimiter, '.', null, null));
      for (int n = 0; n < 20_000; n++) {
        StringBuilder line = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
          line.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        if (line.toString().isBlank()) {
          continue; // LineParser quarantines blank lines before splitting
        }
        for (int expected = 1; expected <= 4; expected++) {
          String[] fast = LineParser.split(line.toString(), delimiter, expected);
          if (fast != null) {
            split++;
            assertThat(fast)
                .as("line '%s', %d fields", line, expected)
                .containsExactly(univocity.parseLine(line.toString()));
          }
        }
      }
    }
    // The fast path is taken for most lines of the right width, not skipped.
    assertThat(split).isGreaterThan(20_000);
  }

  @Test
  void handsLinesOfAnotherWidthToUnivocityAndReadsAHashAsData() {
    assertThat(LineParser.split("a,b,c", ',', 2)).isNull();
    assertThat(LineParser.split("a,b", ',', 3)).isNull();
    assertThat(LineParser.split("#a,b", ',', 2)).containsExactly("#a", "b");
    assertThat(LineParser.split("a,,", ',', 3)).containsExactly("a", null, null);
    assertThat(LineParser.split(" a ,b", ',', 2)).containsExactly(" a ", "b");
  }
}

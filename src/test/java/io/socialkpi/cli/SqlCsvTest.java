package io.socialkpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** {@code sql --csv} output is safe to open in a spreadsheet (OWASP's CSV injection rules). */
class SqlCsvTest {
  static String csv(String[] columns, Object... values) {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    SqlCommand.writeCsv(columns, List.<Row>of(RowFactory.create(values)), out);
    out.flush();
    return text.toString();
  }

  @Test
  void formulaLeadingValuesArePrefixedWithAQuote() {
    String text =
        csv(
            new String[] {"a", "b", "c", "d", "e", "f"},
            "=HYPERLINK(\"http://x\",\"y\")",
            "+cmd|' /C calc'!A0",
            "@SUM(1+1)",
            "-2+3",
            "\tTAB",
            "plain");
    assertThat(text.split("\n", -1)[1])
        .isEqualTo(
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+cmd|' /C calc'!A0,'@SUM(1+1),'-2+3,'\tTAB,plain");
  }

  @Test
  void numbersStayNumbers() {
    String text = csv(new String[] {"n", "d", "s", "e"}, -5L, -0.25, "-12.5", "+3");
    assertThat(text.split("\n", -1)[1]).isEqualTo("-5,-0.25,-12.5,+3");
  }

  @Test
  void aCarriageReturnIsQuotedAndAHeaderIsEscapedToo() {
    String text = csv(new String[] {"=id", "note"}, "1", "line\rnext");
    assertThat(text).startsWith("'=id,note\n").contains("1,\"line\rnext\"");
  }

  @Test
  void aNullIsAnEmptyField() {
    assertThat(csv(new String[] {"a", "b"}, null, "x").split("\n", -1)[1]).isEqualTo(",x");
  }
}

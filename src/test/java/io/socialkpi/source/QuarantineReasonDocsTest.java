package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/TABLES.md lists the quarantine reasons in the order of {@link QuarantineReason}. */
class QuarantineReasonDocsTest {
  @Test
  void theReasonTableOfTablesMdHasTheCodesReasonsInTheirOrder() throws IOException {
    String doc = Files.readString(Path.of("docs/TABLES.md"));
    int start = doc.indexOf("A row gets the first reason that applies, in this order:");
    assertThat(start).isPositive();
    List<String> documented = new ArrayList<>();
    Matcher row = Pattern.compile("(?m)^\\| `([a-z_]+)` \\|").matcher(doc);
    row.region(start, doc.indexOf("\n## ", start));
    while (row.find()) {
      documented.add(row.group(1));
    }
    assertThat(documented)
        .containsExactlyElementsOf(
            Arrays.stream(QuarantineReason.values()).map(QuarantineReason::code).toList());
  }

  @Test
  void anUnbalancedQuoteIsNamedBeforeTheFieldCountItAlsoBreaks() {
    // the parser checks the quotes first: a line whose quote never closes has too few fields too
    assertThat(QuarantineReason.UNBALANCED_QUOTE).isLessThan(QuarantineReason.WRONG_FIELD_COUNT);
  }
}

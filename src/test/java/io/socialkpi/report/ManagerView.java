package io.socialkpi.report;

import io.socialkpi.config.MetricSpec;
import io.socialkpi.config.ObjectiveSpec;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SourceSpec;
import io.socialkpi.config.TacticSpec;
import io.socialkpi.output.Table;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.StructField;

/**
 * The manager's view of the report (everything outside the analysts' evidence: the sections marked
 * {@code analyst}) names metrics as the config's display names say, and shows no metric, source or
 * tactic id, no table column and no statistic's name; the analysts' evidence still has all of them.
 * ReportTest checks its run of the generated company (the sample's config) with these.
 */
final class ManagerView {
  private ManagerView() {}

  static final List<String> STATISTICS =
      List.of(
          "pearson",
          "spearman",
          "kendall",
          "hedges",
          "welch",
          "newey",
          "benjamini",
          "fieller",
          "ρ",
          "τ",
          "q-value",
          "q =",
          "q <",
          "lag ");

  /** The text a reader sees outside the analysts' sections, one space between text nodes. */
  static String managerText(String html) {
    String s = html.replaceAll("(?s)<style.*?</style>", " ");
    s = s.replaceAll("(?s)<details class=\"analyst\".*?</details>", " ");
    s = s.replaceAll("(?s)<section [^>]*class=\"[^\"]*\\banalyst\\b[^\"]*\".*?</section>", " ");
    s = s.replaceAll("(?s)<footer class=\"analyst\".*?</footer>", " ");
    return text(s);
  }

  /** The analysts' sections' text. */
  static String analystText(String html) {
    StringBuilder b = new StringBuilder();
    var m = Pattern.compile("(?s)<details class=\"analyst\".*?</details>").matcher(html);
    while (m.find()) {
      b.append(m.group()).append(' ');
    }
    return text(b.toString());
  }

  private static String text(String markup) {
    String s = markup.replaceAll("(?s)<[^>]*>", " ");
    s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&#39;", "'");
    s = s.replace("&quot;", "\"").replace("&#x27;", "'");
    return s.replaceAll("\\s+", " ");
  }

  /** Ids a manager should never read: metrics and hyphenated keys, sources, tactics. */
  static Set<String> ids(Settings settings) {
    Set<String> ids = new LinkedHashSet<>();
    for (SourceSpec source : settings.sources().values()) {
      if (source.name().contains("-")) {
        ids.add(source.name());
      }
      for (MetricSpec m : source.metrics()) {
        ids.add(m.id());
        if (m.name().contains("-") || m.name().contains("_")) {
          ids.add(m.name());
        }
      }
    }
    for (ObjectiveSpec o : settings.objectives()) {
      for (TacticSpec t : o.tactics()) {
        ids.add(t.id());
      }
    }
    return ids;
  }

  /** Every table column whose name is not also a plain word (it has an underscore). */
  static Set<String> columns() {
    Set<String> columns = new LinkedHashSet<>();
    for (Table t : Table.values()) {
      for (StructField f : t.schema().fields()) {
        if (f.name().contains("_")) {
          columns.add(f.name());
        }
      }
    }
    return columns;
  }
}

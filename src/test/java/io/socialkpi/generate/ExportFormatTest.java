package io.socialkpi.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.socialkpi.config.MetricSpec;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import io.socialkpi.config.SourceFormat;
import io.socialkpi.config.SourceSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file has the columns the written config declares, in the contract's order, and every good
 * row's time parses with the declared pattern (strictly), with real Helsinki offsets.
 */
class ExportFormatTest {
  static final Map<String, String> HEADERS =
      Map.of(
          PageInsightsExport.FILE, "date,region,page_fans,engaged_users,impressions",
          JobsTabExport.FILE, "date,tab_views",
          WebSessionsExport.FILE, "date,region,source,medium,sessions,conversions",
          OrdersExport.FILE, "order_id,ordered_at,region,channel,original_source,amount",
          TicketsExport.FILE, "ticket_id;opened_at;region;category",
          CsatExport.FILE, "response_id,submitted_at,region,score",
          ApplicationsExport.FILE, "application_id,submitted_at,source,position");
  static final List<String> MENTION_KEYS =
      List.of("mention_id", "created_at", "region", "sentiment", "topic", "channel");

  @TempDir static Path dir;
  static GenerationReport report;
  static Settings settings;

  @BeforeAll
  static void generate() throws IOException {
    GeneratorOptions o = GeneratorOptions.defaults();
    report = SyntheticCompany.generate(dir, new GeneratorOptions(o.start(), 400, 3, 5, 1, true));
    settings = SettingsLoader.load(dir.resolve("socialkpi.conf"));
  }

  /** The source's path relative to the output folder, as the report names files. */
  static String file(Path dir, SourceSpec s) {
    return dir.toAbsolutePath().relativize(Path.of(s.path()).toAbsolutePath()).toString();
  }

  @Test
  void theConfigNamesEveryGeneratedFileAndEveryColumnExists() {
    assertThat(settings.sources().values().stream().map(s -> file(dir, s)).toList())
        .containsExactlyInAnyOrderElementsOf(
            report.files().stream().map(FileReport::file).toList());
    for (SourceSpec s : settings.sources().values()) {
      String file = file(dir, s);
      if (s.format() == SourceFormat.JSON) {
        for (JsonNode m : Exported.json(dir, report, file)) {
          Iterator<String> names = m.fieldNames();
          assertThat(names).toIterable().containsExactlyElementsOf(MENTION_KEYS);
        }
        assertThat(MENTION_KEYS).containsAll(s.columns());
        continue;
      }
      String header = Exported.lines(dir.resolve(file)).get(0);
      assertThat(header).as(file).isEqualTo(HEADERS.get(file));
      List<String> columns = List.of(header.split(String.valueOf(s.csv().delimiter())));
      assertThat(columns).as(file).containsAll(s.columns());
      for (String[] row : Exported.csv(dir, report, file)) {
        assertThat(row).as(file).hasSize(columns.size());
        for (MetricSpec m : s.metrics()) {
          if (m.column() != null) {
            Double.parseDouble(row[columns.indexOf(m.column())]);
          }
        }
        if (s.hasEntity()) {
          assertThat(row[columns.indexOf(s.entity())]).isIn(report.truth().regions());
        }
      }
    }
  }

  @Test
  void everyGoodTimeParsesStrictlyWithTheDeclaredPattern() {
    for (SourceSpec s : settings.sources().values()) {
      String file = file(dir, s);
      Times times = new Times(s.time().pattern());
      int count = 0;
      if (s.format() == SourceFormat.JSON) {
        for (JsonNode m : Exported.json(dir, report, file)) {
          assertThat(times.parses(m.get(s.time().column()).asText())).isTrue();
          count++;
        }
      } else {
        String[] header = Exported.lines(dir.resolve(file)).get(0).split("[,;]");
        int col = List.of(header).indexOf(s.time().column());
        for (String[] row : Exported.csv(dir, report, file)) {
          assertThat(times.parses(row[col])).as(file + ": " + String.join(",", row)).isTrue();
          count++;
        }
      }
      assertThat(count).as(file).isPositive();
    }
  }

  @Test
  void offsetsAreHelsinkisRealOffsetAndMentionsAreUtc() {
    Set<String> offsets = new TreeSet<>();
    for (String[] row : Exported.csv(dir, report, CsatExport.FILE)) {
      OffsetDateTime t = OffsetDateTime.parse(row[1]);
      assertThat(t.getOffset()).isEqualTo(Exported.HELSINKI.getRules().getOffset(t.toInstant()));
      offsets.add(t.getOffset().getId());
      assertThat(Integer.parseInt(row[3])).isBetween(1, 5);
    }
    assertThat(offsets).containsExactly("+02:00", "+03:00");
    for (JsonNode m : Exported.json(dir, report, MentionsExport.FILE)) {
      assertThat(m.get("created_at").asText()).endsWith("Z");
      assertThat(m.get("sentiment").asDouble()).isBetween(-1.0, 1.0);
      assertThat(m.get("topic").asText()).isIn("complaint", "praise", "question", "other");
      assertThat(m.get("channel").asText()).isIn("twitter", "facebook", "instagram");
    }
  }

  @Test
  void valuesHaveTheContractsShapes() {
    for (String[] row : Exported.csv(dir, report, OrdersExport.FILE)) {
      assertThat(row[3]).isIn("online", "store", "wholesale");
      assertThat(row[5]).matches("\\d+\\.\\d\\d");
    }
    for (String[] row : Exported.csv(dir, report, ApplicationsExport.FILE)) {
      assertThat(row[2])
          .isIn("facebook_tab", "facebook_post", "linkedin", "careers_site", "referral");
    }
    Set<String> pairs = new TreeSet<>();
    for (String[] row : Exported.csv(dir, report, WebSessionsExport.FILE)) {
      pairs.add(row[2] + "/" + row[3]);
    }
    assertThat(pairs)
        .containsExactly(
            "(direct)/(none)",
            "facebook/social",
            "google/organic",
            "instagram/social",
            "newsletter/email");
    List<String[]> pages = Exported.csv(dir, report, PageInsightsExport.FILE);
    assertThat(pages).hasSize(400 * 3);
    assertThat(pages.stream().map(r -> r[1]).distinct()).containsExactly("north", "south", "east");
    assertThat(LocalDate.parse(pages.get(pages.size() - 1)[0]))
        .isEqualTo(LocalDate.of(2024, 1, 1).plusDays(399));
  }
}

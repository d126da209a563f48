package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An empty metric cell (or a missing marker such as {@code -}) is a missing value of the metrics
 * over that column only: the row's other metrics count, the row is accepted, and the cell is
 * counted per metric in {@code data_quality}. Only an unreadable time or entity quarantines the
 * row. The same for CSV, JSON lines (compiled scan) and Parquet (Spark expressions).
 */
class MissingCellsTest {
  private static SparkSession spark;

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    spark = SparkTestSession.get();
  }

  private static final String CSV =
      "date,page,fans,reach,type\n"
          + "2024-03-04,a,10,100,post\n" // everything
          + "2024-03-05,a,,200,post\n" // fans empty
          + "2024-03-06,a,12,-,post\n" // reach a missing marker
          + "2024-03-07,a,  ,  ,post\n" // both blank
          + "2024-03-08,a,13,,story\n" // reach empty but not a post: not counted as missing
          + "2024-03-08,,14,400,post\n"; // entity empty: quarantined

  private static String conf(String path, String format, String extra) {
    return "socialkpi {\n"
        + "  run { zone = \"UTC\", window = week, run-date = 2024-06-01 }\n"
        + "  sources { pages { path = \""
        + path
        + "\", format = "
        + format
        + extra
        + "\n    time { column = date }, entity = page\n"
        + "    metrics {\n"
        + "      fans { column = fans, aggregate = last }\n"
        + "      reach { column = reach, where { type = post } }\n"
        + "      days { aggregate = count }\n"
        + "    } } }\n"
        + "}\n";
  }

  private SourceScan scan(String conf) throws IOException {
    Files.writeString(dir.resolve("job.conf"), conf);
    Settings s = SettingsLoader.load(dir.resolve("job.conf"));
    return SourceScan.run(
        spark, s.sources().get("pages"), InputCheck.check(s).get("pages"), s.run());
  }

  /** metric to (value, n_obs) of the one window. */
  private static Map<String, double[]> window(SourceScan scan) {
    Map<String, double[]> out = new HashMap<>();
    List<Row> rows = scan.windowValues().collectAsList();
    for (Row r : rows) {
      assertThat(r.<Object>getAs("window_start").toString()).isEqualTo("2024-03-04");
      Double v = r.getAs("value");
      out.put(
          r.getAs("metric"),
          new double[] {v == null ? Double.NaN : v, ((Number) r.getAs("n_obs")).doubleValue()});
    }
    return out;
  }

  private static void expectTheSameAnswer(SourceScan scan) {
    assertThat(scan.quality().rowsRead()).isEqualTo(6);
    assertThat(scan.quality().rowsAccepted()).isEqualTo(5);
    List<Row> q = scan.quarantine().collectAsList();
    assertThat(q).hasSize(1);
    assertThat(q.get(0).<String>getAs("reason")).isEqualTo("missing_value");
    assertThat(q.get(0).<String>getAs("detail")).isEqualTo("column 'page' is empty");
    Map<String, double[]> w = window(scan);
    // fans: last of 10, 12, 13 (the rows of the 5th and 7th have none)
    assertThat(w.get("pages.fans")[0]).isCloseTo(13.0, within(1e-12));
    assertThat(w.get("pages.fans")[1]).isEqualTo(3.0);
    // reach over posts: 100 + 200; the marker, the blank and the story do not count
    assertThat(w.get("pages.reach")[0]).isCloseTo(300.0, within(1e-12));
    assertThat(w.get("pages.reach")[1]).isEqualTo(2.0);
    assertThat(w.get("pages.days")[0]).isCloseTo(5.0, within(1e-12));
    assertThat(scan.quality().missingCells())
        .containsExactly(
            Map.entry("pages.fans", 2L), Map.entry("pages.reach", 2L), Map.entry("pages.days", 0L));
  }

  @Test
  void csvCellsThatAreEmptyOrAMarkerAreMissingForTheirMetricOnly() throws IOException {
    Files.writeString(dir.resolve("pages.csv"), CSV);
    expectTheSameAnswer(scan(conf("pages.csv", "csv", "")));
  }

  @Test
  void jsonLinesNullsEmptyTextsAndMarkersAreMissingToo() throws IOException {
    Files.writeString(
        dir.resolve("pages.jsonl"),
        """
        {"date":"2024-03-04","page":"a","fans":10,"reach":100,"type":"post"}
        {"date":"2024-03-05","page":"a","fans":null,"reach":200,"type":"post"}
        {"date":"2024-03-06","page":"a","fans":12,"reach":"-","type":"post"}
        {"date":"2024-03-07","page":"a","fans":" ","type":"post"}
        {"date":"2024-03-08","page":"a","fans":13,"reach":"","type":"story"}
        {"date":"2024-03-08","page":"","fans":14,"reach":400,"type":"post"}
        """);
    expectTheSameAnswer(scan(conf("pages.jsonl", "json", "")));
  }

  @Test
  void parquetNullsAndMarkersAreMissingThroughTheExpressionScan() throws IOException {
    Path csv = dir.resolve("in.csv");
    Files.writeString(csv, CSV);
    spark
        .read()
        .option("header", true)
        .csv(csv.toString())
        .coalesce(1)
        .write()
        .parquet(dir.resolve("pages_pq").toString());
    Files.delete(csv);
    expectTheSameAnswer(scan(conf("pages_pq", "parquet", "")));
  }

  @Test
  void withoutMarkersADashIsNotANumber() throws IOException {
    Files.writeString(dir.resolve("pages.csv"), CSV);
    SourceScan scan = scan(conf("pages.csv", "csv", ", missing-markers = []"));
    assertThat(scan.quarantine().collectAsList())
        .extracting(r -> r.<String>getAs("reason") + ": " + r.<String>getAs("detail"))
        .containsExactlyInAnyOrder(
            "missing_value: column 'page' is empty",
            "non_numeric: '-' in column 'reach' is not a number");
  }

  @Test
  void aMarkerWithSpacesIsAConfigErrorNamingTheKey() throws IOException {
    Files.writeString(dir.resolve("pages.csv"), CSV);
    Files.writeString(
        dir.resolve("job.conf"), conf("pages.csv", "csv", ", missing-markers = [\" n/a\"]"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> SettingsLoader.load(dir.resolve("job.conf")))
        .hasMessageContaining("missing-markers")
        .hasMessageContaining("' n/a'");
  }
}

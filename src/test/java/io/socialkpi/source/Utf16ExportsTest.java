package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.ConfigError;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UTF-16 exports read as they come (../shared/EXPORTS.md): Meta Business Suite's overview files
 * (UTF-16 LE with a byte-order mark, {@code sep=,} and the metric's name above the header),
 * Meltwater's tab-delimited UTF-16, big-endian files, files without a byte-order mark through
 * csv.encoding, and a source mixing UTF-8 and UTF-16 files. Each line keeps its exact number, and
 * bytes that are not UTF-16 quarantine their own line as {@code bad_encoding}.
 */
class Utf16ExportsTest {
  private static final Charset LE = StandardCharsets.UTF_16LE;
  private static final Charset BE = StandardCharsets.UTF_16BE;

  private static SparkSession spark;

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    spark = SparkTestSession.get();
  }

  /** The text in {@code charset} after its byte-order mark (none for UTF-8). */
  static byte[] withBom(String text, Charset charset) {
    return (charset.equals(StandardCharsets.UTF_8) ? text : "\uFEFF" + text).getBytes(charset);
  }

  private SourceScan scan(String source) throws IOException {
    String conf =
        "socialkpi {\n  run { zone = \"UTC\", window = week, run-date = 2025-12-01 }\n"
            + "  sources { s { "
            + source
            + " } }\n}\n";
    Files.writeString(dir.resolve("job.conf"), conf);
    Settings s = SettingsLoader.load(dir.resolve("job.conf"));
    return SourceScan.run(spark, s.sources().get("s"), InputCheck.check(s).get("s"), s.run());
  }

  /** window start to value of one metric. */
  private static Map<String, Double> values(SourceScan scan, String metric) {
    Map<String, Double> out = new TreeMap<>();
    for (Row r : scan.windowValues().collectAsList()) {
      if (r.<String>getAs("metric").equals(metric)) {
        out.put(r.getAs("window_start").toString(), r.getAs("value"));
      }
    }
    return out;
  }

  /** line to "reason: raw". */
  private static Map<Long, String> quarantine(SourceScan scan) {
    Map<Long, String> out = new TreeMap<>();
    for (Row r : scan.quarantine().collectAsList()) {
      out.put(r.<Long>getAs("line"), r.<String>getAs("reason") + ": " + r.<String>getAs("raw"));
    }
    return out;
  }

  /** A Meta Business Suite overview export, exactly as ../shared/EXPORTS.md gives its layout. */
  static String metaOverview(String metric, String... rows) {
    StringBuilder out = new StringBuilder("sep=,\n\"" + metric + "\"\n\"Date\",\"Primary\"\n");
    for (String row : rows) {
      out.append(row).append('\n');
    }
    return out.toString();
  }

  @Test
  void metaBusinessSuiteOverviewInUtf16LittleEndianThroughItsPreset() throws IOException {
    String file =
        metaOverview(
            "Facebook follows",
            "\"2025-08-01T00:00:00\",\"20\"",
            "\"2025-08-02T00:00:00\",\"15\"",
            "\"2025-08-04T00:00:00\",\"7\"", // days without a value are left out
            "\"2025-08-05T00:00:00\",\"n/a\"");
    Files.write(dir.resolve("follows.csv"), withBom(file, LE));
    SourceScan scan =
        scan(
            "path = \"follows.csv\", preset = meta-business-suite-overview,"
                + " metrics { follows { column = Primary } }");
    assertThat(values(scan, "s.follows"))
        .containsExactly(Map.entry("2025-07-28", 35.0), Map.entry("2025-08-04", 7.0));
    // Line 7 of the file: three lines above the header's first row, as in the UTF-16 bytes.
    assertThat(quarantine(scan))
        .containsExactly(Map.entry(7L, "non_numeric: \"2025-08-05T00:00:00\",\"n/a\""));
    Row q = scan.quarantine().first();
    // Four lines of 2 + 2 bytes per character (after the 2-byte mark) come before it.
    assertThat(q.<Long>getAs("byte_offset"))
        .isEqualTo(withBom(file.substring(0, file.indexOf("\"2025-08-05")), LE).length);
    assertThat(scan.quality().rowsRead()).isEqualTo(4);
  }

  /**
   * Meltwater: UTF-16 with a byte-order mark, tab-delimited, a stray row above the header. The
   * date's format is not in EXPORTS.md, so the file holds the default pattern's.
   */
  @Test
  void meltwaterTabDelimitedUtf16() throws IOException {
    String file =
        """
        Meltwater export\r
        Date\tTime\tDocument ID\tURL\tSentiment\tReach\r
        2025-08-04\t09:15\td1\thttps://example.org/a\tPositive\t1200\r
        2025-08-05\t10:00\td2\thttps://example.org/b\tNegative\t300\r
        2025-08-11\t11:30\td3\thttps://example.org/c\tNeutral\t\r
        """;
    Files.write(dir.resolve("mentions.csv"), withBom(file, LE));
    SourceScan scan =
        scan(
            "path = \"mentions.csv\", csv { delimiter = \"\\t\", skip-lines = 1 },"
                + " time.column = Date, metrics { reach { column = Reach },"
                + " negative { aggregate = count, where { Sentiment = Negative } } }");
    assertThat(quarantine(scan)).isEmpty();
    // The week of the empty Reach cell has no value of it (its gap value comes in the panel).
    assertThat(values(scan, "s.reach"))
        .containsEntry("2025-08-04", 1500.0)
        .containsEntry("2025-08-11", null)
        .hasSize(2);
    assertThat(values(scan, "s.negative")).containsEntry("2025-08-04", 1.0);
    assertThat(scan.quality().missingCells()).containsEntry("s.reach", 1L);
  }

  /** Big-endian with a mark; a quoted field across lines is one record at its first line. */
  @Test
  void bigEndianWithAQuotedLineBreak() throws IOException {
    String file =
        "date,text,reach\n"
            + "2025-08-04,\"caf\u00e9 \uD83D\uDE00\nsecond line\",10\n" // lines 2-3
            + "2025-08-05,plain,x\n"; // line 4
    Files.write(dir.resolve("posts.csv"), withBom(file, BE));
    SourceScan scan =
        scan("path = \"posts.csv\", time.column = date, metrics { reach { column = reach } }");
    assertThat(values(scan, "s.reach")).containsExactly(Map.entry("2025-08-04", 10.0));
    assertThat(quarantine(scan)).containsExactly(Map.entry(4L, "non_numeric: 2025-08-05,plain,x"));
  }

  /** Without a mark, csv.encoding names the byte order, or UTF-16 lets the file's start say it. */
  @Test
  void filesWithoutAByteOrderMarkThroughCsvEncoding() throws IOException {
    String file = "date,reach\r\n2025-08-04,10\r\n2025-08-05,20\r\n";
    Files.write(dir.resolve("le.csv"), file.getBytes(LE));
    Files.write(dir.resolve("be.csv"), file.getBytes(BE));
    for (String source :
        new String[] {
          "path = \"le.csv\", csv.encoding = UTF-16LE",
          "path = \"be.csv\", csv.encoding = UTF-16BE",
          "path = \"le.csv\", csv.encoding = UTF-16",
          "path = \"be.csv\", csv.encoding = UTF-16"
        }) {
      SourceScan scan = scan(source + ", time.column = date, metrics { reach { column = reach } }");
      assertThat(quarantine(scan)).as(source).isEmpty();
      assertThat(values(scan, "s.reach")).as(source).containsExactly(Map.entry("2025-08-04", 30.0));
    }
  }

  /**
   * Overview exports downloaded over the months, some re-saved as UTF-8: each file is read in its
   * own encoding, and a row in two of them is the same row (quarantined once as a duplicate).
   */
  @Test
  void aSourceMixingUtf8AndUtf16Files() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("follows"));
    Files.write(
        folder.resolve("a.csv"),
        withBom(
            metaOverview("Facebook follows", "\"2025-08-01T00:00:00\",\"20\""),
            StandardCharsets.UTF_8));
    Files.write(
        folder.resolve("b.csv"),
        withBom(
            metaOverview(
                "Facebook follows",
                "\"2025-08-01T00:00:00\",\"20\"",
                "\"2025-08-04T00:00:00\",\"7\""),
            LE));
    Files.write(
        folder.resolve("c.csv"),
        metaOverview("Facebook follows", "\"2025-08-11T00:00:00\",\"3\"")
            .getBytes(StandardCharsets.UTF_8));
    SourceScan scan =
        scan(
            "path = \"follows\", preset = meta-business-suite-overview,"
                + " metrics { follows { column = Primary } }");
    assertThat(values(scan, "s.follows"))
        .containsExactly(
            Map.entry("2025-07-28", 20.0),
            Map.entry("2025-08-04", 7.0),
            Map.entry("2025-08-11", 3.0));
    assertThat(scan.quarantine().collectAsList())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.<String>getAs("file")).endsWith("b.csv");
              assertThat(r.<Long>getAs("line")).isEqualTo(4L);
              assertThat(r.<String>getAs("reason")).isEqualTo("duplicate");
            });
  }

  /**
   * An unpaired surrogate, and an odd byte at the end of the file: each quarantines its own line as
   * bad_encoding, at its number; the lines around them are read.
   */
  @Test
  void bytesThatAreNotUtf16QuarantineTheirLine() throws IOException {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(withBom("date,reach\n2025-08-04,10\n2025-08-05,", LE));
    file.writeBytes(new byte[] {0x00, (byte) 0xD8}); // U+D800 with no low surrogate after it
    file.writeBytes("1\n2025-08-06,30\n2025-08-07,40\n".getBytes(LE));
    file.write('5'); // half a character: the file ends one byte into line 6
    Files.write(dir.resolve("broken.csv"), file.toByteArray());
    SourceScan scan =
        scan("path = \"broken.csv\", time.column = date, metrics { reach { column = reach } }");
    assertThat(values(scan, "s.reach")).containsExactly(Map.entry("2025-08-04", 80.0));
    assertThat(scan.quality().rowsRead()).isEqualTo(5);
    Map<Long, String> q = new TreeMap<>();
    for (Row r : scan.quarantine().collectAsList()) {
      q.put(r.<Long>getAs("line"), r.<String>getAs("reason") + ": " + r.<String>getAs("detail"));
    }
    assertThat(q)
        .containsExactly(
            Map.entry(3L, "bad_encoding: line is not valid UTF-16LE"),
            Map.entry(6L, "bad_encoding: line is not valid UTF-16LE"));
  }

  /** UTF-16 text without a mark, read as UTF-8, is named with the encoding to set. */
  @Test
  void utf16WithoutAMarkInAUtf8SourceNamesTheEncodingToSet() throws IOException {
    Files.write(dir.resolve("le.csv"), "date,reach\n2025-08-04,10\n".getBytes(LE));
    assertThatThrownBy(
            () -> scan("path = \"le.csv\", time.column = date, metrics { r { column = reach } }"))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining(
            dir.resolve("le.csv")
                + " is UTF-16 text (little-endian, no byte-order mark); set csv.encoding ="
                + " \"UTF-16LE\" (it is \"UTF-8\")");
  }

  @Test
  void anEncodingThatIsNeitherIsAConfigErrorNamingTheKey() {
    assertThatThrownBy(
            () ->
                scan("path = \"x.csv\", csv.encoding = UTF-32, time.column = d, metrics { r {} }"))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("socialkpi.sources.s.csv.encoding: 'UTF-32' cannot be read");
  }
}

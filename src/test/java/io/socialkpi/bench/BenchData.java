package io.socialkpi.bench;

import io.socialkpi.generate.GenerationReport;
import io.socialkpi.generate.GeneratorOptions;
import io.socialkpi.generate.SyntheticCompany;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's inputs: {@code generate}'s exports sized to a number of raw rows, and the same
 * rows as Parquet (every column kept as the exported text, so both formats parse the same values).
 * A data set already on disk is reused: generating 100 million rows takes minutes.
 */
final class BenchData {
  /** Regions of the row-scaling cases: fixed, so only the volume grows with the size. */
  static final int ENTITIES = 20;

  private BenchData() {}

  /** The CSV/JSON-lines data set of about {@code rows} raw rows; returns its config. */
  static Path csv(Path work, long rows) throws IOException {
    Path dir = work.resolve("data-" + label(rows));
    Path config = dir.resolve("socialkpi.conf");
    if (Files.exists(dir.resolve("_COMPLETE"))) {
      return config;
    }
    double volume = volumeFor(work, rows);
    GeneratorOptions options =
        GeneratorOptions.defaults().withEntities(ENTITIES).withVolume(volume).withMalformed(false);
    GenerationReport report = SyntheticCompany.generate(dir, options);
    System.out.printf(
        Locale.ROOT,
        "bench: generated %,d rows (volume %.2f, %d regions) in %.1f s%n",
        report.rows(),
        volume,
        ENTITIES,
        report.seconds());
    Files.writeString(dir.resolve("_COMPLETE"), Long.toString(report.rows()));
    return config;
  }

  /**
   * The many-entities case: {@code entities} regions over the same two years as weekly exports
   * (every export written on Mondays only), with event rates low enough that most regions see a
   * handful of orders, tickets and mentions a week. Stresses the panel and the evidence (one series
   * per entity and metric, BH over every entity's tests), not the raw row count.
   */
  static Path entities(Path work, int entities) throws IOException {
    Path dir = work.resolve("data-" + entities + "-entities-weekly");
    Path config = dir.resolve("socialkpi.conf");
    if (Files.exists(dir.resolve("_COMPLETE"))) {
      return config;
    }
    GeneratorOptions options =
        GeneratorOptions.defaults()
            .withEntities(entities)
            .withEveryDays(7)
            .withVolume(ENTITY_VOLUME)
            .withMalformed(false);
    GenerationReport report = SyntheticCompany.generate(dir, options);
    System.out.printf(
        Locale.ROOT,
        "bench: generated %,d rows (%,d regions, weekly, volume %.3f) in %.1f s%n",
        report.rows(),
        entities,
        ENTITY_VOLUME,
        report.seconds());
    Files.writeString(dir.resolve("_COMPLETE"), Long.toString(report.rows()));
    return config;
  }

  /** Event volume of the many-entities case: a few events per region and week. */
  static final double ENTITY_VOLUME = 0.005;

  /** The same data set as Parquet files, one per export, with a config that reads them. */
  static Path parquet(Path work, long rows) throws IOException, SQLException {
    Path csvConfig = csv(work, rows);
    Path dir = work.resolve("data-" + label(rows) + "-parquet");
    Path config = dir.resolve("socialkpi.conf");
    if (Files.exists(dir.resolve("_COMPLETE"))) {
      return config;
    }
    Files.createDirectories(dir);
    String text = Files.readString(csvConfig);
    Matcher m = Pattern.compile("path = \"([^\"]+)\\.(csv|jsonl)\"").matcher(text);
    long t0 = System.nanoTime();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = duck.createStatement()) {
      while (m.find()) {
        Path source = csvConfig.getParent().resolve(m.group(1) + "." + m.group(2));
        Path target = dir.resolve(m.group(1) + ".parquet");
        Files.createDirectories(target.getParent());
        String reader =
            m.group(2).equals("csv")
                ? "read_csv('"
                    + source
                    + "', header = true, all_varchar = true, auto_detect = true)"
                : "read_json('"
                    + source
                    + "', format = 'newline_delimited', auto_detect = false,"
                    + " columns = "
                    + jsonColumns(source)
                    + ")";
        st.execute("COPY (SELECT * FROM " + reader + ") TO '" + target + "' (FORMAT parquet)");
      }
    }
    String parquetText =
        text.replaceAll(
                "path = \"([^\"]+)\\.(csv|jsonl)\"", "path = \"$1.parquet\", format = parquet")
            .replaceAll("\\n\\s*format = json", "")
            .replaceAll("\\n\\s*csv \\{[^}]*\\}", "");
    Files.writeString(config, parquetText);
    System.out.printf(
        Locale.ROOT, "bench: wrote the Parquet copy in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    Files.writeString(dir.resolve("_COMPLETE"), "");
    return config;
  }

  /** Every key of the first JSON line, as text columns. */
  private static String jsonColumns(Path file) throws IOException {
    String first;
    try (var lines = Files.lines(file)) {
      first = lines.findFirst().orElseThrow();
    }
    Matcher keys = Pattern.compile("\"([^\"]+)\"\\s*:").matcher(first);
    StringBuilder cols = new StringBuilder("{");
    while (keys.find()) {
      cols.append(cols.length() > 1 ? ", " : "")
          .append('\'')
          .append(keys.group(1))
          .append("': 'VARCHAR'");
    }
    return cols.append('}').toString();
  }

  /**
   * The generator's volume that gives about {@code rows} rows: rows grow linearly with the volume
   * (event exports) on top of a fixed part (daily exports), measured on eight weeks of the same
   * regions.
   */
  static double volumeFor(Path work, long rows) throws IOException {
    GeneratorOptions probe =
        GeneratorOptions.defaults().withEntities(ENTITIES).withDays(56).withMalformed(false);
    long at1 = SyntheticCompany.generate(work.resolve("probe-1"), probe).rows();
    long at2 = SyntheticCompany.generate(work.resolve("probe-2"), probe.withVolume(2)).rows();
    double scale = GeneratorOptions.defaults().days() / 56.0;
    double perVolume = (at2 - at1) * scale;
    double fixed = at1 * scale - perVolume;
    return Math.max(0.01, (rows - fixed) / perVolume);
  }

  static String label(long rows) {
    if (rows % 1_000_000 == 0) {
      return rows / 1_000_000 + "M";
    }
    if (rows % 1_000 == 0) {
      return rows / 1_000 + "k";
    }
    return Long.toString(rows);
  }

  static long parseRows(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT);
    long unit = t.endsWith("M") ? 1_000_000 : t.endsWith("K") ? 1_000 : 1;
    String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
    return (long) (Double.parseDouble(digits) * unit);
  }
}

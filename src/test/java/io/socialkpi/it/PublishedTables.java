package io.socialkpi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.socialkpi.output.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/** Reads a run date's published tables back, to compare two outputs row by row. */
final class PublishedTables {
  /** Columns that differ between two runs of the same inputs by design. */
  static final Map<Table, List<String>> RUN_SPECIFIC =
      Map.of(Table.RUN_INFO, List.of("started_at"));

  private PublishedTables() {}

  /**
   * Every table of {@code date} in {@code actual} has the rows of {@code expected}: the same
   * columns, the same number of rows, and each row equal (doubles to 1e-8 relative, as Spark may
   * add partial sums in another order).
   */
  static void assertSame(SparkSession spark, Path expected, Path actual, LocalDate date) {
    assertSame(spark, expected, actual, date, 1e-8);
  }

  /**
   * Like {@link #assertSame}, doubles equal to {@code tolerance} relative (at least 1 absolute).
   */
  static void assertSame(
      SparkSession spark, Path expected, Path actual, LocalDate date, double tolerance) {
    for (Table t : Table.values()) {
      List<String> want = rows(spark, expected, t, date);
      List<String> got = rows(spark, actual, t, date);
      assertThat(got).as("%s rows", t.tableName()).hasSameSizeAs(want);
      for (int i = 0; i < want.size(); i++) {
        assertSameRow(t.tableName() + " row " + i, got.get(i), want.get(i), tolerance);
      }
    }
  }

  /** Like {@link #assertSame} for the tables that have a partition of {@code date}; how many. */
  static int assertSamePresent(SparkSession spark, Path expected, Path actual, LocalDate date) {
    int present = 0;
    for (Table t : Table.values()) {
      if (Files.isDirectory(actual.resolve(t.tableName()).resolve("run_date=" + date))) {
        assertThat(rows(spark, actual, t, date))
            .as("%s, published while the run was killed", t.tableName())
            .hasSameSizeAs(rows(spark, expected, t, date));
        present++;
      }
    }
    return present;
  }

  /** Rows as text, doubles rounded to 9 significant digits in the sort key, sorted. */
  static List<String> rows(SparkSession spark, Path output, Table t, LocalDate date) {
    Path partition = output.resolve(t.tableName()).resolve("run_date=" + date);
    assertThat(partition).as("%s partition", t.tableName()).isDirectory();
    var df = spark.read().parquet(partition.toString());
    for (String c : RUN_SPECIFIC.getOrDefault(t, List.of())) {
      df = df.drop(c);
    }
    List<String> rows = new ArrayList<>();
    for (Row r : df.collectAsList()) {
      StringBuilder s = new StringBuilder();
      for (StructField f : r.schema().fields()) {
        Object v = r.get(r.fieldIndex(f.name()));
        if (f.dataType().equals(DataTypes.DoubleType) && v != null) {
          v = String.format(java.util.Locale.ROOT, "%.9e", (Double) v);
        }
        s.append(f.name()).append('=').append(v).append('\u0001');
      }
      rows.add(s.toString());
    }
    rows.sort(Comparator.naturalOrder());
    return rows;
  }

  private static void assertSameRow(String what, String got, String want, double tolerance) {
    String[] g = got.split("\u0001");
    String[] w = want.split("\u0001");
    assertThat(g).as(what).hasSameSizeAs(w);
    for (int i = 0; i < w.length; i++) {
      if (g[i].equals(w[i])) {
        continue;
      }
      String[] gv = g[i].split("=", 2);
      String[] wv = w[i].split("=", 2);
      assertThat(gv[0]).as(what).isEqualTo(wv[0]);
      double a = Double.parseDouble(gv[1]);
      double b = Double.parseDouble(wv[1]);
      assertThat(a)
          .as("%s %s", what, wv[0])
          .isCloseTo(b, within(tolerance * Math.max(1, Math.abs(b))));
    }
  }

  /** Every file under a run date's partitions and its manifest: path to size, mtime and SHA-256. */
  static Map<String, String> fingerprint(Path output, LocalDate date) {
    Map<String, String> all = new TreeMap<>();
    List<Path> roots = new ArrayList<>();
    for (Table t : Table.values()) {
      roots.add(output.resolve(t.tableName()).resolve("run_date=" + date));
    }
    roots.add(output.resolve("_runs").resolve("run_date=" + date + ".json"));
    for (Path root : roots) {
      if (!Files.exists(root)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.filter(Files::isRegularFile).toList()) {
          all.put(
              output.relativize(p).toString(),
              Files.size(p) + " " + Files.getLastModifiedTime(p) + " " + sha256(p));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return all;
  }

  private static String sha256(Path p) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

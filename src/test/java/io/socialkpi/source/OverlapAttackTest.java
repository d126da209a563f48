package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review of overlap.keep = newest in the compiled scan (NewestRows): awkward exports, each compared
 * with Spark's expressions (Overlaps) by {@link TextScanTest#sameGroups}.
 */
@SuppressWarnings("StringConcatToTextBlock") // CRLF and exact bytes
class OverlapAttackTest {
  private static SparkSession spark;

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    spark = SparkTestSession.get();
    TextScanTest.start();
  }

  private Path write(String sub, String name, String text) throws IOException {
    Path f = dir.resolve(sub).resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
    return f;
  }

  private String src(String name, String body) {
    return name + " { path = \"" + dir.resolve(name) + "\", " + body + " }\n";
  }

  @Test
  void awkwardExportsGiveTheExpressionsGroups() throws Exception {
    // Names sort against the reach; a tie of reach (m and a) goes to the later path; the newest
    // file's latest row is quarantined, so it does not reach; empty entity and key cells, a bad
    // row in the newer file, copies within and across files, a quoted line break in the key,
    // CRLF, a BOM, comment lines, padded cells.
    write(
        "mix",
        "z.csv",
        "\uFEFFdate,page,post,reach\r\n2024-03-01,a,p1,10\r\n2024-03-01,a,p1,10\r\n"
            + "2024-03-02,a,p2,20\r\n2024-03-03,,p3,5\r\n2024-03-03,b,,7\r\n"
            + "2024-03-04,b,p4,x\r\n2024-03-05,a,\"p\r\n5\",3\r\n");
    write(
        "mix",
        "a.csv",
        "date,page,post,reach\n# a comment\n2024-03-01,a,p1,11\n2024-03-02,a,p2,y\n"
            + "2024-03-03,b,,7\n2024-03-04,b,p4,4\n2024-03-05,a,\"p\r\n5\",30\n"
            + "2024-03-06,a,p6,1\n2024-03-07,a,p7,bad\n2024-03-01,a,p1,11\n");
    write(
        "mix",
        "m.csv",
        "date,page,post,reach\n2024-03-06,a,p6,2\n2024-03-01, a ,p1 ,12\n2024-03-01,a,p1,12\n"
            + "2024-03-02,a,  ,9\n");
    // One instant written in two offsets; a naive time in time.zone; no entity.
    write(
        "zones",
        "1.csv",
        "at,id,n\n2024-03-01T10:00:00+02:00,x,1\n2024-03-01T23:30:00-05:00,y,1\n"
            + "2024-03-03T00:00:00Z,z,1\n");
    write(
        "zones",
        "2.csv",
        "at,id,n\n2024-03-01T08:00:00Z,x,2\n2024-03-02T04:30:00Z,y,2\n"
            + "2024-03-03T00:00:00Z,z,2\n");
    // The key is a metric column, and in another source the time column itself.
    write("keymetric", "1.csv", "date,page,reach\n2024-03-01,a,5\n2024-03-02,a,6\n2024-03-02,a,\n");
    write("keymetric", "2.csv", "date,page,reach\n2024-03-02,a,5\n2024-03-02,a,\n2024-03-03,a,1\n");
    write("keytime", "1.csv", "date,page,reach\n2024-03-01,a,5\n2024-03-02,a,6\n");
    write("keytime", "2.csv", "date,page,reach\n2024-03-02,a,7\n2024-03-03,b,1\n");
    // Header found by skip-lines = auto, at another line in each file, with two header rows.
    write(
        "auto",
        "1.csv",
        "Report,x\nQuery: y\ndate,page,post,reach\ndescription,,,\n2024-03-01,a,p,1\n"
            + "2024-03-02,a,p,2\n");
    write(
        "auto",
        "2.csv",
        "date,page,post,reach\ndescription,,,\n2024-03-02,a,p,3\n2024-03-03,a,p,4\n");
    // JSON lines, the key a number in one file and a string in the other.
    write(
        "json",
        "1.jsonl",
        "{\"date\":\"2024-03-01\",\"id\":1,\"n\":1}\n{\"date\":\"2024-03-02\",\"id\":2,\"n\":1}\n"
            + "{\"date\":\"2024-03-02\",\"n\":1}\n");
    write(
        "json",
        "2.jsonl",
        "{\"date\":\"2024-03-01\",\"id\":\"1\",\"n\":2}\n{\"date\":\"2024-03-03\",\"id\":2,\"n\":2}\n"
            + "{\"date\":\"2024-03-02\",\"id\":null,\"n\":2}\n");
    // Files with different headers (read by name) and a skip-rows totals row.
    write("headers", "1.csv", "date,post,reach\n2024-03-01,p,1\n2024-03-02,p,2\nTotal,,3\n");
    write("headers", "2.csv", "reach,post,date\n5,p,2024-03-02\n6,p,2024-03-03\n3,,Total\n");
    String sources =
        src(
                "mix",
                "csv.comment = \"#\", time.column = date, entity = page,"
                    + " overlap { keep = newest, key = [post] },"
                    + " metrics { reach { column = reach }, last { column = reach, aggregate = last },"
                    + " rows { aggregate = count } }")
            + src(
                "zones",
                "time { column = at, pattern = \"yyyy-MM-dd'T'HH:mm:ssXXX\", zone ="
                    + " \"America/New_York\" }, overlap { keep = newest, key = [id] },"
                    + " metrics { n { column = n }, m { column = n, aggregate = last } }")
            + src(
                "keymetric",
                "time.column = date, entity = page, overlap { keep = newest, key = [reach] },"
                    + " metrics { reach { column = reach }, rows { aggregate = count } }")
            + src(
                "keytime",
                "time.column = date, entity = page, overlap { keep = newest, key = [date] },"
                    + " metrics { reach { column = reach } }")
            + src(
                "auto",
                "csv { skip-lines = auto, header-rows = 2 }, time.column = date, entity = page,"
                    + " overlap { keep = newest, key = [post] }, metrics { reach { column = reach }"
                    + " }")
            + src(
                "json",
                "format = json, time.column = date, overlap { keep = newest, key = [id] },"
                    + " metrics { n { column = n } }")
            + src(
                "headers",
                "time.column = date, overlap { keep = newest, key = [post] },"
                    + " skip-rows { date = Total }, metrics { reach { column = reach } }");
    Path conf = Files.writeString(dir.resolve("job.conf"), BadInputs.config("Asia/Tokyo", sources));
    Settings s = SettingsLoader.load(conf);
    assertThat(TextScanTest.sameGroups(s)).isEqualTo(7);
  }

  @Test
  void aCompressedFileAmongPlainOnesTakesTheExpressionsAndGivesTheSameRows() throws Exception {
    String older = "date,page,reach\n2024-03-01,a,5\n2024-03-02,a,6\n";
    String newer = "date,page,reach\n2024-03-02,a,7\n2024-03-03,a,1\n";
    write("plain", "1.csv", older);
    write("plain", "2.csv", newer);
    write("gz", "1.csv", older);
    Files.createDirectories(dir.resolve("gz"));
    try (OutputStream out =
        new GZIPOutputStream(Files.newOutputStream(dir.resolve("gz").resolve("2.csv.gz")))) {
      out.write(newer.getBytes(StandardCharsets.UTF_8));
    }
    String body =
        "time.column = date, entity = page, overlap.keep = newest,"
            + " metrics { reach { column = reach } }";
    Path conf =
        Files.writeString(
            dir.resolve("job.conf"), BadInputs.config("UTC", src("plain", body) + src("gz", body)));
    Settings s = SettingsLoader.load(conf);
    var layouts = InputCheck.check(s);
    assertThat(TextScan.inOneTask(spark, s.sources().get("gz"), layouts.get("gz"), Long.MAX_VALUE))
        .isFalse();
    SourceScan plain =
        SourceScan.run(spark, s.sources().get("plain"), layouts.get("plain"), s.run());
    SourceScan gz = SourceScan.run(spark, s.sources().get("gz"), layouts.get("gz"), s.run());
    assertThat(gz.quality().rowsSuperseded())
        .isEqualTo(1)
        .isEqualTo(plain.quality().rowsSuperseded());
    assertThat(gz.quality().rowsRead()).isEqualTo(4).isEqualTo(plain.quality().rowsRead());
    assertThat(gz.quality().rowsAccepted()).isEqualTo(3).isEqualTo(plain.quality().rowsAccepted());
    assertThat(
            TextScanTest.sameRows(gz.windowValues().collectAsList()).toString().replace("gz", "x"))
        .isEqualTo(
            TextScanTest.sameRows(plain.windowValues().collectAsList())
                .toString()
                .replace("plain", "x"));
    plain.release();
    gz.release();
  }

  @Test
  void utf16AndTinySplitsGiveTheSameRows() throws Exception {
    write(
        "u",
        "1.csv",
        "date,page,post,reach\n2024-03-01,a,\"p\n1\",1\n2024-03-02,a,p2,2\n2024-03-02,a,p2,2\n"
            + "2024-03-03,a,p3,3\n");
    Path f = dir.resolve("u").resolve("2.csv");
    byte[] text =
        "date,page,post,reach\r\n2024-03-02,a,p2,20\r\n2024-03-04,a,p3,x\r\n2024-03-03,a,p3,3\r\n"
            .getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[text.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(text, 0, withBom, 2, text.length);
    Files.write(f, withBom);
    write(
        "u",
        "3.csv",
        "date,page,post,reach\n2024-03-01,a,\"p\n1\",10\n2024-03-02,a,p2,2\n2024-03-01,a,q,1\n");
    String body =
        "time.column = date, entity = page, overlap { keep = newest, key = [post] },"
            + " metrics { reach { column = reach }, last { column = reach, aggregate = last } }";
    Path conf = Files.writeString(dir.resolve("job.conf"), BadInputs.config("UTC", src("u", body)));
    Settings s = SettingsLoader.load(conf);
    assertThat(TextScanTest.sameGroups(s)).isEqualTo(1);
    var layout = InputCheck.check(s).get("u");
    SourceScan normal = SourceScan.run(spark, s.sources().get("u"), layout, s.run());
    String expected =
        TextScanTest.sameRows(normal.windowValues().collectAsList()) + " " + quality(normal);
    normal.release();
    org.apache.hadoop.conf.Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    try {
      hadoop.setLong(org.apache.hadoop.mapreduce.lib.input.FileInputFormat.SPLIT_MAXSIZE, 24);
      assertThat(TextScanTest.sameGroups(s)).isEqualTo(1);
      SourceScan tiny = SourceScan.run(spark, s.sources().get("u"), layout, s.run());
      assertThat(TextScanTest.sameRows(tiny.windowValues().collectAsList()) + " " + quality(tiny))
          .isEqualTo(expected);
      tiny.release();
    } finally {
      hadoop.unset(org.apache.hadoop.mapreduce.lib.input.FileInputFormat.SPLIT_MAXSIZE);
    }
  }

  @Test
  void otherReadingsAndPersistedTotalsAgree() throws Exception {
    // Weekly rows, GA4-style tables, an nth-day report, and empty metric cells summed by Spark
    // (persisted) and in Java (on the driver), with superseded rows among them.
    write("week", "1.csv", "wk,n\n2024-03-04,1\n2024-03-11,2\n2024-03-13,9\n");
    write("week", "2.csv", "wk,n\n2024-03-11,5\n2024-03-18,6\n");
    write(
        "tables",
        "1.csv",
        "# report\n\nother,x\n1,2\n\ndate,id,n\n2024-03-01,a,1\n2024-03-02,b,2\n\ndate,id,n\n"
            + "2024-03-02,b,3\n");
    write("tables", "2.csv", "date,id,n\n2024-03-02,b,4\n2024-03-02,c,5\n");
    write("nth", "1.csv", "# Start date: 20240301\nday,n\n0000,1\n0001,2\n0002,3\n");
    write("nth", "2.csv", "# Start date: 20240302\nday,n\n0000,20\n0001,30\n0002,\n");
    write(
        "empties",
        "1.csv",
        "date,page,a,b\n2024-03-01,x,,1\n2024-03-02,x,2,\n2024-03-02,y,,\n2024-03-03,x,,-\n");
    write("empties", "2.csv", "date,page,a,b\n2024-03-02,x,,5\n2024-03-03,x,,\n");
    String sources =
        src(
                "week",
                "time { column = wk, grain = week }, overlap.keep = newest,"
                    + " metrics { n { column = n } }")
            + src(
                "tables",
                "csv { tables = blank-line-separated, comment = \"#\" }, time.column = date,"
                    + " overlap { keep = newest, key = [id] }, metrics { n { column = n } }")
            + src(
                "nth",
                "csv.comment = \"#\", time { column = day, pattern = nth-day },"
                    + " overlap.keep = newest, metrics { n { column = n } }")
            + src(
                "empties",
                "time.column = date, entity = page, overlap.keep = newest,"
                    + " metrics { a { column = a }, b { column = b, aggregate = last },"
                    + " bx { column = b, where { page = x } }, rows { aggregate = count } }");
    Path conf =
        Files.writeString(
            dir.resolve("job.conf"),
            BadInputs.config("UTC", sources).replace("window = day", "window = week"));
    Settings s = SettingsLoader.load(conf);
    assertThat(TextScanTest.sameGroups(s)).isEqualTo(4);
    var layouts = InputCheck.check(s);
    for (String name : s.sources().keySet()) {
      SourceScan persisted =
          SourceScan.run(spark, s.sources().get(name), layouts.get(name), s.run(), false);
      SourceScan onDriver =
          SourceScan.run(spark, s.sources().get(name), layouts.get(name), s.run(), true);
      assertThat(persisted.heldOnDriver()).isFalse();
      assertThat(persisted.quality()).as(name).isEqualTo(onDriver.quality());
      assertThat(persisted.quality().rowsSuperseded()).as(name).isPositive();
      persisted.release();
      onDriver.release();
    }
  }

  @Test
  void splitsOfAnyLengthGiveTheSameRows() throws Exception {
    StringBuilder a = new StringBuilder("date,page,post,reach\n");
    StringBuilder b = new StringBuilder("date,page,post,reach\n");
    for (int i = 0; i < 60; i++) {
      String day = "2024-03-" + (10 + i % 20);
      a.append(day).append(",p").append(i % 3).append(",k").append(i % 7).append(',').append(i);
      a.append(i % 11 == 0 ? "x\n" : "\n");
      if (i % 2 == 0) {
        b.append(day).append(",p").append(i % 3).append(",k").append(i % 7).append(',');
        b.append(i % 13 == 0 ? "" : Integer.toString(i + 100)).append('\n');
      }
    }
    a.append("2024-03-30,p1,k1,1\n");
    write("sp", "b-first.csv", a.toString());
    write("sp", "a-second.csv", b.toString() + "2024-03-30,p1,k1,2\n2024-03-30,p1,k1,2\n");
    String body =
        "time.column = date, entity = page, overlap { keep = newest, key = [post] },"
            + " metrics { reach { column = reach }, last { column = reach, aggregate = last } }";
    Path conf =
        Files.writeString(dir.resolve("job.conf"), BadInputs.config("UTC", src("sp", body)));
    Settings s = SettingsLoader.load(conf);
    var layout = InputCheck.check(s).get("sp");
    String expected = null;
    org.apache.hadoop.conf.Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    try {
      for (long max : new long[] {Long.MAX_VALUE, 4096, 100, 37}) {
        hadoop.setLong(org.apache.hadoop.mapreduce.lib.input.FileInputFormat.SPLIT_MAXSIZE, max);
        assertThat(TextScanTest.sameGroups(s)).isEqualTo(1);
        SourceScan scan = SourceScan.run(spark, s.sources().get("sp"), layout, s.run());
        String got =
            TextScanTest.sameRows(scan.windowValues().collectAsList()) + " " + quality(scan);
        scan.release();
        if (expected == null) {
          expected = got;
        }
        assertThat(got).as("split " + max).isEqualTo(expected);
      }
    } finally {
      hadoop.unset(org.apache.hadoop.mapreduce.lib.input.FileInputFormat.SPLIT_MAXSIZE);
    }
  }

  private static String quality(SourceScan scan) {
    SourceQuality q = scan.quality();
    return q.rowsRead()
        + "/"
        + q.rowsAccepted()
        + "/"
        + q.rowsQuarantined()
        + "/"
        + q.rowsSuperseded()
        + " "
        + scan.quarantine().count();
  }
}

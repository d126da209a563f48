package io.socialkpi.source;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import io.socialkpi.config.SourceSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceScanTest {
  static SparkSession spark;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    spark = SparkTestSession.get();
  }

  @AfterEach
  void resetSplitSize() {
    spark
        .sparkContext()
        .hadoopConfiguration()
        .unset("mapreduce.input.fileinputformat.split.maxsize");
  }

  static final String ORDERS_CONF =
      """
      socialkpi {
        run { zone = "Europe/Helsinki", window = week }
        sources {
          orders {
            path = "orders.csv"
            time { column = ordered_at, pattern = "yyyy-MM-dd HH:mm:ss", zone = "Europe/Helsinki" }
            entity = region
            metrics {
              sales { column = amount, aggregate = sum }
              orders { aggregate = count }
              online { aggregate = count, where { channel = online } }
              last-amount { column = amount, aggregate = last }
            }
          }
        }
      }
      """;

  /** One line for every quarantine reason, among good rows. */
  static final String MESSY_ORDERS =
      "order_id,ordered_at,region,channel,amount\n"
          + "1,2024-03-04 10:00:00,north,online,10.5\n" // line 2: good
          + "2,2024-03-05 10:00:00,north,store,20\n" // 3: good
          + "3,2024-03-31 03:30:00,south,online,5\n" // 4: good, inside the DST gap
          + "4,2024-02-30 10:00:00,south,online,5\n" // 5: bad_time
          + "5,2024-03-06 10:00:00,,online,5\n" // 6: missing_value (region)
          + "6,2024-03-06 10:00:00,north,online,n/a\n" // 7: non_numeric
          + "2,2024-03-05 10:00:00,north,store,20\n" // 8: duplicate of line 3
          + "7,2024-03-06 10:00:00,north,online,1,extra\n" // 9: wrong_field_count
          + "\n" // 10: blank_line
          + "8,2024-03-12 00:30:00,north,online,NaN\n" // 11: non_numeric (NaN)
          + "9,2024-03-12 00:30:00,north,\"online\",7\n"; // 12: good, quoted field

  SourceScan scan(String conf, String file, byte[] content) throws IOException {
    Files.write(dir.resolve(file), content);
    return scan(conf);
  }

  /** Scans the config's only source over files already in {@link #dir}. */
  SourceScan scan(String conf) throws IOException {
    Files.writeString(dir.resolve("job.conf"), conf);
    Settings s = SettingsLoader.load(dir.resolve("job.conf"));
    String name = s.sources().keySet().iterator().next();
    return SourceScan.run(spark, s.sources().get(name), InputCheck.check(s).get(name), s.run());
  }

  /**
   * The groups of the config's only source as the Spark-expression scan computes them (Parquet's
   * way; text sources take TextScan), to look at that scan's plan.
   */
  Dataset<Row> expressionGroups(String conf, String file, String content) throws IOException {
    Files.writeString(dir.resolve(file), content);
    Files.writeString(dir.resolve("job.conf"), conf);
    Settings s = SettingsLoader.load(dir.resolve("job.conf"));
    String name = s.sources().keySet().iterator().next();
    return SourceScan.expressionGroups(
        spark,
        s.sources().get(name),
        InputCheck.check(s).get(name),
        s.run(),
        spark.sparkContext().collectionAccumulator());
  }

  @Test
  void everyRowIsAcceptedOrQuarantinedWithItsReasonAndLine() throws IOException {
    SourceScan scan =
        scan(ORDERS_CONF, "orders.csv", MESSY_ORDERS.getBytes(StandardCharsets.UTF_8));
    SourceQuality q = scan.quality();
    assertThat(q.rowsRead()).isEqualTo(11);
    assertThat(q.rowsAccepted()).isEqualTo(4);
    assertThat(q.rowsQuarantined()).isEqualTo(7);
    // The quarantine's rows, counted on their own (rowsQuarantined is read - accepted).
    assertThat(scan.quarantine().count()).isEqualTo(7);
    Map<Long, String> reasons =
        scan.quarantine().collectAsList().stream()
            .collect(Collectors.toMap(r -> r.<Long>getAs("line"), r -> r.<String>getAs("reason")));
    assertThat(reasons)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                5L, "bad_time",
                6L, "missing_value",
                7L, "non_numeric",
                8L, "duplicate",
                9L, "wrong_field_count",
                10L, "blank_line",
                11L, "non_numeric"));
    Row dup = scan.quarantine().filter(col("reason").equalTo("duplicate")).first();
    assertThat(dup.<String>getAs("raw")).isEqualTo("2,2024-03-05 10:00:00,north,store,20");
    assertThat(dup.<String>getAs("detail")).contains("same as the row at byte");
    assertThat(dup.<String>getAs("file")).endsWith("orders.csv");
  }

  @Test
  void aScanHeldOnTheDriverAccountsAndAggregatesExactlyAsOneHeldBySpark() throws IOException {
    Files.write(dir.resolve("orders.csv"), MESSY_ORDERS.getBytes(StandardCharsets.UTF_8));
    Files.writeString(dir.resolve("job.conf"), ORDERS_CONF);
    Settings s = SettingsLoader.load(dir.resolve("job.conf"));
    String name = s.sources().keySet().iterator().next();
    SourceLayout layout = InputCheck.check(s).get(name);
    SourceScan bySpark = SourceScan.run(spark, s.sources().get(name), layout, s.run(), false);
    SourceScan onDriver = SourceScan.run(spark, s.sources().get(name), layout, s.run(), true);
    // Quality is summed by Spark in one case and in Java over the collected groups in the other.
    assertThat(onDriver.quality()).isEqualTo(bySpark.quality());
    assertThat(onDriver.quality().firstDate()).isNotNull();
    assertThat(onDriver.quality().rowsQuarantined()).isEqualTo(7);
    assertThat(onDriver.windowValues().collectAsList())
        .containsExactlyInAnyOrderElementsOf(bySpark.windowValues().collectAsList());
    assertThat(onDriver.quarantine().collectAsList())
        .containsExactlyInAnyOrderElementsOf(bySpark.quarantine().collectAsList());
  }

  @Test
  void aScanWithMoreGroupsThanTheDriverMayHoldIsPersistedBySparkWithTheSameResults()
      throws IOException {
    // Each quarantined row is a group of its own: small input can make many groups. Past the cap
    // the scan must not be collected whole, and its split lines must be counted once.
    Files.write(dir.resolve("orders.csv"), MESSY_ORDERS.getBytes(StandardCharsets.UTF_8));
    Files.writeString(dir.resolve("job.conf"), ORDERS_CONF);
    Settings s = SettingsLoader.load(dir.resolve("job.conf"));
    String name = s.sources().keySet().iterator().next();
    SourceLayout layout = InputCheck.check(s).get(name);
    SourceScan bySpark = SourceScan.run(spark, s.sources().get(name), layout, s.run(), 0);
    SourceScan capped = SourceScan.run(spark, s.sources().get(name), layout, s.run(), 2);
    assertThat(capped.quality()).isEqualTo(bySpark.quality());
    assertThat(capped.splitLines()).containsExactlyInAnyOrderElementsOf(bySpark.splitLines());
    assertThat(capped.windowValues().collectAsList())
        .containsExactlyInAnyOrderElementsOf(bySpark.windowValues().collectAsList());
    assertThat(capped.quarantine().collectAsList())
        .containsExactlyInAnyOrderElementsOf(bySpark.quarantine().collectAsList());
    assertThat(capped.heldOnDriver()).isFalse();
    assertThat(SourceScan.run(spark, s.sources().get(name), layout, s.run(), 1000).heldOnDriver())
        .isTrue();
  }

  @Test
  void anEmptySourceHeldOnTheDriverHasNoTimeRange() throws IOException {
    Files.writeString(dir.resolve("orders.csv"), "order_id,ordered_at,region,channel,amount\n");
    Files.writeString(dir.resolve("job.conf"), ORDERS_CONF);
    Settings s = SettingsLoader.load(dir.resolve("job.conf"));
    String name = s.sources().keySet().iterator().next();
    SourceLayout layout = InputCheck.check(s).get(name);
    SourceQuality q = SourceScan.run(spark, s.sources().get(name), layout, s.run(), true).quality();
    assertThat(q.rowsRead()).isZero();
    assertThat(q.firstTime()).isNull();
    assertThat(q.lastDate()).isNull();
  }

  @Test
  void aggregatesPerEntityAndIsoWeekInTheReportingZone() throws IOException {
    SourceScan scan =
        scan(ORDERS_CONF, "orders.csv", MESSY_ORDERS.getBytes(StandardCharsets.UTF_8));
    Map<String, Double> values =
        scan.windowValues().collectAsList().stream()
            .filter(r -> !r.isNullAt(r.fieldIndex("value")))
            .collect(
                Collectors.toMap(
                    r ->
                        r.getAs("metric") + "/" + r.getAs("entity") + "/" + r.getAs("window_start"),
                    r -> r.<Double>getAs("value")));
    assertThat(values.get("orders.sales/north/2024-03-04")).isCloseTo(30.5, within(1e-12));
    assertThat(values.get("orders.orders/north/2024-03-04")).isEqualTo(2.0);
    assertThat(values.get("orders.online/north/2024-03-04")).isEqualTo(1.0);
    assertThat(values.get("orders.last-amount/north/2024-03-04")).isEqualTo(20.0);
    // 03:30 on 2024-03-31 does not exist in Helsinki (clocks jump 03:00 -> 04:00): it is read as
    // 04:30 EEST, still Sunday, so it stays in the week of Monday 2024-03-25.
    assertThat(values.get("orders.sales/south/2024-03-25")).isEqualTo(5.0);
    assertThat(values.get("orders.sales/north/2024-03-11")).isEqualTo(7.0);
  }

  @Test
  void theAggregationRunsInAHashMapNotASortOfEveryRow() throws IOException {
    String plan =
        expressionGroups(ORDERS_CONF, "orders.csv", MESSY_ORDERS)
            .queryExecution()
            .explainString(org.apache.spark.sql.execution.ExplainMode.fromString("formatted"));
    // Text or struct aggregation buffers (first(raw), max_by(v, struct(file, ...))) would turn it
    // into a SortAggregate, which sorted all rows and cost most of the read stage.
    assertThat(plan).contains("HashAggregate").doesNotContain("SortAggregate");
  }

  @Test
  void theDuplicateCheckSortsInPartitionsSizedToTheSourceInTheSameShuffle() throws IOException {
    SourceScan scan =
        scan(ORDERS_CONF, "orders.csv", MESSY_ORDERS.getBytes(StandardCharsets.UTF_8));
    String plan =
        expressionGroups(ORDERS_CONF, "orders.csv", MESSY_ORDERS)
            .queryExecution()
            .executedPlan()
            .toString()
            .split("== Initial Plan", -1)[0];
    // One shuffle for the duplicate check (its partitions also serve the window) and one after the
    // partial aggregation.
    assertThat(plan.split("Exchange hashpartitioning", -1)).as(plan).hasSize(3);
    assertThat(plan).contains("REPARTITION_BY_NUM");

    int configured = spark.sessionState().conf().numShufflePartitions();
    SourceSpec csv = scan.source();
    SourceSpec parquet = SourceScanTest.parquet(csv);
    assertThat(SourceScan.duplicateCheckPartitions(spark, csv, layout(1_000)))
        .isEqualTo(configured);
    assertThat(SourceScan.duplicateCheckPartitions(spark, csv, layout(2_322_807_712L)))
        .isEqualTo(Math.max(configured, 18));
    assertThat(SourceScan.duplicateCheckPartitions(spark, parquet, layout(530_230_962L)))
        .isEqualTo(Math.max(configured, 16));
  }

  private static SourceLayout layout(long bytes) {
    return new SourceLayout("orders", List.of("orders"), List.of(), Map.of(), bytes);
  }

  private static SourceSpec parquet(SourceSpec s) {
    // duplicateCheckPartitions reads the format only: the other keys may be the defaults.
    return SourceSpec.of(
        s.name(),
        s.path(),
        io.socialkpi.config.SourceFormat.PARQUET,
        s.csv(),
        s.time(),
        s.metrics());
  }

  @Test
  void lastBreaksTiesAtTheSameInstantByPlaceInTheSource() throws IOException {
    String conf =
        """
        socialkpi {
          run { zone = "UTC", window = week }
          sources {
            fans {
              path = "fans/*.csv"
              time { column = date, pattern = "yyyy-MM-dd", zone = "UTC" }
              entity = region
              metrics { fans { column = fans, aggregate = last } }
            }
          }
        }
        """;
    Files.createDirectories(dir.resolve("fans"));
    // north: two rows of one file at the same instant, the later line wins. south: the same
    // instant in two files, the file later in path order wins, though its line comes first.
    Files.writeString(
        dir.resolve("fans/a.csv"),
        "date,region,fans\n2024-03-04,north,9\n2024-03-04,north,4\n2024-03-04,south,7\n");
    Files.writeString(dir.resolve("fans/b.csv"), "date,region,fans\n2024-03-04,south,2\n");
    Map<String, Double> last = lastFans(scan(conf, "job-data.txt", new byte[0]));
    assertThat(last).containsOnly(Map.entry("north", 4.0), Map.entry("south", 2.0));

    // The same rows as Parquet files: ranks come from the file path, not from a text split.
    for (String[] file :
        List.of(
            new String[] {"a", "2024-03-04,north,9", "2024-03-04,north,4", "2024-03-04,south,7"},
            new String[] {"b", "2024-03-04,south,2"})) {
      List<Row> rows = new java.util.ArrayList<>();
      for (int i = 1; i < file.length; i++) {
        String[] f = file[i].split(",", -1);
        rows.add(org.apache.spark.sql.RowFactory.create(f[0], f[1], f[2]));
      }
      spark
          .createDataFrame(
              rows,
              new org.apache.spark.sql.types.StructType()
                  .add("date", "string")
                  .add("region", "string")
                  .add("fans", "string"))
          .coalesce(1)
          .write()
          .parquet(dir.resolve("pq/" + file[0]).toString());
    }
    assertThat(
            lastFans(scan(conf.replace("\"fans/*.csv\"", "\"pq/*/*.parquet\", format = parquet"))))
        .containsOnly(Map.entry("north", 4.0), Map.entry("south", 2.0));
  }

  @Test
  void aDuplicateInAnotherFileNamesItsOwnFileAndTheFirstCopys() throws IOException {
    String conf =
        """
        socialkpi {
          run { zone = "UTC", window = week }
          sources {
            fans {
              path = "fans/*.csv"
              time { column = date, pattern = "yyyy-MM-dd", zone = "UTC" }
              entity = region
              metrics { fans { column = fans, aggregate = sum } }
            }
          }
        }
        """;
    Files.createDirectories(dir.resolve("fans"));
    Files.writeString(dir.resolve("fans/a.csv"), "date,region,fans\n2024-03-04,north,9\n");
    Files.writeString(
        dir.resolve("fans/b.csv"), "date,region,fans\n2024-03-05,north,1\n2024-03-04,north,9\n");
    SourceScan scan = scan(conf, "job-data.txt", new byte[0]);
    Row dup = scan.quarantine().collectAsList().get(0);
    assertThat(dup.<String>getAs("file")).endsWith("fans/b.csv");
    assertThat(dup.<Long>getAs("line")).isEqualTo(3L);
    assertThat(dup.<Long>getAs("byte_offset")).isEqualTo(36L);
    assertThat(dup.<String>getAs("raw")).isEqualTo("2024-03-04,north,9");
    assertThat(dup.<String>getAs("detail"))
        .startsWith("same as the row at byte 17 of ")
        .endsWith("fans/a.csv");
    assertThat(scan.quality().rowsQuarantined()).isEqualTo(1L);
    assertThat(lastFans(scan)).containsOnly(Map.entry("north", 10.0));
  }

  private static Map<String, Double> lastFans(SourceScan scan) {
    return scan.windowValues().collectAsList().stream()
        .collect(Collectors.toMap(r -> r.<String>getAs("entity"), r -> r.<Double>getAs("value")));
  }

  @Test
  void timestampsAreConvertedFromTheSourceZoneBeforeWindowing() throws IOException {
    String conf =
        ORDERS_CONF
            .replace("\"Europe/Helsinki\" }", "\"America/Los_Angeles\" }")
            .replace("window = week", "window = day");
    // 2024-11-03 is the day US clocks fall back: 23:30 in Los Angeles is 07:30 UTC on 11-04,
    // 09:30 in Helsinki (EET, +2) on 2024-11-04.
    String csv =
        "order_id,ordered_at,region,channel,amount\n"
            + "1,2024-11-03 23:30:00,north,online,1\n"
            + "2,2024-11-03 01:30:00,north,online,2\n" // ambiguous hour: earlier offset (PDT)
            + "3,2024-03-10 12:00:00,north,online,4\n"; // 12:00 PDT = 19:00 UTC = 21:00 Helsinki
    SourceScan scan = scan(conf, "orders.csv", csv.getBytes(StandardCharsets.UTF_8));
    Map<String, Double> sales =
        scan.windowValues().filter(col("metric").equalTo("orders.sales")).collectAsList().stream()
            .collect(
                Collectors.toMap(
                    r -> r.getAs("window_start").toString(), r -> r.<Double>getAs("value")));
    assertThat(sales)
        .containsOnly(
            Map.entry("2024-11-04", 1.0),
            Map.entry("2024-11-03", 2.0),
            Map.entry("2024-03-10", 4.0));
  }

  @Test
  void lineNumbersStayExactWhenAFileIsReadInManySplits() throws IOException {
    StringBuilder csv = new StringBuilder("order_id,ordered_at,region,channel,amount\n");
    for (int i = 1; i <= 2000; i++) {
      String amount = i % 250 == 0 ? "bad" : String.valueOf(i);
      csv.append(i).append(",2024-03-04 10:00:00,north,online,").append(amount).append('\n');
    }
    spark
        .sparkContext()
        .hadoopConfiguration()
        .set("mapreduce.input.fileinputformat.split.maxsize", "4096");
    SourceScan scan =
        scan(ORDERS_CONF, "orders.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(scan.quality().rowsRead()).isEqualTo(2000);
    List<Long> lines =
        scan.quarantine().collectAsList().stream()
            .map(r -> r.<Long>getAs("line"))
            .sorted()
            .toList();
    // Data row i is on line i + 1 (the header is line 1).
    assertThat(lines).containsExactly(251L, 501L, 751L, 1001L, 1251L, 1501L, 1751L, 2001L);
    Row row = scan.quarantine().filter(col("line").equalTo(1001L)).first();
    assertThat(row.<String>getAs("raw")).startsWith("1000,");
  }

  @Test
  void invalidUtf8IsQuarantinedNotGuessed() throws IOException {
    byte[] head =
        "order_id,ordered_at,region,channel,amount\n1,2024-03-04 10:00:00,"
            .getBytes(StandardCharsets.UTF_8);
    byte[] bad = {(byte) 0xC3, (byte) 0x28};
    byte[] tail =
        ",online,1\n2,2024-03-04 10:00:00,north,online,2\n".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + bad.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(bad, 0, all, head.length, bad.length);
    System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
    SourceScan scan = scan(ORDERS_CONF, "orders.csv", all);
    assertThat(scan.quality().rowsAccepted()).isEqualTo(1);
    assertThat(scan.quarantine().first().<String>getAs("reason")).isEqualTo("bad_encoding");
  }

  @Test
  void jsonLinesWithOffsetsAndABrokenLine() throws IOException {
    String conf =
        """
        socialkpi {
          run { zone = "UTC", window = day }
          sources {
            mentions {
              path = "m.jsonl", format = json
              time { column = created_at, pattern = "yyyy-MM-dd'T'HH:mm:ssXXX" }
              metrics {
                mentions { aggregate = count }
                sentiment { column = sentiment, aggregate = mean }
              }
            }
          }
        }
        """;
    String jsonl =
        """
        {"created_at":"2024-05-01T23:30:00+02:00","sentiment":0.5}
        {"created_at":"2024-05-01T23:30:00Z","sentiment":-0.25}
        {"created_at":"2024-05-01T10:00:00Z","sentiment":
        [1,2]
        """;
    SourceScan scan = scan(conf, "m.jsonl", jsonl.getBytes(StandardCharsets.UTF_8));
    assertThat(scan.quality().rowsRead()).isEqualTo(4);
    assertThat(scan.quality().rowsAccepted()).isEqualTo(2);
    assertThat(scan.quarantine().collectAsList())
        .extracting(r -> r.<String>getAs("reason"))
        .containsOnly("malformed_json");
    Map<String, Double> byDay =
        scan
            .windowValues()
            .filter(col("metric").equalTo("mentions.sentiment"))
            .collectAsList()
            .stream()
            .collect(
                Collectors.toMap(
                    r -> r.getAs("window_start").toString(), r -> r.<Double>getAs("value")));
    assertThat(byDay).containsOnly(Map.entry("2024-05-01", 0.125));
  }

  @Test
  void parquetSourcesKeepTheirTypesAndRowIndex() throws IOException {
    Path parquet = dir.resolve("orders_pq");
    spark
        .sql(
            "SELECT * FROM VALUES (TIMESTAMP'2024-03-04 10:00:00', 'north', 10.0D),"
                + " (TIMESTAMP'2024-03-05 10:00:00', 'north', CAST(NULL AS DOUBLE)) AS t(ordered_at, region, amount)")
        .coalesce(1)
        .write()
        .parquet(parquet.toString());
    String conf =
        """
        socialkpi {
          run { zone = "UTC", window = week }
          sources {
            orders {
              path = "orders_pq", format = parquet
              time { column = ordered_at }
              entity = region
              metrics { sales { column = amount, aggregate = sum } }
            }
          }
        }
        """;
    SourceScan scan = scan(conf);
    // A null metric cell is a missing value of that metric, not a broken row.
    assertThat(scan.quality().rowsRead()).isEqualTo(2);
    assertThat(scan.quality().rowsAccepted()).isEqualTo(2);
    assertThat(scan.quarantine().count()).isZero();
    assertThat(scan.quality().missingCells()).containsExactly(Map.entry("orders.sales", 1L));
  }

  @Test
  void parquetDuplicatesMatchOnEveryColumnAndKeepTheirText() throws IOException {
    // Rows 0 and 2 are equal in every column; row 3 differs from them only in a column the config
    // does not read (note), so it is another row, not a copy.
    spark
        .sql(
            "SELECT * FROM VALUES ('2024-03-04 10:00:00', 'north', 10.0D, 'a'),"
                + " ('2024-03-05 10:00:00', 'north', 5.0D, 'a'),"
                + " ('2024-03-04 10:00:00', 'north', 10.0D, 'a'),"
                + " ('2024-03-04 10:00:00', 'north', 10.0D, 'b') AS t(ordered_at, region, amount, note)")
        .coalesce(1)
        .write()
        .parquet(dir.resolve("dup_pq").toString());
    String conf =
        """
        socialkpi {
          run { zone = "UTC", window = week }
          sources {
            orders {
              path = "dup_pq", format = parquet
              time { column = ordered_at, pattern = "yyyy-MM-dd HH:mm:ss", zone = "UTC" }
              entity = region
              metrics { sales { column = amount, aggregate = sum } }
            }
          }
        }
        """;
    SourceScan scan = scan(conf);
    assertThat(scan.quality().rowsAccepted()).isEqualTo(3);
    Row q = scan.quarantine().first();
    assertThat(q.<String>getAs("reason")).isEqualTo("duplicate");
    assertThat(q.<Long>getAs("line")).isEqualTo(3L);
    assertThat(q.<String>getAs("detail")).startsWith("same as the row at byte 0 of ");
    assertThat(q.<String>getAs("raw"))
        .isEqualTo(
            "{\"ordered_at\":\"2024-03-04 10:00:00\",\"region\":\"north\",\"amount\":10.0,"
                + "\"note\":\"a\"}");
    assertThat(scan.windowValues().first().<Double>getAs("value")).isEqualTo(25.0);
  }

  @Test
  void csvJsonAndParquetOfTheSameRowsGiveTheSameWindowValues() throws IOException {
    String csv =
        """
        ordered_at,region,amount
        2024-03-04 10:00:00,north,10.5
        2024-03-05 23:30:00,north,2
        2024-03-11 00:10:00,south,7.25
        """;
    String jsonl =
        """
        {"ordered_at":"2024-03-04 10:00:00","region":"north","amount":10.5}
        {"ordered_at":"2024-03-05 23:30:00","region":"north","amount":2}
        {"ordered_at":"2024-03-11 00:10:00","region":"south","amount":7.25}
        """;
    spark
        .createDataFrame(
            List.of(
                org.apache.spark.sql.RowFactory.create("2024-03-04 10:00:00", "north", 10.5),
                org.apache.spark.sql.RowFactory.create("2024-03-05 23:30:00", "north", 2.0),
                org.apache.spark.sql.RowFactory.create("2024-03-11 00:10:00", "south", 7.25)),
            new org.apache.spark.sql.types.StructType()
                .add("ordered_at", "string")
                .add("region", "string")
                .add("amount", "double"))
        .coalesce(1)
        .write()
        .parquet(dir.resolve("pq").toString());
    String conf =
        """
        socialkpi {
          run { zone = "Europe/Helsinki", window = week }
          sources {
            orders {
              path = "PATH", format = FORMAT
              time { column = ordered_at, pattern = "yyyy-MM-dd HH:mm:ss", zone = "Europe/Helsinki" }
              entity = region
              metrics {
                sales { column = amount, aggregate = sum }
                orders { aggregate = count }
                biggest { column = amount, aggregate = max }
              }
            }
          }
        }
        """;
    List<String> fromCsv =
        values(
            scan(
                conf.replace("PATH", "o.csv").replace("FORMAT", "csv"),
                "o.csv",
                csv.getBytes(StandardCharsets.UTF_8)));
    List<String> fromJson =
        values(
            scan(
                conf.replace("PATH", "o.jsonl").replace("FORMAT", "json"),
                "o.jsonl",
                jsonl.getBytes(StandardCharsets.UTF_8)));
    List<String> fromParquet =
        values(scan(conf.replace("PATH", "pq").replace("FORMAT", "parquet")));
    assertThat(fromCsv)
        .containsExactly(
            "orders.biggest|north|2024-03-04|10.5|2",
            "orders.biggest|south|2024-03-11|7.25|1",
            "orders.orders|north|2024-03-04|2.0|2",
            "orders.orders|south|2024-03-11|1.0|1",
            "orders.sales|north|2024-03-04|12.5|2",
            "orders.sales|south|2024-03-11|7.25|1");
    assertThat(fromJson).isEqualTo(fromCsv);
    assertThat(fromParquet).isEqualTo(fromCsv);
  }

  static List<String> values(SourceScan scan) {
    return scan.windowValues().collectAsList().stream()
        .map(
            r ->
                r.getAs("metric")
                    + "|"
                    + r.getAs("entity")
                    + "|"
                    + r.getAs("window_start")
                    + "|"
                    + r.getAs("value")
                    + "|"
                    + r.getAs("n_obs"))
        .sorted()
        .toList();
  }
}

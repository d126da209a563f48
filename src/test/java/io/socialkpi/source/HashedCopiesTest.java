package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Each record of a shuffled partition gets its text's first copy (the lowest position among equal
 * texts) exactly once, whether the partition fits its memory budget or spills to disk buckets, is
 * split again, or is one line repeated many times; two texts sharing a fingerprint stay apart.
 * Expected answers come from a plain map of text to lowest position.
 */
class HashedCopiesTest {
  private static byte[] record(String raw) {
    return FirstCopiesTest.record(raw);
  }

  /** Records of (fingerprint, position, text), in the order given. */
  private static final class Partition {
    final List<Row> rows = new ArrayList<>();
    final Map<String, Long> first = new HashMap<>();
    final Map<Long, String> textAt = new HashMap<>();

    void add(long hi, long lo, long position, String text) {
      rows.add(RowFactory.create(hi, lo, position, record(text)));
      first.merge(text, position, Math::min);
      textAt.put(position, text);
    }
  }

  /** Runs the partition through HashedCopies; returns whether it spilled. */
  private static boolean check(Partition p, long budget) {
    HashedCopies copies = new HashedCopies(p.rows.iterator(), budget);
    Map<Long, Long> answers = new HashMap<>();
    while (copies.next(
        (position, record, firstCopy) -> {
          assertThat(answers.put(position, firstCopy)).as("answered twice: %s", position).isNull();
          String text = new LineRecord.Reader(record).stringAt(HashedCopies.rawStart(record));
          assertThat(text).isEqualTo(p.textAt.get(position));
        })) {
      // every record is checked in the sink
    }
    assertThat(answers).hasSize(p.rows.size());
    answers.forEach(
        (position, firstCopy) ->
            assertThat(firstCopy)
                .as("first copy of the record at %s", position)
                .isEqualTo(p.first.get(p.textAt.get(position))));
    return copies.spilled();
  }

  private static Partition random(int records, int texts, long seed) {
    Random r = new Random(seed);
    List<Long> positions = new ArrayList<>();
    for (long i = 0; i < records; i++) {
      positions.add(i * 7 + 3);
    }
    Collections.shuffle(positions, r);
    Partition p = new Partition();
    for (long position : positions) {
      int t = r.nextInt(texts);
      // Fingerprints of a real hash; every 50th text shares its fingerprint with text 0's.
      long hi = t % 50 == 0 ? 17 : t * 0x9E3779B97F4A7C15L;
      long lo = t % 50 == 0 ? 0x5DEECE66DL : Long.rotateLeft(t * 0xC2B2AE3D27D4EB4FL, 29);
      p.add(hi, lo, position, "line " + t + ",2024-03-01,12");
    }
    return p;
  }

  @Test
  void aPartitionThatFitsIsAnsweredInMemory() {
    assertThat(check(random(20_000, 5_000, 1), 1L << 30)).isFalse();
  }

  @Test
  void aPartitionOverItsBudgetSpillsAndStillFindsEveryFirstCopy() {
    // About 4 MB of records against a 256 KB budget: 64 buckets of about 64 KB each.
    assertThat(check(random(20_000, 5_000, 2), 256 << 10)).isTrue();
  }

  @Test
  void bucketsOverTheBudgetWithManyTextsAreSplitAgain() {
    // Every text distinct and a tiny budget: buckets are split by the fingerprint's next bits,
    // down to the last depth, where the two passes hold what they must.
    assertThat(check(random(30_000, 1_000_000, 3), 4 << 10)).isTrue();
  }

  @Test
  void oneLineRepeatedManyTimesSpillsAndHoldsOneCopy() {
    Partition p = new Partition();
    Random r = new Random(4);
    for (int i = 0; i < 200_000; i++) {
      p.add(42, 42, 1_000_000 - i * 3L - r.nextInt(3), "2024-03-01,a,1");
    }
    p.add(42, 42, 5_000_000, "2024-03-01,b,1");
    assertThat(check(p, 64 << 10)).isTrue();
  }

  /**
   * Inside a Spark task the buckets are Spark's temporary local blocks, and they are gone when the
   * task ends.
   */
  @Test
  void inASparkTaskTheBucketsAreLocalBlocksDeletedAtTheEnd() throws IOException {
    Partition p = random(20_000, 5_000, 5);
    SparkSession spark = SparkTestSession.get();
    List<Row> answers =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .parallelize(p.rows, 1)
            .mapPartitions(
                it -> {
                  HashedCopies copies = new HashedCopies(it, 128 << 10);
                  List<Row> out = new ArrayList<>();
                  while (copies.next(
                      (pos, record, first) -> out.add(RowFactory.create(pos, first)))) {
                    // collected in the sink
                  }
                  out.add(RowFactory.create(-1L, copies.spilled() ? 1L : 0L));
                  return out.iterator();
                })
            .collect();
    assertThat(answers).hasSize(p.rows.size() + 1);
    for (Row a : answers) {
      if (a.getLong(0) < 0) {
        assertThat(a.getLong(1)).as("spilled").isEqualTo(1);
      } else {
        assertThat(a.getLong(1)).isEqualTo(p.first.get(p.textAt.get(a.getLong(0))));
      }
    }
    try (Stream<Path> left =
        Files.walk(SparkEnv.get().blockManager().diskBlockManager().localDirs()[0].toPath())) {
      assertThat(left.filter(f -> f.getFileName().toString().startsWith("temp_local_"))).isEmpty();
    }
  }

  @Test
  void anEmptyPartitionHasNoRecords() {
    assertThat(check(new Partition(), 1 << 20)).isFalse();
  }

  @Test
  void theBudgetIsAShareOfTheHeapBetweenItsBounds() {
    assertThat(HashedCopies.budget()).isBetween(8L << 20, 512L << 20);
    assertThat(HashedCopies.partitionsFor(0, 8)).isEqualTo(8);
    long big = 100L * HashedCopies.budget();
    assertThat(HashedCopies.partitionsFor(big, 8)).isEqualTo(800);
    assertThat(HashedCopies.partitionsFor(Long.MAX_VALUE, 8)).isEqualTo(4096);
  }
}

package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialkpi.SparkTestSession;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.XXH64;
import org.apache.spark.unsafe.Platform;
import org.junit.jupiter.api.Test;

/**
 * The third review of issue 13's duplicate check tried to break {@link HashedCopies}: random
 * partitions with fingerprint collisions at every depth and tiny budgets; lines ground to share the
 * fingerprint bits of the first bucket levels (the last level used to hold them all whatever the
 * budget); a task failing while it spills (its bucket files were left open).
 */
class HashedCopiesAttackTest {
  private static final long SEED_LO = 0xC2B2AE3D27D4EB4FL;

  private static byte[] record(String raw) {
    return FirstCopiesTest.record(raw);
  }

  // ---------------------------------------------------------------- correctness fuzz

  /**
   * Random partitions with full-fingerprint collisions, lo-only collisions, repeats, huge lines.
   */
  @Test
  void fuzzFirstCopiesWithCollisionsAtEveryDepth() {
    for (int seed = 0; seed < 60; seed++) {
      Random r = new Random(seed);
      int texts = 1 + r.nextInt(400);
      int records = r.nextInt(4000);
      long budget = 1L + r.nextInt(1 << (4 + r.nextInt(14)));
      long[] hi = new long[texts];
      long[] lo = new long[texts];
      String[] text = new String[texts];
      for (int t = 0; t < texts; t++) {
        int mode = r.nextInt(4);
        hi[t] = mode == 0 ? 7 : r.nextLong();
        lo[t] = mode == 0 ? 9 : mode == 1 ? 9 : mode == 2 ? (r.nextLong() & 0xFFFL) : r.nextLong();
        text[t] = r.nextInt(50) == 0 ? "x".repeat(2000 + t) : "t" + t;
      }
      List<Row> rows = new ArrayList<>();
      Map<String, Long> first = new HashMap<>();
      Map<Long, String> at = new HashMap<>();
      for (int i = 0; i < records; i++) {
        int t = r.nextInt(10) == 0 ? 0 : r.nextInt(texts);
        long pos = (long) i * 13 + r.nextInt(13);
        pos = records * 13L - pos; // descending, so first copies tend to come last
        rows.add(RowFactory.create(hi[t], lo[t], pos, record(text[t])));
        first.merge(text[t], pos, Math::min);
        at.put(pos, text[t]);
      }
      HashedCopies c = new HashedCopies(rows.iterator(), budget);
      Map<Long, Long> answers = new HashMap<>();
      int s = seed;
      while (c.next(
          (p, rec, f) -> {
            assertThat(answers.put(p, f)).as("seed %s twice %s", s, p).isNull();
            assertThat(f).as("seed %s first of %s", s, p).isEqualTo(first.get(at.get(p)));
          })) {}
      assertThat(answers).as("seed %s", seed).hasSize(records);
    }
  }

  // ---------------------------------------------------------------- memory at the last depth

  /**
   * Real fingerprints: lines ground (2^18 tries each) to share the 18 bits of fp_lo that the first
   * three bucket levels use. The next levels split them, so the memory held stays near the budget.
   */
  @Test
  void theLastDepthHoldsEveryDistinctTextWhateverTheBudget() throws Exception {
    int lines = 120;
    long budget = 4 << 10;
    List<Row> rows = new ArrayList<>();
    long target = -1;
    long[] fp = new long[2];
    String pad = "y".repeat(150);
    for (int i = 0; rows.size() < lines; ) {
      String text = "2024-03-01," + pad + "," + i++;
      byte[] b = text.getBytes(StandardCharsets.UTF_8);
      long lo = XXH64.hashUnsafeBytes(b, Platform.BYTE_ARRAY_OFFSET, b.length, SEED_LO);
      if (target < 0) {
        target = lo >>> 46;
      }
      if ((lo >>> 46) == target) {
        byte[] rec = record(text);
        Fingerprint.of(rec, LineRecord.RAW_AT, b.length, fp);
        assertThat(fp[1]).isEqualTo(lo);
        rows.add(RowFactory.create(fp[0], fp[1], (long) rows.size(), rec));
      }
    }
    HashedCopies c = new HashedCopies(rows.iterator(), budget);
    Field streamingF = HashedCopies.class.getDeclaredField("streaming");
    streamingF.setAccessible(true);
    AtomicLong maxHeld = new AtomicLong();
    while (c.next(
        (p, rec, f) -> {
          try {
            Object sp = streamingF.get(c);
            if (sp != null) {
              Field d = sp.getClass().getDeclaredField("distinct");
              d.setAccessible(true);
              long held = 0;
              for (Object list : ((Map<?, ?>) d.get(sp)).values()) {
                for (Object t : (List<?>) list) {
                  Field rf = t.getClass().getDeclaredField("record");
                  rf.setAccessible(true);
                  held += ((byte[]) rf.get(t)).length + HashedCopies.DISTINCT_OVERHEAD;
                }
              }
              maxHeld.accumulateAndGet(held, Math::max);
            }
          } catch (ReflectiveOperationException e) {
            throw new RuntimeException(e);
          }
        })) {}
    assertThat(maxHeld.get())
        .as("bytes held in the second pass, budget %s", budget)
        .isLessThanOrEqualTo(2 * budget);
  }

  // ---------------------------------------------------------------- handles after a failure

  private static long openDeletedTempBlocks() throws Exception {
    long n = 0;
    try (Stream<Path> fds = Files.list(Paths.get("/proc/self/fd"))) {
      for (Path fd : (Iterable<Path>) fds::iterator) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.contains("temp_local_") || target.contains("socialkpi-copies")) {
            n++;
          }
        } catch (Exception e) {
          // fd closed meanwhile
        }
      }
    }
    return n;
  }

  /** A task whose shuffle input fails after 20,000 records, while fill() is spilling. */
  static Iterator<Integer> failingSpill(Iterator<Integer> ignored) {
    Random r = new Random(1);
    int[] i = {0};
    Iterator<Row> in =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return true;
          }

          @Override
          public Row next() {
            if (++i[0] > 20_000) {
              throw new IllegalStateException("fetch failed");
            }
            return RowFactory.create(
                r.nextLong(), r.nextLong(), (long) i[0], record("line " + i[0]));
          }
        };
    HashedCopies c = new HashedCopies(in, 64 << 10);
    c.next((p, rec, f) -> {});
    return List.of(0).iterator();
  }

  /**
   * The shuffle read fails (a fetch failure, a lost executor) while fill() is spilling: the task
   * fails, the listener deletes the files, but the 64 bucket streams are never closed.
   */
  @Test
  void aTaskFailingWhileSpillingLeavesNoOpenBucketFiles() throws Exception {
    SparkSession spark = SparkTestSession.get();
    long before = openDeletedTempBlocks();
    List<Integer> one = List.of(1);
    assertThatThrownBy(
            () ->
                JavaSparkContext.fromSparkContext(spark.sparkContext())
                    .parallelize(one, 1)
                    .mapPartitions(HashedCopiesAttackTest::failingSpill)
                    .collect())
        .hasMessageContaining("fetch failed");
    long after = openDeletedTempBlocks();
    assertThat(after - before).as("bucket files still open after the task failed").isZero();
  }
}

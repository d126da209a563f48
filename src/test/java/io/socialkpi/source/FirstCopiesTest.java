package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The first copy of each text among a partition's records, whatever their order: copies are found
 * through the fingerprint but confirmed by text, so two texts sharing a fingerprint stay apart, and
 * a text seen a hundred thousand times costs one comparison per copy.
 */
class FirstCopiesTest {
  /** A quarantined record holding only {@code raw}: what the duplicate check compares. */
  static byte[] record(String raw) {
    return new LineRecord.Writer()
        .reset()
        .putByte(LineRecord.REJECTED)
        .putLong(0)
        .putLong(0)
        .putString(raw)
        .toBytes();
  }

  private static void add(FirstCopies c, long hi, long lo, long pos, String raw) {
    c.add(hi, lo, pos, record(raw), LineRecord.RAW_AT);
  }

  @Test
  void theLowestPositionOfEachTextIsItsFirstCopyInAnyOrder() {
    FirstCopies c = new FirstCopies();
    add(c, 7, 1, 50, "a");
    add(c, 9, 2, 10, "b");
    add(c, 7, 1, 20, "a");
    add(c, 7, 1, 90, "a");
    // Same fingerprint, another text: a collision, never a copy.
    add(c, 7, 1, 5, "z");
    assertThat(c.firstCopy(0)).isEqualTo(20);
    assertThat(c.firstCopy(1)).isEqualTo(10);
    assertThat(c.firstCopy(2)).isEqualTo(20);
    assertThat(c.firstCopy(3)).isEqualTo(20);
    assertThat(c.firstCopy(4)).isEqualTo(5);
  }

  @Test
  void manyCopiesOfOneTextAndManyDistinctTextsAreLinearWork() {
    FirstCopies c = new FirstCopies();
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      add(c, 42, 42, n - i, "same line");
    }
    for (int i = 0; i < n; i++) {
      add(c, i * 0x9E3779B97F4A7C15L, i, 1_000_000L + i, "line " + i);
    }
    long t0 = System.nanoTime();
    assertThat(c.firstCopy(0)).isEqualTo(1);
    assertThat(c.firstCopy(n - 1)).isEqualTo(1);
    assertThat(c.firstCopy(n + 5)).isEqualTo(1_000_005L);
    // Quadratic work over 200,000 copies would take minutes; linear takes milliseconds.
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10);
  }

  @Test
  void anEmptyPartitionHasNoRecords() {
    assertThat(new FirstCopies().size()).isZero();
  }
}

package io.socialkpi.source;

import org.apache.spark.sql.catalyst.expressions.XXH64;
import org.apache.spark.unsafe.Platform;

/**
 * A 128-bit fingerprint of a line's text (its UTF-8 bytes), which places copies of a line next to
 * each other in the duplicate check: two xxHash64 digests with different seeds, Spark's own
 * implementation, which reads eight bytes at a time. Copies are still confirmed by comparing text,
 * so the fingerprint only has to spread lines evenly.
 */
final class Fingerprint {
  private static final long SEED_HI = 0x9E3779B97F4A7C15L;
  private static final long SEED_LO = 0xC2B2AE3D27D4EB4FL;

  private Fingerprint() {}

  /** Writes the fingerprint of {@code bytes[from, from + length)} into {@code out[0..1]}. */
  static void of(byte[] bytes, int from, int length, long[] out) {
    long offset = Platform.BYTE_ARRAY_OFFSET + (long) from;
    out[0] = XXH64.hashUnsafeBytes(bytes, offset, length, SEED_HI);
    out[1] = XXH64.hashUnsafeBytes(bytes, offset, length, SEED_LO);
  }
}

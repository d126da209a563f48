package io.socialkpi.source;

/**
 * A 128-bit fingerprint of a line's text, which places copies of a line next to each other in the
 * duplicate check. Two 64-bit multiply-xorshift hashes over the characters; copies are still
 * confirmed by comparing text, so the fingerprint only has to spread lines evenly.
 */
final class Fingerprint {
  private Fingerprint() {}

  /** Writes the fingerprint of {@code text} (null counts as empty) into {@code out[0..1]}. */
  static void of(String text, long[] out) {
    long h1 = 0x9E3779B97F4A7C15L;
    long h2 = 0xC2B2AE3D27D4EB4FL;
    int n = text == null ? 0 : text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      h1 = (h1 ^ c) * 0x100000001B3L;
      h2 = Long.rotateLeft(h2 + c * 0xFF51AFD7ED558CCDL, 31) * 0xC4CEB9FE1A85EC53L;
    }
    out[0] = mix(h1 ^ n);
    out[1] = mix(h2 + n);
  }

  /** MurmurHash3's 64-bit finalizer: every input bit affects every output bit. */
  private static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xFF51AFD7ED558CCDL;
    k ^= k >>> 33;
    k *= 0xC4CEB9FE1A85EC53L;
    k ^= k >>> 33;
    return k;
  }
}

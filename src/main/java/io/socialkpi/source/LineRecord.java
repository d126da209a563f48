package io.socialkpi.source;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A text line's outcome in a few bytes, as the scan hands it from the read to the duplicate check:
 * where it came from, its raw text, and either its observation (entity, instant, local day, window,
 * metric values) or why it is quarantined. One fixed Spark schema carries every source's records,
 * so no code is generated per source.
 */
final class LineRecord {
  /**
   * A metric value whose cell was empty (or a missing marker): a NaN with its own bits, told apart
   * from the plain NaN of a row that does not count for the metric (its where-conditions fail).
   */
  static final double MISSING = Double.longBitsToDouble(0x7ff8_0000_0000_0badL);

  static boolean isMissing(double v) {
    return Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(MISSING);
  }

  static final byte ACCEPTED = 0;
  static final byte REJECTED = 1;

  /** A row that matches the source's skip-rows (a totals row): not data, not counted. */
  static final byte SKIPPED = 2;

  /** Where a record's raw text starts: after its kind, split start, line index and the length. */
  static final int RAW_AT = 1 + 8 + 8 + 4;

  /** The reasons by their byte ({@link Writer#putReason}), without a copy per record. */
  private static final QuarantineReason[] REASONS = QuarantineReason.values();

  private LineRecord() {}

  /** Builds records in one reused buffer. */
  static final class Writer {
    private byte[] buf = new byte[256];
    private int len;

    Writer reset() {
      len = 0;
      return this;
    }

    private void room(int n) {
      if (len + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
      }
    }

    Writer putByte(int v) {
      room(1);
      buf[len++] = (byte) v;
      return this;
    }

    Writer putInt(int v) {
      room(4);
      for (int s = 24; s >= 0; s -= 8) {
        buf[len++] = (byte) (v >>> s);
      }
      return this;
    }

    Writer putLong(long v) {
      room(8);
      for (int s = 56; s >= 0; s -= 8) {
        buf[len++] = (byte) (v >>> s);
      }
      return this;
    }

    /**
     * A quarantine reason as one byte, its ordinal: a record lives only between the two halves of
     * one scan, written and read by the same build, so the constants' order cannot change under it
     * (nothing stores the byte; the quarantine table holds {@link QuarantineReason#code}).
     */
    @SuppressWarnings("EnumOrdinal") // see above: transient, same build on both ends
    Writer putReason(QuarantineReason reason) {
      return putByte(reason.ordinal());
    }

    Writer putDouble(double v) {
      return putLong(Double.doubleToRawLongBits(v));
    }

    /** A string as its UTF-8 bytes after their length; null as length -1. */
    Writer putString(String s) {
      if (s == null) {
        return putInt(-1);
      }
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      putInt(b.length);
      room(b.length);
      System.arraycopy(b, 0, buf, len, b.length);
      len += b.length;
      return this;
    }

    /**
     * The fingerprint of the record's raw text, which every record holds as its first string (after
     * its kind, split start and line index).
     */
    void rawFingerprint(long[] out) {
      int length = 0;
      for (int i = RAW_AT - 4; i < RAW_AT; i++) {
        length = (length << 8) | (buf[i] & 0xFF);
      }
      Fingerprint.of(buf, RAW_AT, Math.max(length, 0), out);
    }

    byte[] toBytes() {
      return Arrays.copyOf(buf, len);
    }
  }

  /** Reads a record's fields in the order they were written. */
  static final class Reader {
    private final byte[] buf;
    private int at;

    Reader(byte[] buf) {
      this.buf = buf;
    }

    int getByte() {
      return buf[at++];
    }

    /** A reason written by {@link Writer#putReason}. */
    QuarantineReason getReason() {
      return REASONS[getByte()];
    }

    int getInt() {
      int v = 0;
      for (int i = 0; i < 4; i++) {
        v = (v << 8) | (buf[at++] & 0xFF);
      }
      return v;
    }

    long getLong() {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (buf[at++] & 0xFF);
      }
      return v;
    }

    double getDouble() {
      return Double.longBitsToDouble(getLong());
    }

    String getString() {
      int n = getInt();
      if (n < 0) {
        return null;
      }
      String s = new String(buf, at, n, StandardCharsets.UTF_8);
      at += n;
      return s;
    }

    /** Skips {@code n} bytes (fixed-width fields: {@code 8 * metrics} for the values). */
    void skip(int n) {
      at += n;
    }

    /** Skips a string, returning where its bytes start; its length is then at {@code start-4}. */
    int skipString() {
      int n = getInt();
      int start = at;
      at += Math.max(n, 0);
      return start;
    }

    /** The string whose bytes start at {@code start} (as {@link #skipString} returned it). */
    String stringAt(int start) {
      int n = lengthAt(buf, start);
      return n < 0 ? null : new String(buf, start, n, StandardCharsets.UTF_8);
    }
  }

  /** Whether the strings written at {@code a} in {@code x} and at {@code b} in {@code y} match. */
  static boolean sameString(byte[] x, int a, byte[] y, int b) {
    int n = lengthAt(x, a);
    return n == lengthAt(y, b) && Arrays.equals(x, a, a + Math.max(n, 0), y, b, b + Math.max(n, 0));
  }

  private static int lengthAt(byte[] x, int start) {
    int v = 0;
    for (int i = start - 4; i < start; i++) {
      v = (v << 8) | (x[i] & 0xFF);
    }
    return v;
  }
}

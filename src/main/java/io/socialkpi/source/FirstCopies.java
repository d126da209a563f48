package io.socialkpi.source;

import java.util.Arrays;

/**
 * A partition's records and, for each, the position of the first copy of its text: a hash table
 * over the records' 128-bit fingerprints, each slot chaining the records that share one, with
 * copies confirmed by comparing text (two texts with one fingerprint stay apart). One pass to fill,
 * one to answer, in primitive arrays: no sort of the partition.
 */
final class FirstCopies {
  private long[] hi = new long[1024];
  private long[] lo = new long[1024];
  private long[] position = new long[1024];
  private byte[][] records = new byte[1024][];
  private int[] rawAt = new int[1024];
  private int size;
  private long[] first;

  void add(long fpHi, long fpLo, long pos, byte[] record, int raw) {
    if (size == hi.length) {
      int grown = size * 2;
      hi = Arrays.copyOf(hi, grown);
      lo = Arrays.copyOf(lo, grown);
      position = Arrays.copyOf(position, grown);
      records = Arrays.copyOf(records, grown);
      rawAt = Arrays.copyOf(rawAt, grown);
    }
    hi[size] = fpHi;
    lo[size] = fpLo;
    position[size] = pos;
    records[size] = record;
    rawAt[size] = raw;
    size++;
  }

  int size() {
    return size;
  }

  long hi(int i) {
    return hi[i];
  }

  long lo(int i) {
    return lo[i];
  }

  long position(int i) {
    return position[i];
  }

  byte[] record(int i) {
    return records[i];
  }

  /** Frees record {@code i} once it has been used. */
  void release(int i) {
    records[i] = null;
  }

  /** The position of the first copy of record {@code i}'s text (its own if it is the first). */
  long firstCopy(int i) {
    if (first == null) {
      link();
    }
    return first[i];
  }

  /** Chains records by fingerprint, then takes the lowest position among equal texts. */
  private void link() {
    first = new long[size];
    int capacity = Integer.highestOneBit(Math.max(16, size) * 2 - 1) << 1;
    int mask = capacity - 1;
    int[] head = new int[capacity];
    Arrays.fill(head, -1);
    int[] next = new int[size];
    for (int i = 0; i < size; i++) {
      int s = (int) (hi[i] ^ (hi[i] >>> 32)) & mask;
      while (head[s] >= 0 && (hi[head[s]] != hi[i] || lo[head[s]] != lo[i])) {
        s = (s + 1) & mask;
      }
      next[i] = head[s];
      head[s] = i;
      first[i] = position[i];
    }
    // Within a chain, one representative per distinct text: usually the chain is one text
    // repeated, so each record is compared with one representative, however many copies.
    int[] group = new int[size];
    java.util.List<Integer> reps = new java.util.ArrayList<>();
    java.util.List<Long> mins = new java.util.ArrayList<>();
    for (int s = 0; s < capacity; s++) {
      int h = head[s];
      if (h < 0 || next[h] < 0) {
        continue; // no record, or no other record with this fingerprint
      }
      reps.clear();
      mins.clear();
      for (int a = h; a >= 0; a = next[a]) {
        int g = 0;
        while (g < reps.size()
            && !LineRecord.sameString(
                records[reps.get(g)], rawAt[reps.get(g)], records[a], rawAt[a])) {
          g++;
        }
        if (g == reps.size()) {
          reps.add(a);
          mins.add(position[a]);
        } else {
          mins.set(g, Math.min(mins.get(g), position[a]));
        }
        group[a] = g;
      }
      for (int a = h; a >= 0; a = next[a]) {
        first[a] = mins.get(group[a]);
      }
    }
  }
}

package io.socialkpi.source;

import java.io.Serializable;

/**
 * How many lines one input split of a text file holds, counted while it is read, so that a row's
 * line number can be given exactly even when a large file is read in several parallel splits; and
 * whether the split ended where the next one cannot start on its own (inside a quoted field, or
 * before the file's header when comment lines fill the first split): the source is then read again
 * with one split per file.
 */
public record SplitLines(String file, long start, long lines, boolean endsOpen)
    implements Serializable {

  public SplitLines(String file, long start, long lines) {
    this(file, start, lines, false);
  }
}

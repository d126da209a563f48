package io.socialkpi.source;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import scala.Tuple2;

/**
 * The lines of a UTF-16 file, as Hadoop's line reader gives those of a UTF-8 one: each line's byte
 * offset and bytes, without its line break (LF, CR or CR LF, here the 16-bit units U+000A and
 * U+000D, which no other character contains). The bytes are kept as they are, in UTF-16: the parser
 * decodes each line in the file's character set, so an unpaired surrogate, or an odd byte at the
 * end of the file, quarantines its own line as {@code bad_encoding} and no other. Streams the file;
 * the caller closes it.
 */
final class Utf16Lines implements Iterator<Tuple2<LongWritable, Text>>, Closeable {
  private final InputStream in;
  private final boolean bigEndian;

  /** {@link #unit} at the end of the file. */
  private static final int END = -1;

  /** {@link #unit} for an odd last byte, kept in {@link #oddByte}. */
  private static final int ODD = -2;

  /** No unit read ahead. */
  private static final int NONE = -3;

  /** Bytes read so far. */
  private long offset;

  /** Where the next line starts. */
  private long lineStart;

  private byte[] line = new byte[256];
  private int length;

  /** A unit read after a CR to see whether it is CR LF, or {@link #NONE}. */
  private int ahead = NONE;

  private int oddByte;
  private Tuple2<LongWritable, Text> nextLine;
  private boolean ended;

  /**
   * @param charset UTF-16LE or UTF-16BE
   */
  Utf16Lines(InputStream in, String charset) {
    this.in = new BufferedInputStream(in, 1 << 16);
    this.bigEndian = charset.equals("UTF-16BE");
  }

  @Override
  public boolean hasNext() {
    if (nextLine == null && !ended) {
      try {
        nextLine = readLine();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      ended = nextLine == null;
    }
    return nextLine != null;
  }

  @Override
  public Tuple2<LongWritable, Text> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Tuple2<LongWritable, Text> out = nextLine;
    nextLine = null;
    return out;
  }

  /** The next line, or null at the end of the file (a last line break starts no line). */
  private Tuple2<LongWritable, Text> readLine() throws IOException {
    long start = lineStart;
    length = 0;
    int u = unit();
    if (u == END) {
      return null;
    }
    while (true) {
      if (u == END) {
        return line(start);
      }
      if (u == ODD) {
        append(oddByte); // not valid UTF-16: its line is quarantined as bad_encoding
        return line(start);
      }
      if (u == '\n') {
        lineStart = offset;
        return line(start);
      }
      if (u == '\r') {
        int after = unit();
        if (after == '\n') {
          lineStart = offset;
        } else {
          ahead = after; // the next line's first unit
          lineStart = offset - (after == END ? 0 : after == ODD ? 1 : 2);
        }
        return line(start);
      }
      append(bigEndian ? u >> 8 : u & 0xff);
      append(bigEndian ? u & 0xff : u >> 8);
      u = unit();
    }
  }

  /** The next 16-bit unit, {@link #END} or {@link #ODD}. */
  private int unit() throws IOException {
    if (ahead != NONE) {
      int u = ahead;
      ahead = NONE;
      return u;
    }
    int b1 = in.read();
    if (b1 < 0) {
      return END;
    }
    int b2 = in.read();
    if (b2 < 0) {
      offset += 1;
      oddByte = b1;
      return ODD;
    }
    offset += 2;
    return bigEndian ? (b1 << 8) | b2 : (b2 << 8) | b1;
  }

  private void append(int b) {
    if (length == line.length) {
      line = Arrays.copyOf(line, line.length * 2);
    }
    line[length++] = (byte) b;
  }

  private Tuple2<LongWritable, Text> line(long start) {
    Text text = new Text();
    text.set(line, 0, length);
    return new Tuple2<>(new LongWritable(start), text);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

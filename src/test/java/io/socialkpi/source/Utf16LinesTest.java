package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * {@link Utf16Lines} splits UTF-16 text where Hadoop's line reader splits UTF-8 (LF, CR LF, a lone
 * CR; no empty line after the last break), with each line's byte offset, and keeps the bytes as
 * they are, so a broken line is decoded (and quarantined) on its own.
 */
class Utf16LinesTest {
  private static List<String> lines(byte[] bytes, String charset) throws IOException {
    List<String> out = new ArrayList<>();
    try (Utf16Lines lines = new Utf16Lines(new ByteArrayInputStream(bytes), charset)) {
      while (lines.hasNext()) {
        Tuple2<LongWritable, Text> line = lines.next();
        byte[] b = Arrays.copyOf(line._2().getBytes(), line._2().getLength());
        out.add(line._1().get() + ":" + new String(b, Charset.forName(charset)));
      }
    }
    return out;
  }

  @Test
  void splitsAtEveryKindOfLineBreakWithByteOffsets() throws IOException {
    for (Charset cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
      byte[] text = "ab\ncd\r\nef\rgh\n\n\u00e9\uD83D\uDE00".getBytes(cs);
      assertThat(lines(text, cs.name()))
          .as(cs.name())
          .containsExactly("0:ab", "6:cd", "14:ef", "20:gh", "26:", "28:\u00e9\uD83D\uDE00");
    }
  }

  @Test
  void aLastLineBreakStartsNoLineAndAnEmptyFileHasNone() throws IOException {
    assertThat(lines("a\r\n".getBytes(StandardCharsets.UTF_16LE), "UTF-16LE"))
        .containsExactly("0:a");
    assertThat(lines("a\r".getBytes(StandardCharsets.UTF_16LE), "UTF-16LE")).containsExactly("0:a");
    assertThat(lines(new byte[0], "UTF-16LE")).isEmpty();
  }

  @Test
  void aByteOrderMarkStaysOnTheFirstLineForTheReaderToStrip() throws IOException {
    byte[] text = "\uFEFFa\nb".getBytes(StandardCharsets.UTF_16LE);
    assertThat(lines(text, "UTF-16LE")).containsExactly("0:\uFEFFa", "6:b");
  }

  /** An odd last byte is kept on its line, which then cannot be decoded: never dropped. */
  @Test
  void anOddLastByteIsKeptOnItsOwnLine() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes("a\r".getBytes(StandardCharsets.UTF_16LE));
    b.write('x');
    List<Tuple2<Long, Integer>> shape = new ArrayList<>();
    try (Utf16Lines lines = new Utf16Lines(new ByteArrayInputStream(b.toByteArray()), "UTF-16LE")) {
      while (lines.hasNext()) {
        Tuple2<LongWritable, Text> line = lines.next();
        shape.add(new Tuple2<>(line._1().get(), line._2().getLength()));
      }
    }
    assertThat(shape).containsExactly(new Tuple2<>(0L, 2), new Tuple2<>(4L, 1));
  }
}

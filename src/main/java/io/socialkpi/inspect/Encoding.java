package io.socialkpi.inspect;

import io.socialkpi.source.FileEncoding;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A file's character set as far as its first bytes tell: UTF-8 (with or without a byte-order mark),
 * UTF-16 (by its byte-order mark or by NUL bytes between its letters, as the reader finds it), or,
 * for bytes that are not UTF-8, Windows-1252 (Excel's re-save in Western Europe and the Americas)
 * or ISO-8859-1 where Windows-1252 leaves a byte undefined.
 *
 * @param charset what the sample is decoded with
 * @param setting the value for {@code csv.encoding}, or null for UTF-8 (the default)
 * @param description one line for the summary, saying how it was found
 * @param utf16 the file is UTF-16 text, which the reader reads whole (not in parallel splits)
 */
record Encoding(Charset charset, String setting, String description, boolean utf16) {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  static Encoding sniff(byte[] head, boolean whole) {
    // The bytes the reader looks at for the same check (Headers.ENCODING_SAMPLE).
    String utf16 = FileEncoding.utf16(java.util.Arrays.copyOf(head, Math.min(head.length, 512)));
    if (utf16 != null) {
      Charset cs =
          utf16.startsWith("little") ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
      // The reader takes a byte-order mark's set per file; without one, csv.encoding names it.
      String setting = utf16.contains("with a byte-order mark") ? null : cs.name();
      return new Encoding(cs, setting, "UTF-16, " + utf16, true);
    }
    boolean bom = utf8Bom(head);
    int end = whole ? head.length : lastLineBreak(head);
    int bad = firstBadByte(head, end, StandardCharsets.UTF_8);
    if (bad < 0) {
      return new Encoding(
          StandardCharsets.UTF_8, null, bom ? "UTF-8 with a byte-order mark" : "UTF-8", false);
    }
    String where =
        String.format(
            Locale.ROOT, "byte 0x%02X on line %d is not UTF-8", head[bad] & 0xff, line(head, bad));
    if (firstBadByte(head, end, WINDOWS_1252) < 0) {
      return new Encoding(
          WINDOWS_1252, "windows-1252", "windows-1252 (" + where + "; Excel re-saves so)", false);
    }
    return new Encoding(
        StandardCharsets.ISO_8859_1,
        "ISO-8859-1",
        "ISO-8859-1 (" + where + ", and windows-1252 leaves a byte undefined)",
        false);
  }

  /**
   * The sample's text: without a byte-order mark, and, when the file goes on, without its last
   * line, which the sample's end may have cut.
   */
  String decode(byte[] head, boolean whole) {
    int skip = 0;
    int b0 = head.length >= 2 ? head[0] & 0xff : 0;
    int b1 = head.length >= 2 ? head[1] & 0xff : 0;
    if (utf16 && ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF))) {
      skip = 2;
    } else if (utf8Bom(head)) {
      skip = 3;
    }
    int length = head.length - skip;
    if (utf16) {
      length -= length % 2; // a cut code unit
    }
    String text = new String(head, skip, length, charset);
    if (!whole) {
      int cut = text.lastIndexOf('\n');
      text = cut < 0 ? text : text.substring(0, cut + 1);
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static boolean utf8Bom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
  }

  /** The length up to and with the last newline byte; a multi-byte character never holds one. */
  private static int lastLineBreak(byte[] b) {
    for (int i = b.length - 1; i >= 0; i--) {
      if (b[i] == '\n') {
        return i + 1;
      }
    }
    return b.length;
  }

  /** The index of the first byte {@code cs} cannot decode in {@code b[0, end)}, or -1. */
  private static int firstBadByte(byte[] b, int end, Charset cs) {
    CharsetDecoder decoder =
        cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b, 0, end);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      CoderResult r = decoder.decode(in, out, true);
      if (r.isError()) {
        return in.position();
      }
      if (r.isUnderflow()) {
        return -1;
      }
      out.clear();
    }
  }

  private static int line(byte[] b, int at) {
    int line = 1;
    for (int i = 0; i < at; i++) {
      if (b[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}

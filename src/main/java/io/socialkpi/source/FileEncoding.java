package io.socialkpi.source;

import io.socialkpi.config.SourceFormat;
import io.socialkpi.config.SourceSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import org.apache.hadoop.conf.Configuration;

/**
 * The character set one text file is read in. A byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE:
 * Meta Business Suite's and Meltwater's UTF-16 exports sit next to UTF-8 ones in one source);
 * without one, csv.encoding does, and {@code UTF-16} there takes the byte order from the file's
 * start. A file that looks UTF-16 but would be read in an ASCII-based set is an error naming it, as
 * its columns would be named in mojibake. JSON lines are UTF-8 (RFC 8259).
 */
public final class FileEncoding {
  /** Bytes looked at for a byte-order mark and for UTF-16 text without one. */
  static final int SAMPLE = 512;

  private FileEncoding() {}

  /** The file's character set, as its canonical Java name. */
  static String of(SourceSpec source, String file, Configuration hadoop) throws IOException {
    byte[] head;
    try (InputStream in = Headers.stream(file, hadoop)) {
      head = in.readNBytes(SAMPLE);
    }
    boolean json = source.format() == SourceFormat.JSON;
    return of(file, head, json ? "UTF-8" : source.csv().encoding(), json);
  }

  static String of(String file, byte[] head, String configured, boolean json) throws IOException {
    String bom = byteOrderMark(head);
    if (bom != null && !(json && bom.startsWith("UTF-16"))) {
      return bom;
    }
    String name = Charset.forName(configured).name();
    if (name.equals("UTF-16")) {
      // RFC 2781: text without a byte-order mark is big-endian, unless its start says otherwise.
      return "little-endian, no byte-order mark".equals(utf16(head)) ? "UTF-16LE" : "UTF-16BE";
    }
    if (name.startsWith("UTF-16")) {
      return name;
    }
    String kind = utf16(head);
    if (kind != null) {
      String hint =
          json
              ? "JSON lines are read as UTF-8: convert it (iconv -f UTF-16 -t UTF-8)"
              : "set csv.encoding = \""
                  + (kind.startsWith("little") ? "UTF-16LE" : "UTF-16BE")
                  + "\" (it is \""
                  + name
                  + "\")";
      throw new IOException(file + " is UTF-16 text (" + kind + "); " + hint);
    }
    return name;
  }

  /**
   * The set of a file the layout gives none of its own: csv.encoding; JSON lines and the records
   * made of a workbook's rows are UTF-8.
   */
  static String fallback(SourceSpec source) {
    return source.format() == SourceFormat.CSV
        ? Charset.forName(source.csv().encoding()).name()
        : "UTF-8";
  }

  /** Whether a file in {@code charset} is read whole: its lines do not end in a newline byte. */
  static boolean utf16(String charset) {
    return charset.startsWith("UTF-16");
  }

  /** The set a byte-order mark names, or null. */
  private static String byteOrderMark(byte[] head) {
    if (head.length >= 3
        && (head[0] & 0xff) == 0xEF
        && (head[1] & 0xff) == 0xBB
        && (head[2] & 0xff) == 0xBF) {
      return "UTF-8";
    }
    if (head.length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
      return "UTF-16LE";
    }
    if (head.length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
      return "UTF-16BE";
    }
    return null;
  }

  /** "little-endian, with a byte-order mark" and the like, or null for text that is not UTF-16. */
  public static String utf16(byte[] head) {
    if (head.length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
      return "little-endian, with a byte-order mark";
    }
    if (head.length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
      return "big-endian, with a byte-order mark";
    }
    int pairs = head.length / 2;
    if (pairs < 2) {
      return null;
    }
    int evenNul = 0;
    int oddNul = 0;
    for (int i = 0; i + 1 < head.length; i += 2) {
      evenNul += head[i] == 0 ? 1 : 0;
      oddNul += head[i + 1] == 0 ? 1 : 0;
    }
    // ASCII letters in UTF-16: one byte of each pair is NUL, the other almost never.
    if (evenNul * 10 >= pairs * 9 && oddNul * 10 < pairs) {
      return "big-endian, no byte-order mark";
    }
    if (oddNul * 10 >= pairs * 9 && evenNul * 10 < pairs) {
      return "little-endian, no byte-order mark";
    }
    return null;
  }
}

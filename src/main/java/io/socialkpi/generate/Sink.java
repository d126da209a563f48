package io.socialkpi.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One generated file, written line by line through a buffer so that no row is kept once written. It
 * counts rows, numbers lines, and records every deliberately broken row with its reason.
 */
final class Sink implements AutoCloseable {
  private final String file;
  private final OutputStream out;
  private final StringBuilder line = new StringBuilder(160);
  private final List<MalformedRow> malformed = new ArrayList<>();
  private byte[] bytes = new byte[256];
  private long lines;
  private long rows;
  private boolean keepNext;
  private String kept;

  /** Opens {@code file} under {@code outDir}; a null header means no header line (JSON lines). */
  Sink(Path outDir, String file, String header) throws IOException {
    this.file = file;
    Path path = outDir.resolve(file);
    Files.createDirectories(path.getParent());
    this.out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
    if (header != null) {
      out.write((header + "\n").getBytes(StandardCharsets.UTF_8));
      lines++;
    }
  }

  /** The line being built, emptied; finish it with {@link #row()} or {@link #broken}. */
  StringBuilder line() {
    line.setLength(0);
    return line;
  }

  /** Writes the built line as a good row. */
  void row() throws IOException {
    if (keepNext) {
      kept = line.toString();
      keepNext = false;
    }
    emit();
  }

  /** Writes the built line as a row that is broken on purpose. */
  void broken(Fault fault, String detail) throws IOException {
    malformed.add(new MalformedRow(file, lines + 1, fault.reason, detail, line.toString()));
    emit();
  }

  /** The next good row is remembered, to be written again by {@link #duplicateKept()}. */
  void keepNextRow() {
    keepNext = true;
  }

  /** Writes the remembered row a second time, if one was remembered. */
  void duplicateKept() throws IOException {
    if (kept != null) {
      line().append(kept);
      broken(Fault.DUPLICATE, "the same line as an earlier row");
      kept = null;
    }
  }

  private void emit() throws IOException {
    if (!asciiToBytes()) {
      out.write(line.toString().getBytes(StandardCharsets.UTF_8));
      out.write('\n');
    }
    lines++;
    rows++;
  }

  /**
   * Writes the line as ASCII bytes if it is ASCII, which every generated line is: a Writer would
   * widen each row to chars and encode it back, the largest single cost of a row.
   */
  private boolean asciiToBytes() throws IOException {
    int n = line.length();
    if (bytes.length < n + 1) {
      bytes = new byte[2 * n + 1];
    }
    for (int i = 0; i < n; i++) {
      char c = line.charAt(i);
      if (c > 127) {
        return false;
      }
      bytes[i] = (byte) c;
    }
    bytes[n] = '\n';
    out.write(bytes, 0, n + 1);
    return true;
  }

  FileReport report() {
    return new FileReport(file, rows, malformed);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}

package io.socialkpi.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One generated file: writes lines, counts them, and slips in the deliberately broken rows of the
 * sample (each counted, so the expected quarantine is known).
 */
final class Sink implements AutoCloseable {
  private final Path path;
  private final BufferedWriter out;
  private final boolean malformed;
  private long rows;
  private long broken;
  private String previous;
  private String kept;

  Sink(Path path, String header, boolean malformed) throws IOException {
    Files.createDirectories(path.getParent());
    this.path = path;
    this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    this.malformed = malformed;
    if (header != null) {
      out.write(header);
      out.write('\n');
    }
  }

  void row(String line) throws IOException {
    out.write(line);
    out.write('\n');
    rows++;
    if (rows == 7) {
      kept = line;
    }
    previous = line;
  }

  /** Writes a broken row (if broken rows are on); it is meant to end up in quarantine. */
  void broken(String line) throws IOException {
    if (malformed) {
      row(line);
      broken++;
    }
  }

  /** A second copy of an earlier row: quarantined as a duplicate. */
  void duplicateOfEarlierRow() throws IOException {
    if (malformed && kept != null) {
      row(kept);
      broken++;
    }
  }

  String previous() {
    return previous;
  }

  long rows() {
    return rows;
  }

  long broken() {
    return broken;
  }

  Path path() {
    return path;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}

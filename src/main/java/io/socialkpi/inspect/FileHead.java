package io.socialkpi.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The first bytes of a file, which is all inspect reads: a new export's layout shows in its first
 * lines, and a 2 GB export must not take longer to inspect than a small one. A gzip file ({@code
 * .gz}, which the reader also opens by its extension) is read uncompressed.
 *
 * <p>A class, not a record: it holds an array, which a record would compare by reference.
 */
final class FileHead {
  private final Path file;
  private final byte[] bytes;
  private final boolean whole;

  private FileHead(Path file, byte[] bytes, boolean whole) {
    this.file = file;
    this.bytes = bytes;
    this.whole = whole;
  }

  Path file() {
    return file;
  }

  /** At most the limit's bytes from the start of the (uncompressed) file. */
  byte[] bytes() {
    return bytes;
  }

  /** Whether the file ends within {@link #bytes()}. */
  boolean whole() {
    return whole;
  }

  /** Enough for 2,000 rows of Facebook's 644-column page export. */
  static final int MAX_BYTES = 4 << 20;

  /**
   * Reads the start of {@code file}; throws {@link InspectException} naming it when it is missing,
   * a folder, unreadable or empty.
   */
  static FileHead read(Path file, int maxBytes) {
    if (Files.isDirectory(file)) {
      throw new InspectException(file + " is a folder: inspect one of its files");
    }
    if (!Files.exists(file)) {
      throw new InspectException(file + ": no such file");
    }
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = gzip(file) ? new GZIPInputStream(raw) : raw) {
      byte[] bytes = in.readNBytes(maxBytes);
      boolean whole = bytes.length < maxBytes || in.read() < 0;
      if (bytes.length == 0) {
        throw new InspectException(
            file
                + " is empty (0 bytes): a CSV export has at least its header line, so the export"
                + " failed or was cut; export it again");
      }
      return new FileHead(file, bytes, whole);
    } catch (NoSuchFileException e) {
      throw new InspectException(file + ": no such file");
    } catch (AccessDeniedException e) {
      throw new InspectException(file + " cannot be read: permission denied");
    } catch (IOException e) {
      throw new InspectException(file + " cannot be read: " + e.getMessage());
    }
  }

  private static boolean gzip(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
  }
}

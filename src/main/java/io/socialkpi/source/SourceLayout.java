package io.socialkpi.source;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What {@link InputCheck} found for a source on disk: its files and, for text formats, the header
 * the reader maps columns by.
 *
 * @param files fully qualified paths of every file the source's path matched, sorted
 * @param header column names in file order (CSV: the header, or {@code _c0, _c1, ...} without one)
 * @param duplicates files whose bytes are those of an earlier file (in sorted order), each mapped
 *     to that earlier file: every row of them is quarantined as {@code duplicate_file}
 * @param bytes the size of all the files together
 * @param otherHeaders CSV files whose header is not {@code header} (another order, other columns:
 *     consecutive Facebook exports differ), each mapped to its own; columns are read by name
 * @param encodings text files whose character set is not the source's (a byte-order mark said
 *     otherwise, or csv.encoding = UTF-16 left the byte order to the file), each mapped to its own
 * @param linesBeforeHeader with csv.skip-lines = auto, each file's lines before its header line
 */
public record SourceLayout(
    String source,
    List<String> files,
    List<String> header,
    Map<String, String> duplicates,
    long bytes,
    Map<String, List<String>> otherHeaders,
    Map<String, String> encodings,
    Map<String, Integer> linesBeforeHeader)
    implements Serializable {

  /**
   * A layout whose files all have {@code header}, in the source's character set, after
   * csv.skip-lines lines.
   */
  public SourceLayout(
      String source,
      List<String> files,
      List<String> header,
      Map<String, String> duplicates,
      long bytes) {
    this(source, files, header, duplicates, bytes, Map.of(), Map.of(), Map.of());
  }

  /** A layout without duplicated files, of unknown size. */
  public SourceLayout(String source, List<String> files, List<String> header) {
    this(source, files, header, Map.of(), 0L);
  }

  /**
   * The files as paths Hadoop and Spark take literally: their glob characters ({@code [ ] { } * ?
   * \}, all legal in a file name) escaped, since both expand every input path as a glob.
   */
  public List<String> literalFiles() {
    return files.stream().map(SourceLayout::literal).toList();
  }

  /** One file's path as Hadoop and Spark take it literally (see {@link #literalFiles}). */
  public static String literal(String file) {
    StringBuilder s = new StringBuilder(file.length());
    for (int i = 0; i < file.length(); i++) {
      char c = file.charAt(i);
      if ("[]{}*?\\".indexOf(c) >= 0) {
        s.append('\\');
      }
      s.append(c);
    }
    return s.toString();
  }

  /** The character set {@code file} (as listed) is read in. */
  public String charset(io.socialkpi.config.SourceSpec spec, String file) {
    String own = encodings.get(file);
    return own != null ? own : FileEncoding.fallback(spec);
  }

  /**
   * Lines before {@code file}'s header (as Hadoop names it): csv.skip-lines, or the count found for
   * the file with csv.skip-lines = auto.
   */
  public int linesBeforeHeader(io.socialkpi.config.SourceSpec spec, String file) {
    Integer found = linesBeforeHeader.get(file);
    if (found != null) {
      return found;
    }
    return spec.csv().autoSkip() ? 0 : spec.csv().skipLines();
  }

  /** Position of {@code column} in the header. */
  public int indexOf(String column) {
    return header.indexOf(column);
  }
}

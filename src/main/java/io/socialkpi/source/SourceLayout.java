package io.socialkpi.source;

import java.io.Serializable;
import java.util.List;

/**
 * What {@link InputCheck} found for a source on disk: its files and, for text formats, the header
 * the reader maps columns by.
 *
 * @param files fully qualified paths of every file the source's path matched, sorted
 * @param header column names in file order (CSV: the header, or {@code _c0, _c1, ...} without one)
 */
public record SourceLayout(String source, List<String> files, List<String> header)
    implements Serializable {

  /** Position of {@code column} in the header. */
  public int indexOf(String column) {
    return header.indexOf(column);
  }
}

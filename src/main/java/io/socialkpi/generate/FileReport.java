package io.socialkpi.generate;

import java.util.List;

/**
 * One generated file: its path relative to the output folder, its data rows (every line after the
 * header, the deliberately broken ones included) and the broken rows among them.
 */
public record FileReport(String file, long rows, List<MalformedRow> malformed) {

  public FileReport {
    malformed = List.copyOf(malformed);
  }

  /** How many of {@link #rows} are broken on purpose and should end up in quarantine. */
  public long brokenRows() {
    return malformed.size();
  }
}

package io.socialkpi.generate;

import java.util.List;

/**
 * What {@link SyntheticCompany#generate} wrote: every file with its rows, and the injected truth.
 */
public record GenerationReport(List<FileReport> files, Truth truth, double seconds) {

  public long rows() {
    return files.stream().mapToLong(FileReport::rows).sum();
  }

  public long brokenRows() {
    return files.stream().mapToLong(FileReport::brokenRows).sum();
  }
}

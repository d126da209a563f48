package io.socialkpi.generate;

import java.util.List;

/**
 * What {@link SyntheticCompany#generate} wrote: every file with its rows and deliberately broken
 * rows, the injected truth, and how long it took (the only value that is not reproducible).
 */
public record GenerationReport(List<FileReport> files, Truth truth, double seconds) {

  public GenerationReport {
    files = List.copyOf(files);
  }

  public long rows() {
    return files.stream().mapToLong(FileReport::rows).sum();
  }

  public long brokenRows() {
    return files.stream().mapToLong(FileReport::brokenRows).sum();
  }

  /** Every broken row of every file, in file order. */
  public List<MalformedRow> malformed() {
    return files.stream().flatMap(f -> f.malformed().stream()).toList();
  }

  /** The report of one file, e.g. {@code business/orders.csv}. */
  public FileReport file(String name) {
    return files.stream()
        .filter(f -> f.file().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no generated file " + name));
  }
}

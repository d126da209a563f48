package io.socialkpi.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The runs an output holds, as their {@link RunManifest}s say: the only way readers of past runs
 * (the report, the {@code _latest} views, retention) find run dates. A {@code run_date=D} folder
 * without a manifest is a run being published or one that died half-way, never a run to read.
 */
public final class PublishedRuns {
  private static final String PREFIX = "run_date=";
  private static final String SUFFIX = ".json";

  private PublishedRuns() {}

  /** Every manifest under {@code output}, oldest run date first. */
  public static List<RunManifest> all(String output, Configuration hadoop) {
    Path out = new Path(output);
    try {
      return all(out.getFileSystem(hadoop), out);
    } catch (IOException e) {
      throw new UncheckedIOException("listing the runs under " + output, e);
    }
  }

  static List<RunManifest> all(FileSystem fs, Path output) throws IOException {
    Path folder = RunManifest.path(output, LocalDate.EPOCH).getParent();
    List<RunManifest> runs = new ArrayList<>();
    if (!fs.exists(folder)) {
      return runs;
    }
    for (FileStatus f : fs.listStatus(folder)) {
      LocalDate date = dateOf(f.getPath().getName());
      if (date == null) {
        continue; // the temporary file of a manifest being written, or not ours
      }
      RunManifest m = RunManifest.read(fs, output, date);
      if (m != null) {
        runs.add(m);
      }
    }
    runs.sort(Comparator.comparing(RunManifest::runDate));
    return runs;
  }

  /** The newest run whose manifest says every table was published. */
  public static Optional<RunManifest> latestComplete(String output, Configuration hadoop) {
    List<RunManifest> runs = all(output, hadoop);
    for (int i = runs.size() - 1; i >= 0; i--) {
      if (runs.get(i).complete()) {
        return Optional.of(runs.get(i));
      }
    }
    return Optional.empty();
  }

  /**
   * The newest published run, complete or stopped by the data-quality gate (whose report says why
   * it stopped).
   */
  public static Optional<RunManifest> latest(String output, Configuration hadoop) {
    List<RunManifest> runs = all(output, hadoop);
    return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
  }

  /** The run date in a manifest's file name {@code run_date=D.json}, or null. */
  private static LocalDate dateOf(String name) {
    if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) {
      return null;
    }
    try {
      return LocalDate.parse(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}

package io.socialkpi.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialkpi.config.MetricSpec;
import io.socialkpi.config.ObjectiveSpec;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SourceFormat;
import io.socialkpi.config.SourceSpec;
import io.socialkpi.config.TacticSpec;
import io.socialkpi.source.SourceLayout;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The pandas + SciPy peer of the benchmark: {@code jobs/peers/pandas_peer.py}, an analyst's script
 * doing the read, the windows, the lagged correlations and the before/after tests, run as a child
 * process on the same files. Its wall time is taken here around the whole process (interpreter
 * start and imports included); its peak memory is the child's own peak resident set ({@code
 * VmHWM}), which it prints on its last line. The peer is given the job's config as a JSON spec
 * ({@link #spec}), so both compute the same windows; its window values, correlations and Welch
 * t-tests are then compared with the job's tables ({@link PeerCheck}).
 *
 * <p>The interpreter is {@code BENCH_PYTHON} if set, else Debian's {@code /usr/bin/python3}, else
 * {@code python3} on the PATH: the first that imports pandas and SciPy. Without one the peer is
 * skipped with the reason; a peer that fails (e.g. killed for memory at 100M rows) gives no result
 * and the reason, and the benchmark goes on.
 */
final class PandasPeer {
  /** What running the peer gave: a {@link Result}, or why there is {@link NoResult}. */
  sealed interface Outcome permits Result, NoResult {}

  /** A peer that was skipped or failed: why. */
  record NoResult(String reason) implements Outcome {}

  /**
   * A finished run.
   *
   * @param interpreter the Python used, with its pandas and SciPy versions
   * @param peakRssMb the child's peak resident set
   * @param steps the script's own step times, as it printed them
   * @param agreement sentences comparing its results with the job's tables
   */
  record Result(double seconds, long peakRssMb, String interpreter, String steps, String agreement)
      implements Outcome {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private PandasPeer() {}

  /** The script: {@code -Dbench.peers} (set by jobs/bench) or {@code jobs/peers} here. */
  static Path script() {
    return Path.of(System.getProperty("bench.peers", "jobs/peers")).resolve("pandas_peer.py");
  }

  /**
   * Runs the peer on {@code settings}' sources into {@code dir} and compares it with the job's
   * tables under {@code jobOut}; a {@link NoResult} when it cannot run here or fails.
   */
  static Outcome run(
      Settings settings, Map<String, SourceLayout> layouts, Path dir, Path jobOut, String runDate)
      throws Exception {
    if (!Files.isRegularFile(script())) {
      return new NoResult("no script at " + script().toAbsolutePath());
    }
    boolean parquet =
        settings.sources().values().stream().anyMatch(s -> s.format() == SourceFormat.PARQUET);
    Interpreter python = Interpreter.find(parquet);
    if (python.path == null) {
      return new NoResult(python.description);
    }
    Files.createDirectories(dir);
    Path spec = dir.resolve("spec.json");
    try {
      Files.writeString(
          spec,
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(spec(settings, layouts, dir)));
    } catch (IllegalArgumentException e) {
      return new NoResult("the config cannot be given to pandas: " + e.getMessage());
    }
    Path stdout = dir.resolve("stdout.txt");
    ProcessBuilder pb =
        new ProcessBuilder(python.path, script().toAbsolutePath().toString(), spec.toString())
            .redirectOutput(stdout.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    long t0 = System.nanoTime();
    Process p = pb.start();
    int rc = p.waitFor();
    double seconds = (System.nanoTime() - t0) / 1e9;
    List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8);
    if (rc != 0 || lines.isEmpty()) {
      return new NoResult(
          String.format(
              Locale.ROOT,
              "failed after %.1f s with exit code %d%s (its stderr is above, its stdout in %s)",
              seconds,
              rc,
              rc == 137 ? ", killed (out of memory?)" : "",
              stdout));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> report = JSON.readValue(lines.get(lines.size() - 1), Map.class);
    long peakMb = ((Number) report.get("peak_rss_kib")).longValue() >> 10;
    String steps =
        String.format(
            Locale.ROOT,
            "read and windows %.1f s, correlations %.1f s, before/after %.1f s",
            ((Number) report.get("read_window_s")).doubleValue(),
            ((Number) report.get("correlations_s")).doubleValue(),
            ((Number) report.get("before_after_s")).doubleValue());
    String agreement;
    try {
      agreement = PeerCheck.compare(dir, jobOut, runDate);
    } catch (java.sql.SQLException e) {
      agreement = "the check of its results failed: " + e.getMessage();
    }
    return new Result(
        seconds,
        peakMb,
        String.format(
            Locale.ROOT,
            "%s (Python %s, pandas %s, SciPy %s)",
            python.path,
            report.get("python"),
            report.get("pandas"),
            report.get("scipy")),
        steps,
        agreement);
  }

  /** The job's config as the peer's JSON spec (documented at the top of the script). */
  static Map<String, Object> spec(Settings settings, Map<String, SourceLayout> layouts, Path out) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("zone", settings.run().zone().getId());
    spec.put("window", settings.run().window().name().toLowerCase(Locale.ROOT));
    spec.put("out", out.toAbsolutePath().toString());
    var a = settings.analysis();
    spec.put(
        "analysis",
        Map.of(
            "windows_before", a.windowsBefore(),
            "windows_after", a.windowsAfter(),
            "ramp_up_windows", a.rampUpWindows(),
            "staggered", a.staggered()));
    List<Object> sources = new ArrayList<>();
    for (SourceSpec s : settings.sources().values()) {
      sources.add(source(s, layouts.get(s.name())));
    }
    spec.put("sources", sources);
    List<Object> objectives = new ArrayList<>();
    for (ObjectiveSpec o : settings.objectives()) {
      Map<String, Object> obj = new LinkedHashMap<>();
      obj.put("id", o.id());
      obj.put("outcome", o.outcome());
      obj.put("leads", o.leadIndicators());
      obj.put("lags", o.lags());
      List<Object> tactics = new ArrayList<>();
      for (TacticSpec t : o.tactics()) {
        tactics.add(Map.of("id", t.id(), "launched", t.launched().toString()));
      }
      obj.put("tactics", tactics);
      objectives.add(obj);
    }
    spec.put("objectives", objectives);
    return spec;
  }

  private static Map<String, Object> source(SourceSpec s, SourceLayout layout) {
    Map<String, Object> src = new LinkedHashMap<>();
    src.put("name", s.name());
    src.put("format", s.format().name().toLowerCase(Locale.ROOT));
    // A file identical to an earlier one is quarantined whole by the job: the peer skips it.
    src.put(
        "files",
        layout.files().stream()
            .filter(f -> !layout.duplicates().containsKey(f))
            .map(f -> URI.create(f).getPath())
            .toList());
    src.put("delimiter", String.valueOf(s.csv().delimiter()));
    src.put("decimal", String.valueOf(s.csv().decimalSeparator()));
    src.put(
        "thousands",
        s.csv().groupingSeparator() == null ? null : s.csv().groupingSeparator().toString());
    src.put("comment", s.csv().comment() == null ? null : s.csv().comment().toString());
    Map<String, Object> time = new LinkedHashMap<>();
    time.put("column", s.time().column());
    time.put("format", DuckDbWindows.strptime(s.time().pattern()));
    time.put("date_only", s.time().dateOnly());
    time.put("has_offset", s.time().carriesOffset());
    time.put("zone", s.time().zone().getId());
    src.put("time", time);
    src.put("entity", s.entity());
    src.put("dedupe", s.dedupe());
    src.put("columns", s.columns());
    List<Object> metrics = new ArrayList<>();
    for (MetricSpec m : s.metrics()) {
      Map<String, Object> metric = new LinkedHashMap<>();
      metric.put("id", m.id());
      metric.put("column", m.column());
      metric.put("aggregate", m.aggregate().key());
      metric.put("where", m.where());
      metric.put("gap", m.gap().name().toLowerCase(Locale.ROOT));
      metrics.add(metric);
    }
    src.put("metrics", metrics);
    return src;
  }

  /** A Python that imports pandas and SciPy, or why none does. */
  static final class Interpreter {
    final String path;
    final String description;

    private Interpreter(String path, String description) {
      this.path = path;
      this.description = description;
    }

    static Interpreter find(boolean parquet) throws InterruptedException {
      List<String> candidates = new ArrayList<>();
      String env = System.getenv("BENCH_PYTHON");
      if (env != null && !env.isBlank()) {
        candidates.add(env);
      } else {
        if (Files.isExecutable(Path.of("/usr/bin/python3"))) {
          candidates.add("/usr/bin/python3");
        }
        candidates.add("python3");
      }
      String probe =
          "import pandas, scipy"
              + (parquet
                  ? "\nimport importlib.util as u\nif not (u.find_spec('pyarrow') or"
                      + " u.find_spec('fastparquet')):\n raise SystemExit('no Parquet engine:"
                      + " neither pyarrow nor fastparquet is installed')"
                  : "");
      List<String> failures = new ArrayList<>();
      for (String python : candidates) {
        String failure = probe(python, probe);
        if (failure == null) {
          return new Interpreter(python, python);
        }
        failures.add(python + ": " + failure);
      }
      String hint =
          parquet
              ? "pandas.read_parquet needs pyarrow or fastparquet, which Debian 12 does not"
                  + " package; run the CSV case"
              : "apt-get install -y python3-pandas python3-scipy";
      return new Interpreter(
          null,
          "no Python with pandas and SciPy"
              + (parquet ? " and a Parquet engine" : "")
              + " ("
              + String.join("; ", failures)
              + "); "
              + hint);
    }

    /** Null when {@code python -c code} succeeds, else its last line of error. */
    private static String probe(String python, String code) throws InterruptedException {
      try {
        Process p = new ProcessBuilder(python, "-c", code).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          return "timed out";
        }
        if (p.exitValue() == 0) {
          return null;
        }
        String[] lines = output.strip().split("\n", -1);
        return lines[lines.length - 1];
      } catch (IOException e) {
        return "cannot start: " + e.getMessage();
      }
    }
  }
}

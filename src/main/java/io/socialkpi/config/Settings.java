package io.socialkpi.config;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole, validated job configuration: built once, before Spark starts, by {@link
 * SettingsLoader}.
 *
 * @param configFile the file it came from, for messages
 * @param sources sources by name, in config order
 * @param provenance where the config came from: its URI, its effective text, its keys' lines
 */
public record Settings(
    String configFile,
    String strategy,
    RunSettings run,
    Map<String, SourceSpec> sources,
    List<ObjectiveSpec> objectives,
    AnalysisSettings analysis,
    SparkSettings spark,
    ReportSettings report,
    CatalogSettings catalog,
    ConfigProvenance provenance)
    implements Serializable {

  /** A problem at {@code path}, at the file and line where that key was written if known. */
  public ConfigProblem problem(String path, String message) {
    ConfigProvenance.At at = provenance.at(path);
    // a key a preset or a default set: the line of the nearest block the job config wrote
    for (String p = path; at == null && p.lastIndexOf('.') > 0; ) {
      p = p.substring(0, p.lastIndexOf('.'));
      at = provenance.at(p);
    }
    return at == null
        ? new ConfigProblem(configFile, -1, path, message)
        : new ConfigProblem(at.file(), at.line(), path, message);
  }

  /** The metric with qualified id {@code source.metric}. */
  public Optional<MetricSpec> metric(String id) {
    int dot = id.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    SourceSpec source = sources.get(id.substring(0, dot));
    if (source == null) {
      return Optional.empty();
    }
    String name = id.substring(dot + 1);
    return source.metrics().stream().filter(m -> m.name().equals(name)).findFirst();
  }

  public SourceSpec sourceOf(String metricId) {
    return sources.get(metricId.substring(0, metricId.indexOf('.')));
  }

  /** These settings with other run settings: the command line's output or run date, or a test's. */
  public Settings withRun(RunSettings newRun) {
    return with(newRun, objectives, report);
  }

  /** These settings for a run of some of the objectives only (tests). */
  public Settings withObjectives(List<ObjectiveSpec> newObjectives) {
    return with(run, newObjectives, report);
  }

  /** These settings with other report settings, such as no report (tests). */
  public Settings withReport(ReportSettings newReport) {
    return with(run, objectives, newReport);
  }

  /**
   * A copy with what the command line or a test may change; the rest, provenance included, is the
   * config's.
   */
  private Settings with(
      RunSettings newRun, List<ObjectiveSpec> newObjectives, ReportSettings newReport) {
    return new Settings(
        configFile,
        strategy,
        newRun,
        sources,
        newObjectives,
        analysis,
        spark,
        newReport,
        catalog,
        provenance);
  }
}

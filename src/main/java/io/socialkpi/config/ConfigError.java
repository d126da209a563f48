package io.socialkpi.config;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a job config or its inputs are wrong; carries every problem found, not just one. */
public final class ConfigError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<ConfigProblem> problems;

  public ConfigError(List<ConfigProblem> problems) {
    super(
        problems.size() == 1
            ? problems.get(0).toString()
            : problems.size()
                + " problems:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public static ConfigError of(String file, int line, String path, String message) {
    return new ConfigError(List.of(new ConfigProblem(file, line, path, message)));
  }

  public List<ConfigProblem> problems() {
    return problems;
  }
}

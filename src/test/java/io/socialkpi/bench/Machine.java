package io.socialkpi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** One line naming the machine a benchmark ran on: CPU, cores, memory, JVM and its heap limit. */
final class Machine {
  private Machine() {}

  static String describe() {
    return String.format(
        Locale.ROOT,
        "%s, %d cores, %.0f GiB RAM, %s %s, Java %s, max heap %,d MB",
        cpuModel(),
        Runtime.getRuntime().availableProcessors(),
        memTotalKib() / 1024.0 / 1024.0,
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20);
  }

  private static String cpuModel() {
    return procLine("/proc/cpuinfo", "model name").orElse("unknown CPU");
  }

  private static double memTotalKib() {
    return procLine("/proc/meminfo", "MemTotal")
        .map(v -> Double.parseDouble(v.replaceAll("[^0-9]", "")))
        .orElse(Double.NaN);
  }

  private static java.util.Optional<String> procLine(String file, String key) {
    try {
      return Files.readAllLines(Path.of(file)).stream()
          .filter(l -> l.startsWith(key))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst();
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }
}

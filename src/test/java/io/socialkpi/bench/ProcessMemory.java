package io.socialkpi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This JVM's resident memory from {@code /proc/self/status} (Linux): the peak ({@code VmHWM}), the
 * current size ({@code VmRSS}), and a reset of the peak ({@code clear_refs}), so the benchmark can
 * give the pipeline's peak and what DuckDB's query added in the same process. -1 where unknown.
 */
final class ProcessMemory {
  private ProcessMemory() {}

  static long peakKib() {
    return field("VmHWM:");
  }

  static long currentKib() {
    return field("VmRSS:");
  }

  /** Sets the peak back to the current size (Linux 4.0+); false where that is not allowed. */
  static boolean resetPeak() {
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
      return true;
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  private static long field(String name) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(name)) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux: unknown
    }
    return -1;
  }
}

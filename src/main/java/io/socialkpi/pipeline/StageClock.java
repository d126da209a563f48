package io.socialkpi.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;

/**
 * Wall time and peak heap of each stage of a run (read, window, panel, evidence, write, ...), so
 * the run's last lines and the benchmark say where time and memory went. The peak is the sum of the
 * heap pools' peaks since the stage started: an upper bound of the true peak, read from the JVM's
 * own counters rather than sampled. In local mode that is the whole job's heap; on a cluster it is
 * the driver's.
 */
public final class StageClock {
  /** One finished stage. */
  public record Stage(String name, double seconds, long peakHeapBytes) {}

  private final List<Stage> stages = new ArrayList<>();
  private String current;
  private long startedAt;

  /** Ends the running stage, if any, and starts {@code name}. */
  public void start(String name) {
    stop();
    for (MemoryPoolMXBean pool : heapPools()) {
      pool.resetPeakUsage();
    }
    current = name;
    startedAt = System.nanoTime();
  }

  /** Ends the running stage; does nothing when none runs. */
  public void stop() {
    if (current == null) {
      return;
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : heapPools()) {
      peak += pool.getPeakUsage().getUsed();
    }
    stages.add(new Stage(current, (System.nanoTime() - startedAt) / 1e9, peak));
    current = null;
  }

  public List<Stage> stages() {
    return List.copyOf(stages);
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP && p.isValid())
        .toList();
  }
}

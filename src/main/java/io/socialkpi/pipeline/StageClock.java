package io.socialkpi.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wall time and peak heap of each stage of a run (read, window, panel, evidence, write, ...), so
 * the run's last lines and the benchmark say where time and memory went. The peak is the largest
 * used heap seen by a sampler every {@value #SAMPLE_MILLIS} ms while the stage ran (summing the
 * pools' own peaks would overstate it: each pool peaks at a different moment). In local mode that
 * is the whole job's heap; on a cluster it is the driver's.
 */
public final class StageClock {
  /** One finished stage. */
  public record Stage(String name, double seconds, long peakHeapBytes) {}

  static final long SAMPLE_MILLIS = 10;
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private final List<Stage> stages = new ArrayList<>();
  private String current;
  private long startedAt;
  private final AtomicLong peak = new AtomicLong();
  private Thread sampler;

  /** Ends the running stage, if any, and starts {@code name}. */
  public void start(String name) {
    stop();
    current = name;
    startedAt = System.nanoTime();
    peak.set(used());
    sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(used(), Math::max);
                try {
                  Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "socialkpi-heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Ends the running stage; does nothing when none runs. */
  public void stop() {
    if (current == null) {
      return;
    }
    sampler.interrupt();
    try {
      sampler.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    peak.accumulateAndGet(used(), Math::max);
    stages.add(new Stage(current, (System.nanoTime() - startedAt) / 1e9, peak.get()));
    current = null;
  }

  public List<Stage> stages() {
    return List.copyOf(stages);
  }

  private static long used() {
    return MEMORY.getHeapMemoryUsage().getUsed();
  }
}

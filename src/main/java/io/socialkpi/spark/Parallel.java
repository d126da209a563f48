package io.socialkpi.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A few Spark queries submitted at once from driver threads. On small inputs a query's time is
 * mostly the driver's (planning, code generation, scheduling) and a couple of tiny tasks, so
 * independent queries overlap well; Spark's scheduler is built to take jobs from several threads.
 * Results and failures come back in submission order, on the caller's thread.
 */
public final class Parallel implements AutoCloseable {
  private final ExecutorService pool;

  public Parallel(int threads, String name) {
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, name);
              // A failed run never waits on a query still running.
              t.setDaemon(true);
              return t;
            });
  }

  public <T> Future<T> submit(Callable<T> task) {
    return pool.submit(task);
  }

  /**
   * Runs every task and waits for all of them, failed or not, even if this thread is interrupted
   * meanwhile (the interrupt is kept for the caller); then the first failure in order is rethrown,
   * with any later ones as suppressed exceptions. Waiting for all means no task is still writing or
   * committing once the caller goes on to clean up or to release its lock.
   */
  public void runAll(List<Runnable> tasks) {
    List<Future<?>> running = new ArrayList<>();
    tasks.forEach(t -> running.add(pool.submit(t)));
    Throwable first = null;
    boolean interrupted = false;
    for (Future<?> task : running) {
      while (true) {
        try {
          task.get();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          if (first == null) {
            first = e.getCause();
          } else if (first != e.getCause()) {
            first.addSuppressed(e.getCause());
          }
          break;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (first != null) {
      throw Parallel.<RuntimeException>sneaky(first);
    }
  }

  /** The task's result; its exception is rethrown as thrown, unchecked. */
  public static <T> T await(Future<T> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a Spark query", e);
    } catch (ExecutionException e) {
      // As the query would have thrown it on the caller's thread: Spark's SparkException is a
      // checked exception thrown undeclared, and the run's error message names it.
      throw Parallel.<RuntimeException>sneaky(e.getCause());
    }
  }

  /** Throws {@code t} as it is, checked or not; returns nothing, so the caller writes throw. */
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
    throw (E) t;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}

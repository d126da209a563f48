package io.socialkpi.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Failures of queries run on other threads come back as the query threw them. */
class ParallelTest {
  @Test
  void aCheckedExceptionIsRethrownAsThrownNotWrapped() {
    // Spark throws its SparkException (checked) undeclared: a scan that fails must fail the run
    // with the same exception, and message, as when it ran on the caller's thread.
    IOException thrown = new IOException("cannot read part-0");
    try (Parallel parallel = new Parallel(2, "test")) {
      var task =
          parallel.<Integer>submit(
              () -> {
                throw thrown;
              });
      assertThatThrownBy(() -> Parallel.await(task)).isSameAs(thrown);
    }
  }

  @Test
  void runAllWaitsForEveryTaskThenRethrowsTheFirstFailureWithLaterOnesSuppressed() {
    // A publish that fails on one table must not return while another table's commit still runs;
    // when two tables fail, the operator hears of both.
    IllegalStateException first = new IllegalStateException("first table failed");
    IllegalArgumentException second = new IllegalArgumentException("second failure");
    CountDownLatch failed = new CountDownLatch(1);
    AtomicBoolean slowFinished = new AtomicBoolean();
    try (Parallel parallel = new Parallel(3, "test")) {
      assertThatThrownBy(
              () ->
                  parallel.runAll(
                      List.of(
                          () -> {
                            failed.countDown();
                            throw first;
                          },
                          () -> {
                            try {
                              failed.await(10, TimeUnit.SECONDS);
                              Thread.sleep(300);
                            } catch (InterruptedException e) {
                              Thread.currentThread().interrupt();
                            }
                            slowFinished.set(true);
                          },
                          () -> {
                            throw second;
                          })))
          .isSameAs(first);
      assertThat(slowFinished).isTrue();
      assertThat(first.getSuppressed()).containsExactly(second);
    }
  }

  @Test
  void anInterruptedCallerStillWaitsForEveryTaskAndKeepsTheInterrupt() throws Exception {
    // A commit that an interrupt does not stop (file I/O, a Spark job): runAll must not return
    // before it ends, or the caller would release its lock while the commit still runs.
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean finished = new AtomicBoolean();
    AtomicBoolean finishedAtReturn = new AtomicBoolean();
    AtomicBoolean interruptKept = new AtomicBoolean();
    try (Parallel parallel = new Parallel(3, "test")) {
      Runnable commit =
          () -> {
            started.countDown();
            boolean done = false;
            while (!done) {
              try {
                done = release.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                // ignored, as blocking I/O would
              }
            }
            finished.set(true);
          };
      Thread caller =
          new Thread(
              () -> {
                parallel.runAll(List.of(() -> {}, commit));
                finishedAtReturn.set(finished.get());
                interruptKept.set(Thread.currentThread().isInterrupted());
              });
      caller.start();
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      caller.interrupt();
      caller.join(500);
      assertThat(caller.isAlive()).as("runAll still waits for the commit").isTrue();
      release.countDown();
      caller.join(10_000);
      assertThat(caller.isAlive()).isFalse();
      assertThat(finishedAtReturn).isTrue();
      assertThat(interruptKept).isTrue();
    }
  }
}

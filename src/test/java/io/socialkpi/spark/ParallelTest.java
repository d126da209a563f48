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
  void runAllWaitsForEveryTaskBeforeRethrowingTheFirstFailure() {
    // A publish that fails on one table must not return while another table's commit still runs.
    IllegalStateException first = new IllegalStateException("first table failed");
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
                            throw new IllegalArgumentException("second failure");
                          })))
          .isSameAs(first);
      assertThat(slowFinished).isTrue();
    }
  }
}

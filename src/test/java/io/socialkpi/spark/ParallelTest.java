package io.socialkpi.spark;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
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
}

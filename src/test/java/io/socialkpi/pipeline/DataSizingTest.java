package io.socialkpi.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.source.SourceLayout;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataSizingTest {
  private static final long MB = 1L << 20;

  private static SourceLayout layout(String name, long bytes) {
    return new SourceLayout(
        name, List.of("file:/in/" + name + ".csv"), List.of("a"), Map.of(), bytes);
  }

  @Test
  void smallInputRunsOnOnePartitionWithoutAdaptiveExecutionOrCodeGeneration() {
    DataSizing sample = DataSizing.of(List.of(layout("a", 3 * MB), layout("b", MB + MB / 3)));
    assertThat(sample.inputBytes()).isEqualTo(4 * MB + MB / 3);
    assertThat(sample.small()).isTrue();
    assertThat(sample.sparkDefaults())
        .containsEntry("spark.sql.shuffle.partitions", "1")
        .containsEntry("spark.sql.adaptive.enabled", "false")
        .containsEntry("spark.sql.codegen.wholeStage", "false")
        .containsEntry("spark.sql.codegen.factoryMode", "NO_CODEGEN");
    assertThat(sample.concurrentScans()).isBetween(2, 4);
  }

  @Test
  void theSmallLimitIsInclusive() {
    assertThat(new DataSizing(DataSizing.SMALL_INPUT_BYTES).small()).isTrue();
    assertThat(new DataSizing(DataSizing.SMALL_INPUT_BYTES + 1).small()).isFalse();
  }

  @Test
  void largerInputGetsAPartitionPer128MbAndAdaptiveCoalescing() {
    DataSizing tenMillion = new DataSizing(700 * MB);
    assertThat(tenMillion.shufflePartitions()).isEqualTo(DataSizing.MIN_PARTITIONS);
    assertThat(tenMillion.sparkDefaults())
        .containsEntry("spark.sql.adaptive.enabled", "true")
        // Spark's own defaults, written out so a run with small results may switch them.
        .containsEntry("spark.sql.codegen.wholeStage", "true")
        .containsEntry("spark.sql.codegen.factoryMode", "FALLBACK");
    assertThat(tenMillion.concurrentScans()).isEqualTo(2);
    // 10 GB: 80 partitions of 128 MB; AQE coalesces those the aggregation leaves small.
    assertThat(new DataSizing(10_240 * MB).shufflePartitions()).isEqualTo(80);
    assertThat(new DataSizing(Long.MAX_VALUE / 2).shufflePartitions()).isEqualTo(10_000);
  }

  @Test
  void noInputIsSmall() {
    DataSizing none = DataSizing.of(List.of());
    assertThat(none.inputBytes()).isZero();
    assertThat(none.shufflePartitions()).isEqualTo(1);
  }

  @Test
  void sizesReadAsPeopleWriteThem() {
    assertThat(DataSizing.bytes(512)).isEqualTo("512 B");
    assertThat(DataSizing.bytes(4_500_000)).isEqualTo("4.3 MB");
    assertThat(DataSizing.bytes(3L << 30)).isEqualTo("3.0 GB");
  }
}

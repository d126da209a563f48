package io.socialkpi.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.config.SparkSettings;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class SparkSessionsTest {
  private static final Map<String, String> SMALL = new DataSizing(1L << 20).sparkDefaults();

  @Test
  void dataSizedSettingsApplyWhereNothingElseSetsThem() {
    SparkConf conf = SparkSessions.conf(new SparkSettings("local[2]", "t", Map.of()), SMALL);
    assertThat(conf.get("spark.sql.shuffle.partitions")).isEqualTo("1");
    assertThat(conf.get("spark.sql.adaptive.enabled")).isEqualTo("false");
    assertThat(conf.get("spark.sql.session.timeZone")).isEqualTo("UTC");
  }

  @Test
  void theConfigsSparkSettingsWinOverTheDataSizedOnes() {
    SparkConf conf =
        SparkSessions.conf(
            new SparkSettings(
                "local[2]",
                "t",
                Map.of(
                    "spark.sql.shuffle.partitions",
                    "64",
                    "spark.sql.codegen.factoryMode",
                    "FALLBACK")),
            SMALL);
    assertThat(conf.get("spark.sql.shuffle.partitions")).isEqualTo("64");
    assertThat(conf.get("spark.sql.codegen.factoryMode")).isEqualTo("FALLBACK");
    assertThat(conf.get("spark.sql.adaptive.enabled")).isEqualTo("false");
  }

  @Test
  void theSubmitCommandsSettingsWinOverTheDataSizedOnes() {
    // spark-submit --conf reaches the driver as a system property.
    String key = "spark.sql.adaptive.enabled";
    String before = System.getProperty(key);
    System.setProperty(key, "true");
    try {
      SparkConf conf = SparkSessions.conf(new SparkSettings("local[2]", "t", Map.of()), SMALL);
      assertThat(conf.get(key)).isEqualTo("true");
      assertThat(conf.get("spark.sql.shuffle.partitions")).isEqualTo("1");
    } finally {
      if (before == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, before);
      }
    }
  }

  @Test
  void aLargeRunWithSmallResultsSwitchesOnlyTheSettingsItChoseItself() {
    Map<String, String> large = new DataSizing(10L << 30).sparkDefaults();
    SparkConf conf =
        SparkSessions.conf(
            new SparkSettings(
                "local[2]", "t", Map.of("spark.sql.codegen.factoryMode", "CODEGEN_ONLY")),
            large);
    assertThat(conf.get("spark.sql.shuffle.partitions")).isEqualTo("80");
    assertThat(conf.get("spark.sql.codegen.wholeStage")).isEqualTo("true");
    assertThat(SparkSessions.smallResultSettings(conf))
        .containsExactly(
            Map.entry("spark.sql.shuffle.partitions", "1"),
            Map.entry("spark.sql.adaptive.enabled", "false"),
            Map.entry("spark.sql.codegen.wholeStage", "false"));
    // A session started elsewhere (tests, spark-shell) has no record: nothing is switched.
    assertThat(SparkSessions.smallResultSettings(new SparkConf(false))).isEmpty();
  }
}

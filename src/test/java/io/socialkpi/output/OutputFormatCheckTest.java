package io.socialkpi.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialkpi.config.ConfigError;
import io.socialkpi.config.OutputFormat;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run.output-format}, checked before Spark starts: its values, Delta's jars, and an output
 * that already holds tables of the other format. No Spark.
 */
class OutputFormatCheckTest {
  static final Configuration HADOOP = new Configuration();
  @TempDir Path dir;

  Path config(String format) throws Exception {
    Path file = dir.resolve("job.conf");
    Files.writeString(
        file,
        """
        socialkpi {
          run {
            output = out
            %s
          }
          sources { t { path = "t.csv", time.column = day, metrics { n { aggregate = count } } } }
        }
        """
            .formatted(format == null ? "" : "output-format = " + format));
    return file;
  }

  /** A class loader that sees the JDK only: the job on a cluster without Delta's jars. */
  static ClassLoader withoutDelta() {
    return new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader());
  }

  void check(Settings s, ClassLoader loader) {
    OutputFormatCheck.check(
        dir.resolve("out").toString(),
        s.run().outputFormat(),
        s.problem("socialkpi.run.output-format", ""),
        HADOOP,
        loader);
  }

  @Test
  void parquetIsTheDefaultAndDeltaIsRead() throws Exception {
    assertThat(SettingsLoader.load(config(null)).run().outputFormat())
        .isEqualTo(OutputFormat.PARQUET);
    assertThat(SettingsLoader.load(config("delta")).run().outputFormat())
        .isEqualTo(OutputFormat.DELTA);
  }

  @Test
  void anUnknownFormatNamesTheKeyTheFileAndTheValues() throws Exception {
    Path file = config("iceberg");
    assertThatThrownBy(() -> SettingsLoader.load(file))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining(
            file
                + ":4: socialkpi.run.output-format: unknown value 'iceberg' (one of parquet,"
                + " delta)");
  }

  @Test
  void deltaWithoutDeltasJarsSaysHowToAddThem() throws Exception {
    Path file = config("delta");
    Settings s = SettingsLoader.load(file);
    assertThat(DeltaLake.onClasspath(getClass().getClassLoader())).isTrue();
    check(s, getClass().getClassLoader());

    assertThatThrownBy(() -> check(s, withoutDelta()))
        .isInstanceOf(ConfigError.class)
        .hasMessageStartingWith(file + ":4: socialkpi.run.output-format: output-format = delta")
        .hasMessageContaining("not on the classpath")
        .hasMessageContaining("--packages io.delta:delta-spark_4.2_2.13:4.4.0");
    // Parquet needs nothing of Delta.
    check(SettingsLoader.load(config("parquet")), withoutDelta());
  }

  @Test
  void anOutputKeepsTheFormatItWasFirstWrittenIn() throws Exception {
    Files.createDirectories(dir.resolve("out/data_quality/run_date=2025-01-01"));
    Path file = config("delta");
    assertThatThrownBy(() -> check(SettingsLoader.load(file), getClass().getClassLoader()))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("socialkpi.run.output-format: output-format = delta, but ")
        .hasMessageContaining("holds parquet tables")
        .hasMessageContaining("write to a new output folder");

    Files.createDirectories(dir.resolve("out/quarantine/_delta_log"));
    Files.delete(dir.resolve("out/data_quality/run_date=2025-01-01"));
    assertThat(OutputFormatCheck.found(dir.resolve("out").toString(), HADOOP))
        .isEqualTo(OutputFormat.DELTA);
    assertThatThrownBy(
            () -> check(SettingsLoader.load(config("parquet")), getClass().getClassLoader()))
        .hasMessageContaining("holds delta tables");
  }
}

package io.socialkpi.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed sample-data folder is exactly what the generator writes with the default options,
 * so it can always be rebuilt, and the config template stays in step with it.
 */
class SampleDataTest {
  static final Path SAMPLE = Path.of("sample-data");

  @TempDir Path dir;

  @Test
  void sampleDataIsTheDefaultGeneration() throws IOException {
    GenerationReport report = SyntheticCompany.generate(dir, GeneratorOptions.defaults());
    List<Path> written = SyntheticCompanyTest.files(dir);
    assertThat(written).hasSize(10);
    for (Path f : written) {
      boolean same =
          Arrays.equals(Files.readAllBytes(SAMPLE.resolve(f)), Files.readAllBytes(dir.resolve(f)));
      assertThat(same)
          .as("sample-data/%s differs from the generator's output: regenerate the sample", f)
          .isTrue();
    }
    assertThat(report.rows()).isBetween(60_000L, 90_000L);
  }
}

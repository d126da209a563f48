package io.socialkpi.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import io.socialkpi.source.InputCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCompanyTest {
  @TempDir Path dir;

  static GeneratorOptions options(long seed, boolean inject) {
    return new GeneratorOptions(LocalDate.of(2024, 1, 1), 731, 2, seed, 1.0, true, inject);
  }

  @Test
  void sameSeedSameBytesOtherSeedOtherBytes() throws IOException {
    SyntheticCompany.generate(dir.resolve("a"), options(7, true));
    SyntheticCompany.generate(dir.resolve("b"), options(7, true));
    SyntheticCompany.generate(dir.resolve("c"), options(8, true));
    for (String f :
        List.of("business/orders.csv", "social/mentions.jsonl", "socialkpi.conf", "truth.json")) {
      assertThat(Files.readAllBytes(dir.resolve("a").resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(f)));
    }
    assertThat(Files.readAllBytes(dir.resolve("a/business/orders.csv")))
        .isNotEqualTo(Files.readAllBytes(dir.resolve("c/business/orders.csv")));
  }

  @Test
  void theWrittenConfigValidatesAgainstTheWrittenFiles() throws IOException {
    GenerationReport report = SyntheticCompany.generate(dir, options(42, true));
    Settings settings = SettingsLoader.load(dir.resolve("socialkpi.conf"));
    assertThat(InputCheck.check(settings)).hasSize(8);
    assertThat(settings.objectives())
        .extracting(o -> o.id())
        .containsExactly(
            "customer-satisfaction", "fewer-incidents", "market-share", "recruit-talent");
    assertThat(settings.objectives().get(2).tactics().get(0).launched())
        .isEqualTo(report.truth().fanCampaignLaunch())
        .isEqualTo(LocalDate.of(2025, 2, 3));
    assertThat(report.brokenRows()).isEqualTo(14);
    assertThat(report.files())
        .allSatisfy(f -> assertThat(f.brokenRows()).isLessThan(f.rows() / 100 + 6));
  }

  @Test
  void injectedCsatShiftAndApplicationsGrowthShowInTheRawRows() throws IOException {
    GenerationReport report = SyntheticCompany.generate(dir, options(42, true));
    double[] csat =
        meanBeforeAfter(
            dir.resolve("business/csat_responses.csv"), report.truth().vipCommunityLaunch(), 3);
    // The latent shift is +0.30; rounding to 1..5 keeps most of it.
    assertThat(csat[1] - csat[0]).isCloseTo(0.28, within(0.05));
    double[] apps =
        facebookApplicationsPerDay(
            dir.resolve("business/applications.csv"), report.truth().jobsTabLaunch());
    assertThat(apps[1] / apps[0]).isCloseTo(1.6, within(0.2));
  }

  @Test
  void withoutInjectionNothingMoves() throws IOException {
    GenerationReport report = SyntheticCompany.generate(dir, options(42, false));
    assertThat(report.truth().injected()).isFalse();
    double[] csat =
        meanBeforeAfter(
            dir.resolve("business/csat_responses.csv"), report.truth().vipCommunityLaunch(), 3);
    assertThat(csat[1] - csat[0]).isCloseTo(0.0, within(0.05));
    assertThat(Files.readString(dir.resolve("business/applications.csv")))
        .doesNotContain("facebook_tab");
  }

  @Test
  void volumeScalesEventRows() throws IOException {
    GenerationReport one = SyntheticCompany.generate(dir.resolve("v1"), options(1, true));
    GeneratorOptions o = options(1, true);
    GenerationReport three =
        SyntheticCompany.generate(
            dir.resolve("v3"),
            new GeneratorOptions(o.start(), o.days(), o.entities(), 1, 3.0, true, true));
    long ordersOne = rows(one, "business/orders.csv");
    long ordersThree = rows(three, "business/orders.csv");
    assertThat((double) ordersThree / ordersOne).isCloseTo(3.0, within(0.1));
    assertThat(rows(three, "social/page_insights.csv"))
        .isEqualTo(rows(one, "social/page_insights.csv"));
  }

  @Test
  void rejectsImpossibleOptions() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new GeneratorOptions(LocalDate.of(2024, 1, 1), 10, 2, 1, 1.0, true, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("days must be at least 28, was 10");
  }

  static long rows(GenerationReport r, String file) {
    return r.files().stream().filter(f -> f.file().equals(file)).findFirst().orElseThrow().rows();
  }

  /** Mean of column {@code col} before and after {@code launch} (offset timestamps in column 1). */
  static double[] meanBeforeAfter(Path csv, LocalDate launch, int col) throws IOException {
    double[] sum = new double[2];
    long[] n = new long[2];
    for (String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
      String[] f = line.split(",");
      try {
        LocalDate d = OffsetDateTime.parse(f[1]).toLocalDate();
        double v = Double.parseDouble(f[col]);
        int side = d.isBefore(launch) ? 0 : 1;
        sum[side] += v;
        n[side]++;
      } catch (RuntimeException brokenOnPurpose) {
        // The deliberately malformed rows are not part of the effect.
      }
    }
    return new double[] {sum[0] / n[0], sum[1] / n[1]};
  }

  static double[] facebookApplicationsPerDay(Path csv, LocalDate launch) throws IOException {
    double[] count = new double[2];
    for (String line : Files.readAllLines(csv)) {
      String[] f = line.split(",");
      if (f.length == 4 && f[2].startsWith("facebook_")) {
        LocalDate d = OffsetDateTime.parse(f[1]).toLocalDate();
        count[d.isBefore(launch) ? 0 : 1]++;
      }
    }
    long before = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2024, 1, 1), launch);
    return new double[] {count[0] / before, count[1] / (731 - before)};
  }
}

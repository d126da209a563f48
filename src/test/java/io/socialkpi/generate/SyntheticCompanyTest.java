package io.socialkpi.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Determinism, volume, the written config, launch dates for other ranges, and bad options. */
class SyntheticCompanyTest {
  @TempDir Path dir;

  static GeneratorOptions small(long seed) {
    return new GeneratorOptions(LocalDate.of(2024, 1, 1), 120, 2, seed, 1.0, true);
  }

  static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }

  @Test
  void sameSeedSameBytesOtherSeedOtherBytes() throws IOException {
    SyntheticCompany.generate(dir.resolve("a"), small(7));
    SyntheticCompany.generate(dir.resolve("b"), small(7));
    SyntheticCompany.generate(dir.resolve("c"), small(8));
    List<Path> files = files(dir.resolve("a"));
    assertThat(files).hasSize(10).isEqualTo(files(dir.resolve("b")));
    for (Path f : files) {
      assertThat(Files.readAllBytes(dir.resolve("a").resolve(f)))
          .as(f.toString())
          .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(f)));
    }
    for (String f : List.of("business/orders.csv", "social/mentions.jsonl", "truth.json")) {
      assertThat(Files.readAllBytes(dir.resolve("a").resolve(f)))
          .as(f)
          .isNotEqualTo(Files.readAllBytes(dir.resolve("c").resolve(f)));
    }
  }

  @Test
  void volumeScalesEventRowsButNotDailyAggregates() throws IOException {
    GenerationReport one = SyntheticCompany.generate(dir.resolve("v1"), small(1));
    GenerationReport three = SyntheticCompany.generate(dir.resolve("v3"), small(1).withVolume(3));
    for (String events :
        List.of(
            OrdersExport.FILE,
            MentionsExport.FILE,
            TicketsExport.FILE,
            CsatExport.FILE,
            ApplicationsExport.FILE)) {
      double ratio = (double) three.file(events).rows() / one.file(events).rows();
      assertThat(ratio).as(events).isCloseTo(3.0, within(0.15));
    }
    for (String daily :
        List.of(PageInsightsExport.FILE, JobsTabExport.FILE, WebSessionsExport.FILE)) {
      assertThat(three.file(daily).rows()).as(daily).isEqualTo(one.file(daily).rows());
    }
    assertThat(three.truth().fanCampaign().weeklyOnlineSalesBefore())
        .isCloseTo(3 * one.truth().fanCampaign().weeklyOnlineSalesBefore(), within(1e-6));
  }

  @Test
  void launchesMoveWithTheStartAndTheConfigSaysSo() throws IOException {
    LocalDate start = LocalDate.of(2022, 6, 15);
    GeneratorOptions o = new GeneratorOptions(start, 731, 2, 3, 0.2, true);
    GenerationReport report = SyntheticCompany.generate(dir, o);
    Truth t = report.truth();
    assertThat(t.launchesAtFractions()).isFalse();
    assertThat(t.fanCampaignLaunch()).isEqualTo(start.plusDays(399));
    assertThat(t.jobsTabLaunch()).isEqualTo(start.plusDays(427));
    assertThat(t.vipCommunityLaunch()).isEqualTo(start.plusDays(462));
    Settings s = SettingsLoader.load(dir.resolve("socialkpi.conf"));
    assertThat(s.objectives())
        .extracting(obj -> obj.id())
        .containsExactly(
            "customer-satisfaction", "fewer-incidents", "market-share", "recruit-talent");
    assertThat(s.objectives())
        .extracting(obj -> obj.tactics().get(0).launched())
        .containsExactly(
            t.vipCommunityLaunch(),
            t.vipCommunityLaunch(),
            t.fanCampaignLaunch(),
            t.jobsTabLaunch());
    assertThat(Files.readString(dir.resolve("socialkpi.conf")))
        .contains("by = " + start.plusDays(730))
        .contains("exports from 2022-06-15")
        .contains("(seed 3, volume 0.2)");
  }

  @Test
  void aShortRangePutsTheLaunchesAtFixedFractions() throws IOException {
    GenerationReport report = SyntheticCompany.generate(dir, small(1));
    Truth t = report.truth();
    assertThat(t.launchesAtFractions()).isTrue();
    assertThat(t.fanCampaignLaunch()).isEqualTo(LocalDate.of(2024, 1, 1).plusDays(66));
    assertThat(t.jobsTabLaunch()).isEqualTo(LocalDate.of(2024, 1, 1).plusDays(69));
    assertThat(t.vipCommunityLaunch()).isEqualTo(LocalDate.of(2024, 1, 1).plusDays(75));
    assertThat(Files.readString(dir.resolve("socialkpi.conf")))
        .contains("launched = " + t.vipCommunityLaunch());
  }

  @Test
  void moreEntitiesGetTheContractsRegionNames() throws IOException {
    GeneratorOptions o = new GeneratorOptions(LocalDate.of(2024, 1, 1), 28, 6, 1, 0.1, false);
    assertThat(SyntheticCompany.generate(dir, o).truth().regions())
        .containsExactly("north", "south", "east", "west", "region-05", "region-06");
  }

  @Test
  void everySeventhDayGivesWeeklyExportsOnMondays() throws IOException {
    GeneratorOptions daily = small(1).withMalformed(false);
    GenerationReport all = SyntheticCompany.generate(dir.resolve("daily"), daily);
    GenerationReport weekly =
        SyntheticCompany.generate(dir.resolve("weekly"), daily.withEveryDays(7));
    // 2024-01-01 is a Monday: 120 days hold 18 Mondays, 2 regions a page-insights row each.
    List<String> pages =
        Files.readAllLines(dir.resolve("weekly/social/page_insights.csv")).subList(1, 37);
    assertThat(pages).hasSize(36);
    assertThat(pages)
        .allSatisfy(
            line ->
                assertThat(LocalDate.parse(line.substring(0, 10)).getDayOfWeek())
                    .isEqualTo(java.time.DayOfWeek.MONDAY));
    assertThat(Files.readAllLines(dir.resolve("weekly/social/page_insights.csv"))).hasSize(37);
    // Orders are local Helsinki times of the written days only.
    List<String> orders = Files.readAllLines(dir.resolve("weekly/business/orders.csv"));
    assertThat(orders.subList(1, orders.size()))
        .isNotEmpty()
        .allSatisfy(
            line ->
                assertThat(LocalDate.parse(line.split(",", -1)[1].substring(0, 10)).getDayOfWeek())
                    .isEqualTo(java.time.DayOfWeek.MONDAY));
    // The model ran every day: the Mondays' rows are the daily run's Monday rows.
    List<String> dailyMondays =
        Files.readAllLines(dir.resolve("daily/social/page_insights.csv")).stream()
            .skip(1)
            .filter(l -> LocalDate.parse(l.substring(0, 10)).getDayOfWeek().getValue() == 1)
            .toList();
    assertThat(pages).isEqualTo(dailyMondays);
    assertThat(weekly.rows()).isLessThan(all.rows() / 5);
  }

  @Test
  void rejectsImpossibleOptions() {
    LocalDate start = LocalDate.of(2024, 1, 1);
    assertThatThrownBy(() -> new GeneratorOptions(start, 10, 2, 1, 1.0, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("days must be at least 28, was 10");
    assertThatThrownBy(() -> new GeneratorOptions(start, 100, 0, 1, 1.0, true))
        .hasMessage("entities must be at least 1, was 0");
    assertThatThrownBy(() -> new GeneratorOptions(start, 100, 2, 1, 0.0, true))
        .hasMessage("volume must be positive, was 0.0");
    assertThatThrownBy(() -> small(1).withEveryDays(0))
        .hasMessage("every-days must be between 1 and a quarter of the days, was 0");
  }
}

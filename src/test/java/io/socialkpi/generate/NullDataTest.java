package io.socialkpi.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code inject = false} nothing happens at the launch dates and no social series leads a
 * business outcome: whatever a test finds there is noise.
 */
class NullDataTest {
  @TempDir static Path dir;
  static GeneratorOptions options =
      GeneratorOptions.defaults().withInject(false).withSeed(Long.getLong("generate.seed", 42));
  static GenerationReport report;
  static Truth truth;

  @BeforeAll
  static void generate() throws IOException {
    report = SyntheticCompany.generate(dir, options);
    truth = report.truth();
  }

  @Test
  void theTruthSaysNothingWasInjected() throws IOException {
    assertThat(truth.injected()).isFalse();
    assertThat(truth.vipCommunity().csatShift()).isZero();
    assertThat(truth.vipCommunity().incidentFactor()).isEqualTo(1.0);
    assertThat(truth.fanCampaign().newFansFactor()).isEqualTo(1.0);
    assertThat(truth.fanCampaign().onlineOrdersPerSocialSession()).isZero();
    assertThat(truth.jobsTab().applicationsPerTabView()).isZero();
    assertThat(Files.readString(dir.resolve("truth.json"))).contains("\"leads\": [ ]");
  }

  @Test
  void csatAndIncidentsStayWhereTheyWere() {
    Weekly sum = new Weekly(options);
    Weekly count = new Weekly(options);
    for (String[] f : Exported.csv(dir, report, CsatExport.FILE)) {
      LocalDate day = Exported.helsinkiDay(f[1]);
      sum.add(day, Integer.parseInt(f[3]));
      count.add(day, 1);
    }
    double[][] csat =
        Weekly.split(
            Weekly.ratio(sum.values(), count.values()), sum.weekOf(truth.vipCommunityLaunch()));
    assertThat(Weekly.mean(csat[1]) - Weekly.mean(csat[0])).isCloseTo(0.0, within(0.08));

    Weekly tickets = new Weekly(options);
    for (String[] f : Exported.csv(dir, report, TicketsExport.FILE)) {
      tickets.add(Exported.localDay(f[1], "dd.MM.yyyy HH:mm"), 1);
    }
    double[][] t = tickets.split(truth.vipCommunityLaunch());
    assertThat(Weekly.mean(t[1]) / Weekly.mean(t[0])).isCloseTo(1.0, within(0.05));
  }

  @Test
  void noFacebookTabNoApplicationGrowthAndNoLead() {
    Weekly facebook = new Weekly(options);
    for (String[] f : Exported.csv(dir, report, ApplicationsExport.FILE)) {
      assertThat(f[2]).isNotEqualTo("facebook_tab");
      if (f[2].startsWith("facebook_")) {
        facebook.add(Exported.helsinkiDay(f[1]), 1);
      }
    }
    double[][] split = facebook.split(truth.jobsTabLaunch());
    assertThat(Weekly.mean(split[1]) / Weekly.mean(split[0])).isCloseTo(1.0, within(0.12));
    Weekly views = new Weekly(options);
    for (String[] f : Exported.csv(dir, report, JobsTabExport.FILE)) {
      views.add(LocalDate.parse(f[0]), Double.parseDouble(f[1]));
    }
    double[] dv = Weekly.diff(views.values());
    double[] da = Weekly.diff(facebook.values());
    for (int lag = 0; lag <= 4; lag++) {
      assertThat(Math.abs(Weekly.lagCorrelation(dv, da, lag))).as("lag " + lag).isLessThan(0.35);
    }
  }

  @Test
  void onlineSalesFollowNoSocialSeriesAndNorthDoesNotGrow() {
    Weekly[] north = InjectedEffectsTest.orders(dir, report, options, "north");
    double[][] orders = north[1].split(truth.fanCampaignLaunch());
    assertThat(Weekly.mean(orders[1]) / Weekly.mean(orders[0])).isCloseTo(1.0, within(0.06));
    double[] ds = Weekly.diff(north[3].values());
    double[] dsales = Weekly.diff(north[0].values());
    for (int lag = 0; lag <= 4; lag++) {
      assertThat(Math.abs(Weekly.lagCorrelation(ds, dsales, lag)))
          .as("lag " + lag)
          .isLessThan(0.35);
    }
  }
}

package io.socialkpi.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The injected effects come back out of the raw files, by plain computation over weekly windows:
 * about the sizes the truth records, clearly significant (Welch p < 0.01), and the leads at the
 * right lag.
 */
class InjectedEffectsTest {
  @TempDir static Path dir;
  static GeneratorOptions options =
      GeneratorOptions.defaults().withSeed(Long.getLong("generate.seed", 42));
  static GenerationReport report;
  static Truth truth;

  @BeforeAll
  static void generate() throws IOException {
    report = SyntheticCompany.generate(dir, options);
    truth = report.truth();
  }

  /** Weekly mean CSAT score before and after the VIP launch, of one region or (null) all. */
  static double[][] csat(String region) {
    Weekly sum = new Weekly(options);
    Weekly count = new Weekly(options);
    for (String[] f : Exported.csv(dir, report, CsatExport.FILE)) {
      if (region == null || f[2].equals(region)) {
        LocalDate day = Exported.helsinkiDay(f[1]);
        sum.add(day, Integer.parseInt(f[3]));
        count.add(day, 1);
      }
    }
    return Weekly.split(
        Weekly.ratio(sum.values(), count.values()), sum.weekOf(truth.vipCommunityLaunch()));
  }

  @Test
  void csatRisesByThirtyHundredths() {
    double[][] all = csat(null);
    assertThat(Weekly.mean(all[0])).isCloseTo(3.80, within(0.05));
    assertThat(Weekly.mean(all[1]) - Weekly.mean(all[0]))
        .isCloseTo(truth.vipCommunity().csatShift(), within(0.08))
        .isCloseTo(0.30, within(0.08));
    for (String region : truth.regions()) {
      double[][] means = csat(region);
      assertThat(Weekly.mean(means[1]) - Weekly.mean(means[0]))
          .as(region)
          .isCloseTo(0.30, within(0.12));
      assertThat(Weekly.welchP(means)).as(region).isLessThan(0.01);
    }
  }

  @Test
  void incidentsFallByFifteenPercent() {
    Weekly tickets = new Weekly(options);
    for (String[] f : Exported.csv(dir, report, TicketsExport.FILE)) {
      tickets.add(Exported.localDay(f[1], "dd.MM.yyyy HH:mm"), 1.0 / truth.regions().size());
    }
    double[][] split = tickets.split(truth.vipCommunityLaunch());
    assertThat(Weekly.mean(split[0])).isCloseTo(54, within(3.0));
    assertThat(Weekly.mean(split[1]) / Weekly.mean(split[0])).isCloseTo(0.85, within(0.04));
    assertThat(Weekly.welchP(split)).isLessThan(0.01);
  }

  @Test
  void complaintsFallAndSentimentRisesAtTheVipLaunch() {
    Weekly complaints = new Weekly(options);
    Weekly sentiment = new Weekly(options);
    Weekly mentions = new Weekly(options);
    for (JsonNode m : Exported.json(dir, report, MentionsExport.FILE)) {
      LocalDate day = Exported.helsinkiDay(m.get("created_at").asText());
      mentions.add(day, 1);
      sentiment.add(day, m.get("sentiment").asDouble());
      if (m.get("topic").asText().equals("complaint")) {
        complaints.add(day, 1);
      }
    }
    double[][] c = complaints.split(truth.vipCommunityLaunch());
    assertThat(Weekly.mean(c[1]) / Weekly.mean(c[0])).isCloseTo(0.80, within(0.08));
    assertThat(Weekly.welchP(c)).isLessThan(0.01);
    double[][] s =
        Weekly.split(
            Weekly.ratio(sentiment.values(), mentions.values()),
            mentions.weekOf(truth.vipCommunityLaunch()));
    assertThat(Weekly.mean(s[0]))
        .isCloseTo(truth.vipCommunity().sentimentMeanBefore(), within(0.02));
    assertThat(Weekly.mean(s[1]) - Weekly.mean(s[0])).isCloseTo(0.10, within(0.02));
  }

  /**
   * Weekly online sales, online orders and wholesale sales of a region, and its social sessions.
   */
  static Weekly[] orders(String region) {
    return orders(dir, report, options, region);
  }

  static Weekly[] orders(
      Path dir, GenerationReport report, GeneratorOptions options, String region) {
    Weekly sales = new Weekly(options);
    Weekly count = new Weekly(options);
    Weekly wholesale = new Weekly(options);
    for (String[] f : Exported.csv(dir, report, OrdersExport.FILE)) {
      if (f[2].equals(region)) {
        LocalDate day = Exported.localDay(f[1], "yyyy-MM-dd HH:mm:ss");
        double amount = Double.parseDouble(f[5]);
        if (f[3].equals("online")) {
          sales.add(day, amount);
          count.add(day, 1);
        } else if (f[3].equals("wholesale")) {
          wholesale.add(day, amount);
        }
      }
    }
    Weekly social = new Weekly(options);
    for (String[] f : Exported.csv(dir, report, WebSessionsExport.FILE)) {
      if (f[1].equals(region) && f[3].equals("social")) {
        social.add(
            LocalDate.parse(f[0], java.time.format.DateTimeFormatter.BASIC_ISO_DATE),
            Double.parseDouble(f[4]));
      }
    }
    return new Weekly[] {sales, count, wholesale, social};
  }

  @Test
  void fanCampaignRaisesOnlineSalesInNorthOnlyAndLeadsThemByTwoWeeks() {
    Truth.FanCampaign fans = truth.fanCampaign();
    // The effect reaches online orders two weeks after the launch, with the lead.
    LocalDate effective = fans.launched().plusDays(fans.leadDays());
    Weekly[] north = orders("north");
    int firstAfter = north[1].weekOf(effective);

    // Exactly the model: a week's online orders follow the social sessions of two weeks before.
    double[] online = north[1].values();
    double[] social = north[3].values();
    double[] observed = new double[2];
    double[] expected = new double[2];
    for (int w = 2; w < online.length; w++) {
      int side = w < firstAfter ? 0 : 1;
      observed[side] += online[w];
      expected[side] +=
          options.volume() * CompanyModel.ONLINE_BASE * CompanyModel.WEEK_SUM
              + fans.onlineOrdersPerSocialSession() * social[w - 2];
    }
    assertThat(observed[0] / expected[0]).isCloseTo(1.0, within(0.05));
    assertThat(observed[1] / expected[1]).isCloseTo(1.0, within(0.05));

    // About the expected growth, clearly significant; wholesale (the control) does not move.
    double[][] orders = north[1].split(effective);
    assertThat(Weekly.mean(orders[0])).isCloseTo(fans.weeklyOnlineOrdersBefore(), within(5.0));
    assertThat(Weekly.mean(orders[1]) / Weekly.mean(orders[0]))
        .isCloseTo(fans.weeklyOnlineOrdersAfter() / fans.weeklyOnlineOrdersBefore(), within(0.15));
    assertThat(Weekly.mean(north[0].split(effective)[1]))
        .isCloseTo(fans.weeklyOnlineSalesAfter(), within(0.15 * fans.weeklyOnlineSalesAfter()));
    assertThat(Weekly.welchP(north[0].split(fans.launched()))).isLessThan(0.01);
    assertThat(Weekly.welchP(north[2].split(fans.launched()))).as("wholesale").isGreaterThan(0.01);

    // South is a control region: no growth.
    Weekly[] south = orders("south");
    double[][] control = south[1].split(effective);
    assertThat(Weekly.mean(control[1]) / Weekly.mean(control[0])).isCloseTo(1.0, within(0.1));

    // First-differenced weekly social sessions lead online sales by exactly two windows.
    for (Weekly[] region : new Weekly[][] {north, south}) {
      double[] sessions = region[3].values();
      double[] sales = region[0].values();
      assertThat(Weekly.bestLag(sessions, sales, 4)).isEqualTo(fans.leadWindows()).isEqualTo(2);
      assertThat(Weekly.lagCorrelation(Weekly.diff(sessions), Weekly.diff(sales), 2))
          .isGreaterThan(0.5);
    }
  }

  @Test
  void jobsTabBringsTabApplicationsAndSixtyPercentMoreViaFacebookLedByTabViews() {
    Truth.JobsTab tab = truth.jobsTab();
    Weekly facebook = new Weekly(options);
    long tabBeforeLaunch = 0;
    long tabAfterLaunch = 0;
    for (String[] f : Exported.csv(dir, report, ApplicationsExport.FILE)) {
      LocalDate day = Exported.helsinkiDay(f[1]);
      if (f[2].startsWith("facebook_")) {
        facebook.add(day, 1);
      }
      if (f[2].equals("facebook_tab")) {
        if (day.isBefore(tab.launched())) {
          tabBeforeLaunch++;
        } else {
          tabAfterLaunch++;
        }
      }
    }
    assertThat(tabBeforeLaunch).isZero();
    assertThat(tabAfterLaunch).isPositive();
    double[][] split = facebook.split(tab.launched());
    double growth = Weekly.mean(split[1]) / Weekly.mean(split[0]) - 1;
    assertThat(growth).isCloseTo(0.60, within(0.20));
    assertThat(Weekly.welchP(split)).isLessThan(0.01);

    Weekly views = new Weekly(options);
    for (String[] f : Exported.csv(dir, report, JobsTabExport.FILE)) {
      views.add(LocalDate.parse(f[0]), Double.parseDouble(f[1]));
    }
    assertThat(Weekly.bestLag(views.values(), facebook.values(), 4))
        .isEqualTo(tab.leadWindows())
        .isEqualTo(1);
  }
}

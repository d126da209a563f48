package io.socialkpi.generate;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The effects written into generated data, of known size, so tests and benchmarks can check that
 * the pipeline finds what was put in (and, with {@code injected = false}, nothing). Written next to
 * the data as {@code truth.json}.
 *
 * <p>Launch days are offsets from the start: the regional fan campaign on day 399, the Facebook
 * jobs tab on day 427 and the VIP community on day 462 (2025-02-03, 2025-03-03 and 2025-04-07 from
 * 2024-01-01). When the range is too short to hold the last launch and eight weeks after it
 * ({@value #FULL_RANGE_DAYS} days), the launches go to 55%, 58% and 63% of the range instead
 * ({@code launchesAtFractions}).
 *
 * <p>Expected values are model expectations at the options' volume, not sample means: what an
 * unbiased estimate from the files should come out close to. Weekly values are per region unless
 * said otherwise; "after" means the steady state once a lead has passed.
 */
public record Truth(
    boolean injected,
    LocalDate start,
    int days,
    List<String> regions,
    boolean launchesAtFractions,
    VipCommunity vipCommunity,
    FanCampaign fanCampaign,
    JobsTab jobsTab) {

  static final int FAN_LAUNCH_DAY = 399;
  static final int TAB_LAUNCH_DAY = 427;
  static final int VIP_LAUNCH_DAY = 462;
  static final int FULL_RANGE_DAYS = VIP_LAUNCH_DAY + 8 * 7;

  public Truth {
    regions = List.copyOf(regions);
  }

  /**
   * VIP customer community (all regions): CSAT mean +0.30, incidents x0.85, complaint mentions
   * x0.80, mean mention sentiment +0.10, all from the launch day.
   */
  public record VipCommunity(
      LocalDate launched,
      double csatMeanBefore,
      double csatMeanAfter,
      double incidentFactor,
      double weeklyIncidentsBefore,
      double weeklyIncidentsAfter,
      double complaintFactor,
      double sentimentMeanBefore,
      double sentimentMeanAfter) {
    public double csatShift() {
      return csatMeanAfter - csatMeanBefore;
    }

    public double sentimentShift() {
      return sentimentMeanAfter - sentimentMeanBefore;
    }
  }

  /**
   * Regional fan campaign (one region; the others are controls): daily new fans x2 from the launch,
   * engaged users and social sessions follow new fans the same day, and online orders on day t
   * follow social sessions on day t - leadDays (onlineOrdersPerSocialSession each, at the options'
   * volume; 0 when nothing is injected). Wholesale orders never change.
   */
  public record FanCampaign(
      LocalDate launched,
      String region,
      double newFansFactor,
      double dailyNewFansBefore,
      double dailyNewFansAfter,
      int leadDays,
      double onlineOrdersPerSocialSession,
      double weeklySocialSessionsBefore,
      double weeklySocialSessionsAfter,
      double weeklyOnlineOrdersBefore,
      double weeklyOnlineOrdersAfter,
      double weeklyOnlineSalesBefore,
      double weeklyOnlineSalesAfter) {
    /** The lead in weekly windows. */
    public int leadWindows() {
      return leadDays / 7;
    }
  }

  /**
   * Facebook jobs tab (company-wide): facebook_tab applications from the launch (none before), tab
   * views x tabViewsFactor, and applications via Facebook (tab + posts) on day t follow tab views
   * on day t - leadDays, so they grow by facebookApplicationsFactor. Weekly values are for the
   * whole company.
   */
  public record JobsTab(
      LocalDate launched,
      double tabViewsFactor,
      double dailyTabViewsBefore,
      double dailyTabViewsAfter,
      int leadDays,
      double applicationsPerTabView,
      double facebookApplicationsFactor,
      double weeklyFacebookApplicationsBefore,
      double weeklyFacebookApplicationsAfter) {
    public int leadWindows() {
      return leadDays / 7;
    }
  }

  public LocalDate vipCommunityLaunch() {
    return vipCommunity.launched();
  }

  public LocalDate fanCampaignLaunch() {
    return fanCampaign.launched();
  }

  public LocalDate jobsTabLaunch() {
    return jobsTab.launched();
  }

  public String campaignRegion() {
    return fanCampaign.region();
  }

  /** Day index of a launch date (0 is the start). */
  int dayIndex(LocalDate date) {
    return (int) java.time.temporal.ChronoUnit.DAYS.between(start, date);
  }

  static Truth of(GeneratorOptions o) {
    boolean full = o.days() >= FULL_RANGE_DAYS;
    int n = o.days();
    LocalDate fan = o.day(full ? FAN_LAUNCH_DAY : (int) (n * 0.55));
    LocalDate tab = o.day(full ? TAB_LAUNCH_DAY : (int) (n * 0.58));
    LocalDate vip = o.day(full ? VIP_LAUNCH_DAY : (int) (n * 0.63));
    boolean in = o.inject();
    double v = o.volume();
    List<String> regions = IntStream.range(0, o.entities()).mapToObj(o::region).toList();

    double csat = CompanyModel.csatMean();
    double weeklyTickets = v * CompanyModel.TICKETS * CompanyModel.WEEK_SUM;
    double incidents = in ? CompanyModel.VIP_INCIDENT_FACTOR : 1;
    double complaints = in ? CompanyModel.VIP_COMPLAINT_FACTOR : 1;
    double sentiment = CompanyModel.sentimentMean(CompanyModel.TOPIC_SHARES, 0);
    double rise = in ? CompanyModel.VIP_SENTIMENT_RISE : 0;
    VipCommunity vipCommunity =
        new VipCommunity(
            vip,
            csat,
            csat + (in ? CompanyModel.VIP_CSAT_SHIFT : 0),
            incidents,
            weeklyTickets,
            weeklyTickets * incidents,
            complaints,
            sentiment,
            sentiment + rise);

    double fans = in ? CompanyModel.CAMPAIGN_NEW_FANS_FACTOR : 1;
    double perSession = in ? v * CompanyModel.ONLINE_ORDERS_PER_SOCIAL_SESSION : 0;
    double ordersBefore = CompanyModel.expectedWeeklyOnlineOrders(0, 1, v);
    double ordersAfter = in ? CompanyModel.expectedWeeklyOnlineOrders(0, fans, v) : ordersBefore;
    FanCampaign fanCampaign =
        new FanCampaign(
            fan,
            o.region(0),
            fans,
            CompanyModel.expectedNewFans(0, 1),
            CompanyModel.expectedNewFans(0, fans),
            CompanyModel.FAN_LEAD_DAYS,
            perSession,
            7 * CompanyModel.expectedSocialSessions(0, 1),
            7 * CompanyModel.expectedSocialSessions(0, fans),
            ordersBefore,
            ordersAfter,
            ordersBefore * CompanyModel.meanOnlineAmount(),
            ordersAfter * CompanyModel.meanOnlineAmount());

    double apps = in ? CompanyModel.JOBS_TAB_APPLICATIONS_FACTOR : 1;
    double views = CompanyModel.expectedTabViews();
    double viewsFactor = in ? CompanyModel.tabViewsFactor(apps) : 1;
    double weeklyFacebook = v * 7 * CompanyModel.expectedFacebookApplications(views);
    JobsTab jobsTab =
        new JobsTab(
            tab,
            viewsFactor,
            views,
            views * viewsFactor,
            CompanyModel.TAB_LEAD_DAYS,
            in ? v * CompanyModel.APPLICATIONS_PER_TAB_VIEW : 0,
            apps,
            weeklyFacebook,
            weeklyFacebook * apps);
    return new Truth(in, o.start(), n, regions, !full, vipCommunity, fanCampaign, jobsTab);
  }
}

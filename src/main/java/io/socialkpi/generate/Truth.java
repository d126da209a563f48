package io.socialkpi.generate;

import java.time.LocalDate;

/**
 * The effects written into generated data, so tests and benchmarks can check the pipeline finds
 * what was put in. Launch dates are offsets from the start (day 399, 427 and 462 of the default two
 * years: 2025-02-03, 2025-03-03 and 2025-04-07); shorter ranges put them at 55%, 58% and 63%.
 *
 * <p>Without injection ({@code injected = false}) there is no tactic effect and no lead either:
 * orders and applications do not depend on the social series at all.
 *
 * @param fanLeadDays online orders on day t follow social sessions on day t - fanLeadDays
 * @param tabLeadDays applications via Facebook on day t follow jobs-tab views on day t -
 *     tabLeadDays
 */
public record Truth(
    boolean injected,
    LocalDate fanCampaignLaunch,
    LocalDate jobsTabLaunch,
    LocalDate vipCommunityLaunch,
    String campaignRegion,
    double csatShift,
    double incidentFactor,
    double complaintFactor,
    double sentimentShift,
    double newFansFactor,
    double facebookApplicationsFactor,
    int fanLeadDays,
    int tabLeadDays) {

  static Truth of(GeneratorOptions o) {
    boolean full = o.days() >= 500;
    LocalDate fan = o.day(full ? 399 : (int) (o.days() * 0.55));
    LocalDate tab = o.day(full ? 427 : (int) (o.days() * 0.58));
    LocalDate vip = o.day(full ? 462 : (int) (o.days() * 0.63));
    if (!o.inject()) {
      return new Truth(false, fan, tab, vip, o.region(0), 0, 1, 1, 0, 1, 1, 14, 7);
    }
    return new Truth(true, fan, tab, vip, o.region(0), 0.30, 0.85, 0.80, 0.10, 2.0, 1.6, 14, 7);
  }

  /** The truth as JSON, written next to the data. */
  String toJson() {
    return String.format(
        java.util.Locale.ROOT,
        """
        {
          "injected": %s,
          "tactics": {
            "regional-fan-campaign": { "launched": "%s", "region": "%s", "new_fans_factor": %.2f },
            "facebook-jobs-tab": { "launched": "%s", "applications_via_facebook_factor": %.2f },
            "vip-community": { "launched": "%s", "csat_shift": %.2f, "incident_factor": %.2f,
                               "complaint_factor": %.2f, "sentiment_shift": %.2f }
          },
          "leads": {
            "web-sessions.social-referrals -> orders.sales": { "days": %d, "weeks": %d },
            "jobs-tab.views -> applications.via-facebook": { "days": %d, "weeks": %d }
          }
        }
        """,
        injected,
        fanCampaignLaunch,
        campaignRegion,
        newFansFactor,
        jobsTabLaunch,
        facebookApplicationsFactor,
        vipCommunityLaunch,
        csatShift,
        incidentFactor,
        complaintFactor,
        sentimentShift,
        fanLeadDays,
        fanLeadDays / 7,
        tabLeadDays,
        tabLeadDays / 7);
  }
}

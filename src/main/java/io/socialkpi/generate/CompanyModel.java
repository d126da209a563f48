package io.socialkpi.generate;

import java.time.DayOfWeek;

/**
 * The numbers that define Northwind Outfitters: base daily rates, weekday pattern, how the social
 * series drive orders and applications, and the size of every tactic effect. The exports draw from
 * these and {@link Truth} derives its expected values from them, so the two cannot drift apart.
 * Rates are per region and day at volume 1 unless said otherwise.
 */
final class CompanyModel {
  private CompanyModel() {}

  // Weekday pattern: busy Mondays, quiet weekends (sums to 6.75 over a week).
  static final double WEEK_SUM = 6.75;

  static double weekday(DayOfWeek dow) {
    return switch (dow) {
      case MONDAY -> 1.15;
      case SATURDAY -> 0.8;
      case SUNDAY -> 0.6;
      default -> 1.05;
    };
  }

  // Fans: a steady trickle plus campaign posts on random days (bursts), so weeks differ.
  static final double BURST_CHANCE = 0.15;
  static final double BURST_MIN = 50;
  static final double BURST_MAX = 300;
  static final double NEW_FANS_SD = 3;
  static final double CAMPAIGN_NEW_FANS_FACTOR = 2.0;

  static double baseNewFans(int region) {
    return new double[] {20, 15, 18, 12}[region % 4];
  }

  static long startFans(int region) {
    return 5000 + 1000L * (region % 4) + 137L * region;
  }

  static double expectedNewFans(int region, double factor) {
    return factor * (baseNewFans(region) + BURST_CHANCE * (BURST_MIN + BURST_MAX) / 2);
  }

  // Engagement and social sessions follow the day's new fans.
  static final double ENGAGED_BASE = 150;
  static final double ENGAGED_PER_NEW_FAN = 3;
  static final double IMPRESSIONS_PER_ENGAGED = 18;
  static final double SOCIAL_SESSIONS_BASE = 40;
  static final double SOCIAL_SESSIONS_PER_NEW_FAN = 1.2;
  static final double FACEBOOK_SHARE_OF_SOCIAL = 0.6;

  static double expectedSocialSessions(int region, double fansFactor) {
    return SOCIAL_SESSIONS_BASE + SOCIAL_SESSIONS_PER_NEW_FAN * expectedNewFans(region, fansFactor);
  }

  // Orders. Online orders on day t: a weekday-shaped base plus a share of the social sessions of
  // day t - FAN_LEAD_DAYS. Store orders and wholesale (the control) follow no social series.
  static final int FAN_LEAD_DAYS = 14;
  static final double ONLINE_BASE = 5;
  static final double ONLINE_ORDERS_PER_SOCIAL_SESSION = 0.06;
  static final double STORE = 3.5;
  static final double WHOLESALE_WEEKDAY = 1.1;
  static final double WHOLESALE_WEEKEND = 0.1;
  static final double ONLINE_AMOUNT_MU = 4.0;
  static final double ONLINE_AMOUNT_SIGMA = 0.5;
  static final double STORE_AMOUNT_MU = 3.8;
  static final double STORE_AMOUNT_SIGMA = 0.6;
  static final double WHOLESALE_AMOUNT_MU = 6.5;
  static final double WHOLESALE_AMOUNT_SIGMA = 0.4;

  static double meanOnlineAmount() {
    return Math.exp(ONLINE_AMOUNT_MU + ONLINE_AMOUNT_SIGMA * ONLINE_AMOUNT_SIGMA / 2);
  }

  static double expectedWeeklyOnlineOrders(int region, double fansFactor, double volume) {
    double social =
        ONLINE_ORDERS_PER_SOCIAL_SESSION * 7 * expectedSocialSessions(region, fansFactor);
    return volume * (ONLINE_BASE * WEEK_SUM + social);
  }

  // Call-center tickets, weekday-shaped; the VIP community takes 15% away.
  static final double TICKETS = 8;
  static final double VIP_INCIDENT_FACTOR = 0.85;

  // CSAT: scores 1..5 with mean 3.80. After the VIP community a response is one point higher
  // (unless already 5) with probability 0.30 / P(score < 5), which lifts the mean by exactly 0.30.
  static final double CSAT_RESPONSES = 6;
  static final double[] CSAT_PMF = {0.05, 0.08, 0.19, 0.38, 0.30};
  static final double VIP_CSAT_SHIFT = 0.30;

  static double csatMean() {
    double m = 0;
    for (int s = 0; s < CSAT_PMF.length; s++) {
      m += (s + 1) * CSAT_PMF[s];
    }
    return m;
  }

  static double csatUpgradeChance(double shift) {
    return shift / (1 - CSAT_PMF[4]);
  }

  // Mentions: topic mix and sentiment per topic; sentiment noise is bounded (+-0.4) and no topic
  // mean comes within 0.4 of -1 or 1, so no value is ever clipped and the means below are exact.
  static final double MENTIONS = 10;
  static final String[] TOPICS = {"complaint", "praise", "question", "other"};
  static final double[] TOPIC_SHARES = {0.25, 0.30, 0.20, 0.25};
  static final double[] TOPIC_SENTIMENT = {-0.45, 0.50, 0.05, 0.10};
  static final double SENTIMENT_NOISE = 0.2;
  static final double VIP_COMPLAINT_FACTOR = 0.80;
  static final double VIP_SENTIMENT_RISE = 0.10;

  /** Topic shares after the VIP community: fewer complaints, the rest become "other". */
  static double[] topicShares(double complaintFactor) {
    double[] s = TOPIC_SHARES.clone();
    double moved = s[0] * (1 - complaintFactor);
    s[0] -= moved;
    s[3] += moved;
    return s;
  }

  static double sentimentMean(double[] shares, double perMentionShift) {
    double m = perMentionShift;
    for (int t = 0; t < shares.length; t++) {
      m += shares[t] * TOPIC_SENTIMENT[t];
    }
    return m;
  }

  /** The per-mention shift that, with the new topic mix, lifts the mean by VIP_SENTIMENT_RISE. */
  static double sentimentShiftPerMention(double complaintFactor, double rise) {
    double mix = sentimentMean(topicShares(complaintFactor), 0) - sentimentMean(TOPIC_SHARES, 0);
    return rise - mix;
  }

  // Jobs tab views (company page): a plain link before the launch, with job posts on random days.
  static final double TAB_VIEWS = 30;
  static final double TAB_BURST_CHANCE = 0.12;
  static final double TAB_BURST_MIN = 40;
  static final double TAB_BURST_MAX = 160;

  static double expectedTabViews() {
    return TAB_VIEWS + TAB_BURST_CHANCE * (TAB_BURST_MIN + TAB_BURST_MAX) / 2;
  }

  // Applications (company-wide, per day). Via Facebook on day t: a base plus a share of the tab
  // views of day t - TAB_LEAD_DAYS. After the launch 70% of them come through the tab itself.
  static final int TAB_LEAD_DAYS = 7;
  static final double FACEBOOK_APPLICATIONS_BASE = 0.5;
  static final double APPLICATIONS_PER_TAB_VIEW = 0.04;
  static final double TAB_SHARE_AFTER_LAUNCH = 0.7;
  static final double JOBS_TAB_APPLICATIONS_FACTOR = 1.6;
  static final String[] OTHER_APPLICATION_SOURCES = {"linkedin", "careers_site", "referral"};
  static final double[] OTHER_APPLICATIONS = {1.3, 2.1, 0.4};

  static double expectedFacebookApplications(double tabViews) {
    return FACEBOOK_APPLICATIONS_BASE + APPLICATIONS_PER_TAB_VIEW * tabViews;
  }

  /** How much tab views must grow for Facebook applications to grow by {@code factor}. */
  static double tabViewsFactor(double factor) {
    double before = expectedFacebookApplications(expectedTabViews());
    return (factor * before - FACEBOOK_APPLICATIONS_BASE)
        / (APPLICATIONS_PER_TAB_VIEW * expectedTabViews());
  }
}

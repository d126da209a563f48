package io.socialkpi.generate;

/**
 * The latent daily social series behind the exports: new fans (with campaign bursts), cumulative
 * fans, engaged users, impressions and social sessions per region, and jobs-tab views for the
 * company. Business outcomes are drawn from these with a known lead, so the social metrics move
 * first.
 *
 * <p>The series roll forward one day at a time and keep only the last {@value #HISTORY} days, so
 * memory does not grow with the range. They start {@link CompanyModel#FAN_LEAD_DAYS} days before
 * the first day of data, so that the lead holds from the first day written.
 */
final class Drivers {
  static final int WARM_UP_DAYS = CompanyModel.FAN_LEAD_DAYS;
  static final int HISTORY = WARM_UP_DAYS + 1;

  private final GeneratorOptions options;
  private final int fanLaunchDay;
  private final int tabLaunchDay;
  private final double tabViewsFactor;
  private final long[] fans;
  private final int[] newFans;
  private final int[] engaged;
  private final long[] impressions;
  private final int[] facebookSessions;
  private final int[] instagramSessions;
  private final int[][] socialHistory;
  private final int[] tabViewsHistory = new int[HISTORY];
  private int today = Integer.MIN_VALUE;

  Drivers(GeneratorOptions o, Truth truth) {
    this.options = o;
    int regions = o.entities();
    this.fanLaunchDay = truth.dayIndex(truth.fanCampaignLaunch());
    this.tabLaunchDay = truth.dayIndex(truth.jobsTabLaunch());
    this.tabViewsFactor = truth.jobsTab().tabViewsFactor();
    this.fans = new long[regions];
    this.newFans = new int[regions];
    this.engaged = new int[regions];
    this.impressions = new long[regions];
    this.facebookSessions = new int[regions];
    this.instagramSessions = new int[regions];
    this.socialHistory = new int[HISTORY][regions];
    for (int r = 0; r < regions; r++) {
      fans[r] = CompanyModel.startFans(r);
    }
  }

  /** Moves to {@code day}; days must come in order, starting at -{@link #WARM_UP_DAYS}. */
  void advance(int day) {
    today = day;
    for (int r = 0; r < fans.length; r++) {
      Rand rand = Rand.of(options.seed(), "drivers/fans", r, day);
      boolean campaign = options.inject() && r == 0 && day >= fanLaunchDay;
      double burst =
          rand.chance(CompanyModel.BURST_CHANCE)
              ? rand.uniform(CompanyModel.BURST_MIN, CompanyModel.BURST_MAX)
              : 0;
      double expected = CompanyModel.baseNewFans(r) + burst;
      if (campaign) {
        expected *= CompanyModel.CAMPAIGN_NEW_FANS_FACTOR;
      }
      int gained = (int) Math.max(0, Math.round(rand.normal(expected, CompanyModel.NEW_FANS_SD)));
      newFans[r] = gained;
      fans[r] += gained;
      double engagedMean = CompanyModel.ENGAGED_BASE + CompanyModel.ENGAGED_PER_NEW_FAN * gained;
      engaged[r] = (int) Math.max(0, Math.round(rand.normal(engagedMean, 20)));
      impressions[r] =
          Math.max(
              0, Math.round(rand.normal(CompanyModel.IMPRESSIONS_PER_ENGAGED * engaged[r], 300)));
      double social =
          CompanyModel.SOCIAL_SESSIONS_BASE + CompanyModel.SOCIAL_SESSIONS_PER_NEW_FAN * gained;
      facebookSessions[r] = rand.poisson(CompanyModel.FACEBOOK_SHARE_OF_SOCIAL * social);
      instagramSessions[r] = rand.poisson((1 - CompanyModel.FACEBOOK_SHARE_OF_SOCIAL) * social);
      socialHistory[slot(day)][r] = facebookSessions[r] + instagramSessions[r];
    }
    Rand rand = Rand.of(options.seed(), "drivers/jobs-tab", 0, day);
    double views =
        CompanyModel.TAB_VIEWS
            + (rand.chance(CompanyModel.TAB_BURST_CHANCE)
                ? rand.uniform(CompanyModel.TAB_BURST_MIN, CompanyModel.TAB_BURST_MAX)
                : 0);
    if (options.inject() && day >= tabLaunchDay) {
      views *= tabViewsFactor;
    }
    tabViewsHistory[slot(day)] = (int) Math.max(0, Math.round(rand.normal(views, 4)));
  }

  private static int slot(int day) {
    return Math.floorMod(day, HISTORY);
  }

  private int back(int lagDays) {
    if (lagDays < 0 || lagDays >= HISTORY) {
      throw new IllegalArgumentException("lag must be 0.." + (HISTORY - 1) + ", was " + lagDays);
    }
    return slot(today - lagDays);
  }

  long fans(int region) {
    return fans[region];
  }

  int newFans(int region) {
    return newFans[region];
  }

  int engaged(int region) {
    return engaged[region];
  }

  long impressions(int region) {
    return impressions[region];
  }

  int facebookSessions(int region) {
    return facebookSessions[region];
  }

  int instagramSessions(int region) {
    return instagramSessions[region];
  }

  /** Facebook plus Instagram sessions of {@code lagDays} days ago. */
  int socialSessions(int region, int lagDays) {
    return socialHistory[back(lagDays)][region];
  }

  int tabViews(int lagDays) {
    return tabViewsHistory[back(lagDays)];
  }
}

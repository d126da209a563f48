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
  private final RegionDay[] today;
  private final int[][] socialHistory;
  private final int[] tabViewsHistory = new int[HISTORY];
  private int currentDay = Integer.MIN_VALUE;

  Drivers(GeneratorOptions o, Truth truth) {
    this.options = o;
    int regions = o.entities();
    this.fanLaunchDay = truth.dayIndex(truth.fanCampaignLaunch());
    this.tabLaunchDay = truth.dayIndex(truth.jobsTabLaunch());
    this.tabViewsFactor = truth.jobsTab().tabViewsFactor();
    this.today = new RegionDay[regions];
    this.socialHistory = new int[HISTORY][regions];
    // Only the cumulative fans carry over from one day to the next.
    for (int r = 0; r < regions; r++) {
      today[r] = new RegionDay(CompanyModel.startFans(r), 0, 0, 0, 0);
    }
  }

  /**
   * One region's latent social series on the current day.
   *
   * @param fans cumulative page fans
   * @param engaged engaged users
   * @param impressions page impressions
   * @param facebookSessions web sessions referred by Facebook
   * @param instagramSessions web sessions referred by Instagram
   */
  record RegionDay(
      long fans, int engaged, long impressions, int facebookSessions, int instagramSessions) {}

  /** Moves to {@code day}; days must come in order, starting at -{@link #WARM_UP_DAYS}. */
  void advance(int day) {
    currentDay = day;
    for (int r = 0; r < today.length; r++) {
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
      double engagedMean = CompanyModel.ENGAGED_BASE + CompanyModel.ENGAGED_PER_NEW_FAN * gained;
      int engaged = (int) Math.max(0, Math.round(rand.normal(engagedMean, 20)));
      long impressions =
          Math.max(0, Math.round(rand.normal(CompanyModel.IMPRESSIONS_PER_ENGAGED * engaged, 300)));
      double social =
          CompanyModel.SOCIAL_SESSIONS_BASE + CompanyModel.SOCIAL_SESSIONS_PER_NEW_FAN * gained;
      int facebook = rand.poisson(CompanyModel.FACEBOOK_SHARE_OF_SOCIAL * social);
      int instagram = rand.poisson((1 - CompanyModel.FACEBOOK_SHARE_OF_SOCIAL) * social);
      today[r] = new RegionDay(today[r].fans() + gained, engaged, impressions, facebook, instagram);
      socialHistory[slot(day)][r] = facebook + instagram;
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
    return slot(currentDay - lagDays);
  }

  /** The series of {@code region} on the current day. */
  RegionDay today(int region) {
    return today[region];
  }

  /** Facebook plus Instagram sessions of {@code lagDays} days ago. */
  int socialSessions(int region, int lagDays) {
    return socialHistory[back(lagDays)][region];
  }

  int tabViews(int lagDays) {
    return tabViewsHistory[back(lagDays)];
  }
}

package io.socialkpi.generate;

import java.time.DayOfWeek;

/**
 * The latent daily social series behind every export: new fans (with campaign bursts), engaged
 * users, social sessions per region, and jobs-tab views for the company. Business outcomes are
 * drawn from these, so the social metrics lead them by a known number of days.
 */
final class Drivers {
  final double[][] newFans;
  final long[][] fans;
  final double[][] engaged;
  final double[][] socialSessions;
  final double[] tabViews;

  private Drivers(int regions, int days) {
    newFans = new double[regions][days];
    fans = new long[regions][days];
    engaged = new double[regions][days];
    socialSessions = new double[regions][days];
    tabViews = new double[days];
  }

  static Drivers of(GeneratorOptions o, Truth truth) {
    Drivers d = new Drivers(o.entities(), o.days());
    int fanLaunch = index(o, truth.fanCampaignLaunch());
    for (int r = 0; r < o.entities(); r++) {
      Rand rand = new Rand(o.seed(), "drivers-" + r);
      boolean campaign = o.region(r).equals(truth.campaignRegion());
      long total = 5000 + 1000L * r;
      for (int day = 0; day < o.days(); day++) {
        double base = r == 0 ? 20 : 15;
        double burst = rand.chance(0.15) ? rand.uniform(50, 300) : 0;
        double fansToday = base + burst;
        if (campaign && day >= fanLaunch) {
          fansToday *= truth.newFansFactor();
        }
        fansToday = Math.max(0, Math.round(rand.normal(fansToday, 3)));
        d.newFans[r][day] = fansToday;
        total += (long) fansToday;
        d.fans[r][day] = total;
        d.engaged[r][day] = Math.max(0, Math.round(rand.normal(150 + 3 * fansToday, 20)));
        d.socialSessions[r][day] = Math.max(0, Math.round(rand.normal(40 + 1.2 * fansToday, 8)));
      }
    }
    Rand rand = new Rand(o.seed(), "jobs-tab");
    int tabLaunch = index(o, truth.jobsTabLaunch());
    for (int day = 0; day < o.days(); day++) {
      double views = 30 + (rand.chance(0.12) ? rand.uniform(40, 160) : 0);
      if (truth.injected() && day >= tabLaunch) {
        views *= 2.2;
      }
      d.tabViews[day] = Math.max(0, Math.round(rand.normal(views, 4)));
    }
    return d;
  }

  static int index(GeneratorOptions o, java.time.LocalDate date) {
    return (int) java.time.temporal.ChronoUnit.DAYS.between(o.start(), date);
  }

  /** A lagged driver value, falling back to the first day's before the data starts. */
  static double lagged(double[] series, int day, int lag) {
    return series[Math.max(0, day - lag)];
  }

  /** Fewer orders at the weekend, more on Mondays: realistic weekday seasonality. */
  static double weekday(java.time.LocalDate date) {
    DayOfWeek dow = date.getDayOfWeek();
    return switch (dow) {
      case SATURDAY -> 0.8;
      case SUNDAY -> 0.6;
      case MONDAY -> 1.15;
      default -> 1.05;
    };
  }
}

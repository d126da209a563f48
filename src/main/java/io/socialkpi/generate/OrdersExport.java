package io.socialkpi.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;

/**
 * Web shop, store and wholesale orders, local Helsinki time without offset. Online orders on day t
 * are a weekday-shaped base plus a share of the social sessions of day t - 14 (referred through
 * Facebook or Instagram); when nothing is injected that share is a constant of the same size. Store
 * orders follow the weekday only, wholesale (the control) weekdays and weekends only. Broken rows:
 * an impossible date, an amount with a decimal comma, an empty region, a field too many, and a
 * duplicate of an earlier line.
 */
final class OrdersExport extends DailyExport {
  static final String FILE = "business/orders.csv";
  private static final String[] CHANNELS = {"online", "store", "wholesale"};
  private static final String[] OTHER_SOURCES = {"google", "direct", "newsletter"};
  private static final double[] OTHER_SHARES = {0.5, 0.3, 0.2};

  private long id;

  OrdersExport(GeneratorOptions o, Path outDir) throws IOException {
    super(
        o,
        outDir,
        FILE,
        "order_id,ordered_at,region,channel,original_source,amount",
        Fault.BAD_TIME,
        Fault.NON_NUMERIC,
        Fault.MISSING_VALUE,
        Fault.WRONG_FIELD_COUNT,
        Fault.DUPLICATE);
  }

  @Override
  void writeDay(int day, Clock clock, Drivers drivers) throws IOException {
    double season = CompanyModel.weekday(clock.date.getDayOfWeek());
    DayOfWeek dow = clock.date.getDayOfWeek();
    boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    double v = options.volume();
    if (faults.keepsRowOn(day)) {
      sink.keepNextRow();
    }
    for (int r = 0; r < options.entities(); r++) {
      double sessions =
          options.inject()
              ? drivers.socialSessions(r, CompanyModel.FAN_LEAD_DAYS)
              : CompanyModel.expectedSocialSessions(r, 1);
      double social = v * CompanyModel.ONLINE_ORDERS_PER_SOCIAL_SESSION * sessions;
      double[] rates = {
        v * CompanyModel.ONLINE_BASE * season + social,
        v * CompanyModel.STORE * season,
        v * (weekend ? CompanyModel.WHOLESALE_WEEKEND : CompanyModel.WHOLESALE_WEEKDAY)
      };
      double socialShare = social / rates[0];
      Rand rand = Rand.of(options.seed(), FILE, r, day);
      int n = rand.poisson(rates[0] + rates[1] + rates[2]);
      for (int second : Clock.businessSeconds(rand, n)) {
        int channel = rand.pick(rates);
        String source;
        double amount;
        if (channel == 0) {
          source =
              rand.chance(socialShare)
                  ? (rand.chance(CompanyModel.FACEBOOK_SHARE_OF_SOCIAL) ? "facebook" : "instagram")
                  : OTHER_SOURCES[rand.pick(OTHER_SHARES)];
          amount = rand.logNormal(CompanyModel.ONLINE_AMOUNT_MU, CompanyModel.ONLINE_AMOUNT_SIGMA);
        } else if (channel == 1) {
          source = "walk-in";
          amount = rand.logNormal(CompanyModel.STORE_AMOUNT_MU, CompanyModel.STORE_AMOUNT_SIGMA);
        } else {
          source = "sales-rep";
          amount =
              rand.logNormal(CompanyModel.WHOLESALE_AMOUNT_MU, CompanyModel.WHOLESALE_AMOUNT_SIGMA);
        }
        StringBuilder line = start(clock.iso, second, options.region(r), CHANNELS[channel]);
        Decimal.append(line.append(source).append(','), amount, 2);
        sink.row();
      }
    }
    writeBroken(day, clock);
  }

  private void writeBroken(int day, Clock clock) throws IOException {
    String north = options.region(0);
    if (faults.at(Fault.BAD_TIME, day)) {
      String date = clock.date.getYear() + "-02-30";
      start(date, 10 * 3600, north, "online").append("google,12.00");
      sink.broken(Fault.BAD_TIME, "ordered_at '" + date + " 10:00:00' is not a real date");
    }
    if (faults.at(Fault.NON_NUMERIC, day)) {
      start(clock.iso, 12 * 3600, north, "online").append("google,\"12,50\"");
      sink.broken(Fault.NON_NUMERIC, "amount '12,50' has a decimal comma");
    }
    if (faults.at(Fault.MISSING_VALUE, day)) {
      start(clock.iso, 13 * 3600, "", "online").append("google,20.00");
      sink.broken(Fault.MISSING_VALUE, "region is empty");
    }
    if (faults.at(Fault.WRONG_FIELD_COUNT, day)) {
      start(clock.iso, 14 * 3600, north, "online").append("google,20.00,EUR");
      sink.broken(Fault.WRONG_FIELD_COUNT, "7 fields, the header has 6");
    }
    if (faults.at(Fault.DUPLICATE, day)) {
      sink.duplicateKept();
    }
  }

  /** The line up to and including the comma before original_source. */
  private StringBuilder start(String date, int second, String region, String channel) {
    StringBuilder line = sink.line().append('O').append(++id).append(',').append(date).append(' ');
    Clock.appendTime(line, second, true);
    return line.append(',').append(region).append(',').append(channel).append(',');
  }
}

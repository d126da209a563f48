package io.socialkpi.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;

/** Writes the business side: orders, call-center tickets, CSAT responses and job applications. */
final class BusinessExports {
  private static final String[] CATEGORIES = {"billing", "delivery", "product", "complaint"};
  private static final String[] POSITIONS = {
    "store-associate", "warehouse", "customer-service", "developer"
  };

  private BusinessExports() {}

  static FileReport orders(GeneratorOptions o, Truth t, Drivers d, Path out) throws IOException {
    String name = "business/orders.csv";
    long id = 0;
    try (Sink sink =
        new Sink(
            out.resolve(name),
            "order_id,ordered_at,region,channel,original_source,amount",
            o.malformed())) {
      for (int r = 0; r < o.entities(); r++) {
        Rand rand = new Rand(o.seed(), name + r);
        for (int day = 0; day < o.days(); day++) {
          LocalDate date = o.day(day);
          double season = Drivers.weekday(date);
          // Without injection orders do not follow social sessions at all: a null data set.
          double socialPart =
              t.injected() ? 0.08 * Drivers.lagged(d.socialSessions[r], day, t.fanLeadDays()) : 7.6;
          double online = o.volume() * (6 * season + socialPart);
          int nOnline = rand.poisson(online);
          int nStore = rand.poisson(o.volume() * 4 * season);
          int nWholesale = rand.poisson(o.volume() * 0.7);
          for (LocalDateTime at : Clock.times(rand, date, nOnline + nStore + nWholesale)) {
            int channel = rand.pick(new double[] {nOnline, nStore, nWholesale});
            String source;
            double amount;
            if (channel == 0) {
              source =
                  rand.chance(socialPart / (6 * season + socialPart))
                      ? (rand.chance(0.6) ? "facebook" : "instagram")
                      : (rand.chance(0.5) ? "google" : rand.chance(0.6) ? "direct" : "newsletter");
              amount = Math.exp(rand.normal(4.0, 0.5));
            } else if (channel == 1) {
              source = "store";
              amount = Math.exp(rand.normal(3.8, 0.6));
            } else {
              source = "sales-rep";
              amount = Math.exp(rand.normal(6.5, 0.4));
            }
            String[] channels = {"online", "store", "wholesale"};
            sink.row(
                String.format(
                    Locale.ROOT,
                    "O%d,%s,%s,%s,%s,%.2f",
                    ++id,
                    at.format(Clock.LOCAL),
                    o.region(r),
                    channels[channel],
                    source,
                    amount));
          }
          if (r == 0 && day == o.days() / 4) {
            sink.broken(
                String.format(
                    Locale.ROOT,
                    "O%d,%s-02-30 10:00:00,north,online,google,12.00",
                    ++id,
                    date.getYear()));
            sink.broken(
                String.format(
                    Locale.ROOT, "O%d,%s 12:00:00,north,online,google,\"12,50\"", ++id, date));
            sink.broken(
                String.format(Locale.ROOT, "O%d,%s 13:00:00,,online,google,20.00", ++id, date));
            sink.broken(
                String.format(
                    Locale.ROOT, "O%d,%s 14:00:00,north,online,google,20.00,EUR", ++id, date));
            sink.duplicateOfEarlierRow();
          }
        }
      }
      return new FileReport(name, sink.rows(), sink.broken());
    }
  }

  static FileReport tickets(GeneratorOptions o, Truth t, Path out) throws IOException {
    String name = "business/tickets.csv";
    long id = 0;
    try (Sink sink =
        new Sink(out.resolve(name), "ticket_id;opened_at;region;category", o.malformed())) {
      for (int r = 0; r < o.entities(); r++) {
        Rand rand = new Rand(o.seed(), name + r);
        for (int day = 0; day < o.days(); day++) {
          LocalDate date = o.day(day);
          boolean after = t.injected() && !date.isBefore(t.vipCommunityLaunch());
          double rate = o.volume() * 8 * Drivers.weekday(date) * (after ? t.incidentFactor() : 1);
          for (LocalDateTime at : Clock.times(rand, date, rand.poisson(rate))) {
            sink.row(
                String.format(
                    Locale.ROOT,
                    "T%d;%s;%s;%s",
                    ++id,
                    at.format(Clock.TICKET),
                    o.region(r),
                    CATEGORIES[rand.nextInt(CATEGORIES.length)]));
          }
          if (r == 1 % o.entities() && day == o.days() / 5) {
            sink.broken(
                String.format(
                    Locale.ROOT,
                    "T%d;%s;%s;delivery",
                    ++id,
                    date.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                        + " 10:00",
                    o.region(r)));
            sink.broken("");
          }
        }
      }
      return new FileReport(name, sink.rows(), sink.broken());
    }
  }

  static FileReport csat(GeneratorOptions o, Truth t, Path out) throws IOException {
    String name = "business/csat_responses.csv";
    long id = 0;
    try (Sink sink =
        new Sink(out.resolve(name), "response_id,submitted_at,region,score", o.malformed())) {
      for (int r = 0; r < o.entities(); r++) {
        Rand rand = new Rand(o.seed(), name + r);
        for (int day = 0; day < o.days(); day++) {
          LocalDate date = o.day(day);
          boolean after = t.injected() && !date.isBefore(t.vipCommunityLaunch());
          double mean = 3.8 + (after ? t.csatShift() : 0);
          for (LocalDateTime at : Clock.times(rand, date, rand.poisson(o.volume() * 6))) {
            long score = Math.max(1, Math.min(5, Math.round(rand.normal(mean, 0.8))));
            sink.row(
                String.format(
                    Locale.ROOT, "R%d,%s,%s,%d", ++id, Clock.withOffset(at), o.region(r), score));
          }
          if (r == 0 && day == o.days() / 6) {
            sink.broken(
                String.format(
                    Locale.ROOT,
                    "R%d,%s,%s,n/a",
                    ++id,
                    Clock.withOffset(date.atTime(12, 0)),
                    o.region(r)));
            sink.duplicateOfEarlierRow();
          }
        }
      }
      return new FileReport(name, sink.rows(), sink.broken());
    }
  }

  static FileReport applications(GeneratorOptions o, Truth t, Drivers d, Path out)
      throws IOException {
    String name = "business/applications.csv";
    long id = 0;
    int tabLaunch = Drivers.index(o, t.jobsTabLaunch());
    try (Sink sink =
        new Sink(out.resolve(name), "application_id,submitted_at,source,position", o.malformed())) {
      Rand rand = new Rand(o.seed(), name);
      for (int day = 0; day < o.days(); day++) {
        LocalDate date = o.day(day);
        // Without injection applications do not follow tab views at all: a null data set.
        double views = t.injected() ? Drivers.lagged(d.tabViews, day, t.tabLeadDays()) : 42;
        double facebook = o.volume() * (1 + 0.025 * views);
        double tabShare = t.injected() && day >= tabLaunch ? 0.7 : 0;
        double[] rates = {
          facebook * tabShare,
          facebook * (1 - tabShare),
          o.volume() * 2,
          o.volume() * 3,
          o.volume() * 0.5
        };
        String[] sources = {
          "facebook_tab", "facebook_post", "linkedin", "careers_site", "referral"
        };
        int n = 0;
        int[] counts = new int[rates.length];
        for (int s = 0; s < rates.length; s++) {
          counts[s] = rand.poisson(rates[s]);
          n += counts[s];
        }
        LocalDateTime[] times = Clock.times(rand, date, n);
        int k = 0;
        for (int s = 0; s < rates.length; s++) {
          for (int i = 0; i < counts[s]; i++) {
            sink.row(
                String.format(
                    Locale.ROOT,
                    "A%d,%s,%s,%s",
                    ++id,
                    Clock.withOffset(times[k++]),
                    sources[s],
                    POSITIONS[rand.nextInt(POSITIONS.length)]));
          }
        }
        if (day == o.days() / 7) {
          sink.broken(String.format(Locale.ROOT, "A%d,%s 09:15,linkedin,developer", ++id, date));
        }
      }
      return new FileReport(name, sink.rows(), sink.broken());
    }
  }
}

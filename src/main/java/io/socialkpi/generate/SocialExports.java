package io.socialkpi.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/** Writes the social side: page insights, jobs-tab insights, mentions and web sessions. */
final class SocialExports {
  private static final String[] TOPICS = {"complaint", "praise", "question", "other"};
  private static final String[] CHANNELS = {"twitter", "facebook", "instagram"};

  private SocialExports() {}

  static FileReport pageInsights(GeneratorOptions o, Drivers d, Path out) throws IOException {
    String name = "social/page_insights.csv";
    int bad = o.days() / 3;
    try (Sink sink =
        new Sink(
            out.resolve(name), "date,region,page_fans,engaged_users,impressions", o.malformed())) {
      Rand rand = new Rand(o.seed(), name);
      for (int day = 0; day < o.days(); day++) {
        for (int r = 0; r < o.entities(); r++) {
          double impressions = Math.round(rand.normal(18 * d.engaged[r][day], 300));
          sink.row(
              String.format(
                  Locale.ROOT,
                  "%s,%s,%d,%.0f,%.0f",
                  o.day(day),
                  o.region(r),
                  d.fans[r][day],
                  d.engaged[r][day],
                  Math.max(0, impressions)));
        }
        if (day == bad) {
          sink.broken(o.day(day) + "," + o.region(0) + "," + d.fans[0][day] + ",n/a,1200");
        }
      }
      return new FileReport(name, sink.rows(), sink.broken());
    }
  }

  static FileReport jobsTab(GeneratorOptions o, Drivers d, Path out) throws IOException {
    String name = "social/jobs_tab_insights.csv";
    try (Sink sink = new Sink(out.resolve(name), "date,tab_views", o.malformed())) {
      for (int day = 0; day < o.days(); day++) {
        sink.row(String.format(Locale.ROOT, "%s,%.0f", o.day(day), d.tabViews[day]));
      }
      return new FileReport(name, sink.rows(), sink.broken());
    }
  }

  static FileReport mentions(GeneratorOptions o, Truth t, Path out) throws IOException {
    String name = "social/mentions.jsonl";
    int bad = o.days() / 2;
    long id = 0;
    try (Sink sink = new Sink(out.resolve(name), null, o.malformed())) {
      for (int r = 0; r < o.entities(); r++) {
        Rand rand = new Rand(o.seed(), name + r);
        for (int day = 0; day < o.days(); day++) {
          LocalDate date = o.day(day);
          boolean after = t.injected() && !date.isBefore(t.vipCommunityLaunch());
          double complaintShare = 0.25 * (after ? t.complaintFactor() : 1);
          double sentiment = 0.1 + (after ? t.sentimentShift() : 0);
          int n = rand.poisson(10 * o.volume());
          for (LocalDateTime at : Clock.times(rand, date, n)) {
            int topic = rand.pick(new double[] {complaintShare, 0.3, 0.25, 0.45 - complaintShare});
            double s = rand.normal(sentiment - (topic == 0 ? 0.3 : 0), 0.35);
            s = Math.max(-1, Math.min(1, s));
            sink.row(
                String.format(
                    Locale.ROOT,
                    "{\"mention_id\":\"M%d\",\"created_at\":\"%s\",\"region\":\"%s\",\"sentiment\":%.3f,\"topic\":\"%s\",\"channel\":\"%s\"}",
                    ++id,
                    Clock.utc(at),
                    o.region(r),
                    s,
                    TOPICS[topic],
                    CHANNELS[rand.nextInt(3)]));
          }
          if (r == 0 && day == bad) {
            sink.broken(
                "{\"mention_id\":\"M"
                    + (++id)
                    + "\",\"created_at\":\""
                    + date
                    + "T10:00:00Z\",\"region\":");
            sink.broken(
                "{\"mention_id\":\"M"
                    + (++id)
                    + "\",\"created_at\":\""
                    + date
                    + "T11:00:00Z\",\"region\":\"\",\"sentiment\":0.2,\"topic\":\"other\",\"channel\":\"twitter\"}");
          }
        }
      }
      return new FileReport(name, sink.rows(), sink.broken());
    }
  }

  static FileReport webSessions(GeneratorOptions o, Drivers d, Path out) throws IOException {
    String name = "social/web_sessions.csv";
    List<String[]> sources =
        List.of(
            new String[] {"google", "organic"},
            new String[] {"facebook", "social"},
            new String[] {"instagram", "social"},
            new String[] {"newsletter", "email"},
            new String[] {"(direct)", "(none)"});
    int bad = 2 * o.days() / 3;
    try (Sink sink =
        new Sink(
            out.resolve(name), "date,region,source,medium,sessions,conversions", o.malformed())) {
      Rand rand = new Rand(o.seed(), name);
      for (int day = 0; day < o.days(); day++) {
        String date = o.day(day).format(Clock.GA4);
        for (int r = 0; r < o.entities(); r++) {
          double social = d.socialSessions[r][day];
          double[] means = {300, 0.6 * social, 0.4 * social, 40, 150};
          for (int s = 0; s < sources.size(); s++) {
            int sessions = means[s] == 0 ? 0 : rand.poisson(means[s]);
            int conversions = rand.poisson(0.02 * sessions);
            sink.row(
                String.format(
                    Locale.ROOT,
                    "%s,%s,%s,%s,%d,%d",
                    date,
                    o.region(r),
                    sources.get(s)[0],
                    sources.get(s)[1],
                    sessions,
                    conversions));
          }
        }
        if (day == bad) {
          sink.broken(o.day(day).toString() + "," + o.region(0) + ",google,organic,310,6");
        }
      }
      return new FileReport(name, sink.rows(), sink.broken());
    }
  }
}

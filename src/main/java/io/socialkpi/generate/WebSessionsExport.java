package io.socialkpi.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;

/**
 * Web analytics (GA4 style): sessions and conversions per day (yyyyMMdd, property in Helsinki),
 * region and source/medium. Facebook and Instagram sessions are the latent social sessions that
 * online orders follow 14 days later. Broken rows: a date in yyyy-MM-dd and a row with a field too
 * many.
 */
final class WebSessionsExport extends DailyExport {
  static final String FILE = "social/web_sessions.csv";
  private static final String[] SOURCES = {
    "google,organic", "facebook,social", "instagram,social", "newsletter,email", "(direct),(none)"
  };
  private static final double[] CONVERSION = {0.020, 0.015, 0.012, 0.030, 0.025};

  WebSessionsExport(GeneratorOptions o, Path outDir) throws IOException {
    super(
        o,
        outDir,
        FILE,
        "date,region,source,medium,sessions,conversions",
        Fault.BAD_TIME,
        Fault.WRONG_FIELD_COUNT);
  }

  @Override
  void writeDay(int day, Clock clock, Drivers drivers) throws IOException {
    double season = CompanyModel.weekday(clock.date.getDayOfWeek());
    // The newsletter goes out on Tuesdays.
    double newsletter = clock.date.getDayOfWeek() == DayOfWeek.TUESDAY ? 120 : 30;
    for (int r = 0; r < options.entities(); r++) {
      Rand rand = Rand.of(options.seed(), FILE, r, day);
      Drivers.RegionDay today = drivers.today(r);
      int[] sessions = {
        rand.poisson(300 * season),
        today.facebookSessions(),
        today.instagramSessions(),
        rand.poisson(newsletter),
        rand.poisson(150 * season)
      };
      for (int s = 0; s < SOURCES.length; s++) {
        row(clock.compact, r, s, sessions[s], rand.poisson(CONVERSION[s] * sessions[s]));
        sink.row();
      }
    }
    if (faults.at(Fault.BAD_TIME, day)) {
      row(clock.iso, 0, 0, 310, 6);
      sink.broken(Fault.BAD_TIME, "date '" + clock.iso + "' is not yyyyMMdd");
    }
    if (faults.at(Fault.WRONG_FIELD_COUNT, day)) {
      row(clock.compact, 0, 4, 150, 3).append(',');
      sink.broken(Fault.WRONG_FIELD_COUNT, "7 fields, the header has 6");
    }
  }

  private StringBuilder row(String date, int r, int source, int sessions, int conversions) {
    return sink.line()
        .append(date)
        .append(',')
        .append(options.region(r))
        .append(',')
        .append(SOURCES[source])
        .append(',')
        .append(sessions)
        .append(',')
        .append(conversions);
  }
}

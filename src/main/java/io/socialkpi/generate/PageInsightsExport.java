package io.socialkpi.generate;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Facebook Page Insights style: one row per day and regional page with cumulative fans, engaged
 * users and impressions. Broken rows: an engaged-users value "n/a" and a date in dd/MM/yyyy.
 */
final class PageInsightsExport extends DailyExport {
  static final String FILE = "social/page_insights.csv";

  PageInsightsExport(GeneratorOptions o, Path outDir) throws IOException {
    super(
        o,
        outDir,
        FILE,
        "date,region,page_fans,engaged_users,impressions",
        Fault.NON_NUMERIC,
        Fault.BAD_TIME);
  }

  @Override
  void writeDay(int day, Clock clock, Drivers drivers) throws IOException {
    for (int r = 0; r < options.entities(); r++) {
      Drivers.RegionDay today = drivers.today(r);
      row(clock.iso, r, today, Long.toString(today.engaged()));
      sink.row();
    }
    Drivers.RegionDay first = drivers.today(0);
    if (faults.at(Fault.NON_NUMERIC, day)) {
      row(clock.iso, 0, first, "n/a");
      sink.broken(Fault.NON_NUMERIC, "engaged_users is 'n/a'");
    }
    if (faults.at(Fault.BAD_TIME, day)) {
      String european = clock.finnish.replace('.', '/');
      row(european, 0, first, Long.toString(first.engaged()));
      sink.broken(Fault.BAD_TIME, "date '" + european + "' is not yyyy-MM-dd");
    }
  }

  private void row(String date, int r, Drivers.RegionDay today, String engaged) {
    sink.line()
        .append(date)
        .append(',')
        .append(options.region(r))
        .append(',')
        .append(today.fans())
        .append(',')
        .append(engaged)
        .append(',')
        .append(today.impressions());
  }
}

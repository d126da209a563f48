package io.socialkpi.generate;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Call-center tickets, ';'-separated, opened-at in dd.MM.yyyy HH:mm Helsinki time. Weekday-shaped;
 * from the VIP community launch 15% fewer. Broken rows: a date in dd/MM/yyyy, an empty region and a
 * blank line.
 */
final class TicketsExport extends DailyExport {
  static final String FILE = "business/tickets.csv";
  private static final String[] CATEGORIES = {"billing", "delivery", "product", "returns"};
  private static final double[] CATEGORY_SHARES = {0.25, 0.35, 0.25, 0.15};

  private final int vipDay;
  private final double incidentFactor;
  private long id;

  TicketsExport(GeneratorOptions o, Truth truth, Path outDir) throws IOException {
    super(
        o,
        outDir,
        FILE,
        "ticket_id;opened_at;region;category",
        Fault.BAD_TIME,
        Fault.MISSING_VALUE,
        Fault.BLANK_LINE);
    this.vipDay = truth.dayIndex(truth.vipCommunityLaunch());
    this.incidentFactor = truth.vipCommunity().incidentFactor();
  }

  @Override
  void writeDay(int day, Clock clock, Drivers drivers) throws IOException {
    double season = CompanyModel.weekday(clock.date.getDayOfWeek());
    double factor = options.inject() && day >= vipDay ? incidentFactor : 1;
    double rate = options.volume() * CompanyModel.TICKETS * season * factor;
    for (int r = 0; r < options.entities(); r++) {
      Rand rand = Rand.of(options.seed(), FILE, r, day);
      int n = rand.poisson(rate);
      for (int second : Clock.businessSeconds(rand, n)) {
        row(clock.finnish, second, options.region(r))
            .append(CATEGORIES[rand.pick(CATEGORY_SHARES)]);
        sink.row();
      }
    }
    if (faults.at(Fault.BAD_TIME, day)) {
      String slashed = clock.finnish.replace('.', '/');
      row(slashed, 10 * 3600, options.region(0)).append("delivery");
      sink.broken(Fault.BAD_TIME, "opened_at '" + slashed + " 10:00' is not dd.MM.yyyy HH:mm");
    }
    if (faults.at(Fault.MISSING_VALUE, day)) {
      row(clock.finnish, 11 * 3600, "").append("billing");
      sink.broken(Fault.MISSING_VALUE, "region is empty");
    }
    if (faults.at(Fault.BLANK_LINE, day)) {
      sink.line();
      sink.broken(Fault.BLANK_LINE, "an empty line");
    }
  }

  /** The line up to and including the ';' before the category. */
  private StringBuilder row(String date, int second, String region) {
    StringBuilder line = sink.line().append('T').append(++id).append(';').append(date).append(' ');
    Clock.appendTime(line, second, false);
    return line.append(';').append(region).append(';');
  }
}

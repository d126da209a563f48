package io.socialkpi.generate;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Job applications from the careers system (company-wide, no region), submitted-at with offset.
 * Applications via Facebook on day t are a base plus a share of the jobs-tab views of day t - 7;
 * from the tab launch 70% of them come through the tab (source facebook_tab, none before), the rest
 * through posts. When nothing is injected they are a constant of the same size and there is no tab.
 * Broken rows: a timestamp without seconds and offset, and a field too many.
 */
final class ApplicationsExport extends DailyExport {
  static final String FILE = "business/applications.csv";
  private static final String[] POSITIONS = {
    "store-associate", "warehouse-worker", "customer-service", "developer", "buyer"
  };
  private static final double[] POSITION_SHARES = {0.35, 0.25, 0.2, 0.1, 0.1};

  private final int tabDay;
  private final String[] sources;
  private long id;

  ApplicationsExport(GeneratorOptions o, Truth truth, Path outDir) throws IOException {
    super(
        o,
        outDir,
        FILE,
        "application_id,submitted_at,source,position",
        Fault.BAD_TIME,
        Fault.WRONG_FIELD_COUNT);
    this.tabDay = truth.dayIndex(truth.jobsTabLaunch());
    String[] other = CompanyModel.OTHER_APPLICATION_SOURCES;
    this.sources = new String[] {"facebook_tab", "facebook_post", other[0], other[1], other[2]};
  }

  @Override
  void writeDay(int day, Clock clock, Drivers drivers) throws IOException {
    double v = options.volume();
    double views =
        options.inject()
            ? drivers.tabViews(CompanyModel.TAB_LEAD_DAYS)
            : CompanyModel.expectedTabViews();
    double facebook = v * CompanyModel.expectedFacebookApplications(views);
    double tabShare = options.inject() && day >= tabDay ? CompanyModel.TAB_SHARE_AFTER_LAUNCH : 0;
    double[] other = CompanyModel.OTHER_APPLICATIONS;
    double[] rates = {
      facebook * tabShare, facebook * (1 - tabShare), v * other[0], v * other[1], v * other[2]
    };
    Rand rand = Rand.of(options.seed(), FILE, 0, day);
    int n = rand.poisson(facebook + v * (other[0] + other[1] + other[2]));
    for (int second : Clock.businessSeconds(rand, n)) {
      int source = rand.pick(rates);
      row(clock, second)
          .append(sources[source])
          .append(',')
          .append(POSITIONS[rand.pick(POSITION_SHARES)]);
      sink.row();
    }
    if (faults.at(Fault.BAD_TIME, day)) {
      String local = clock.iso + " 09:15";
      sink.line().append('A').append(++id).append(',').append(local).append(",linkedin,developer");
      sink.broken(Fault.BAD_TIME, "submitted_at '" + local + "' has no seconds and no offset");
    }
    if (faults.at(Fault.WRONG_FIELD_COUNT, day)) {
      row(clock, 15 * 3600).append("referral,buyer,\"Espoo, Finland\"");
      sink.broken(Fault.WRONG_FIELD_COUNT, "5 fields, the header has 4");
    }
  }

  private StringBuilder row(Clock clock, int second) {
    StringBuilder line = sink.line().append('A').append(++id).append(',');
    clock.appendWithOffset(line, second);
    return line.append(',');
  }
}

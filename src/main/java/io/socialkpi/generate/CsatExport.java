package io.socialkpi.generate;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Satisfaction survey responses: submitted-at with Helsinki's offset (+02:00 or +03:00), region and
 * a score 1..5 with mean 3.80. From the VIP community launch a response is one point higher with a
 * fixed chance, which lifts the mean to 4.10. Broken rows: a score "n/a", an empty region and a
 * duplicate of an earlier line.
 */
final class CsatExport extends DailyExport {
  static final String FILE = "business/csat_responses.csv";

  private final int vipDay;
  private final double upgradeChance;
  private long id;

  CsatExport(GeneratorOptions o, Truth truth, Path outDir) throws IOException {
    super(
        o,
        outDir,
        FILE,
        "response_id,submitted_at,region,score",
        Fault.NON_NUMERIC,
        Fault.MISSING_VALUE,
        Fault.DUPLICATE);
    this.vipDay = truth.dayIndex(truth.vipCommunityLaunch());
    this.upgradeChance = CompanyModel.csatUpgradeChance(truth.vipCommunity().csatShift());
  }

  @Override
  void writeDay(int day, Clock clock, Drivers drivers) throws IOException {
    boolean after = options.inject() && day >= vipDay;
    if (faults.keepsRowOn(day)) {
      sink.keepNextRow();
    }
    for (int r = 0; r < options.entities(); r++) {
      Rand rand = Rand.of(options.seed(), FILE, r, day);
      int n = rand.poisson(options.volume() * CompanyModel.CSAT_RESPONSES);
      for (int second : Clock.businessSeconds(rand, n)) {
        int score = rand.pick(CompanyModel.CSAT_PMF) + 1;
        if (after && score < 5 && rand.chance(upgradeChance)) {
          score++;
        }
        row(clock, second, options.region(r)).append(score);
        sink.row();
      }
    }
    if (faults.at(Fault.NON_NUMERIC, day)) {
      row(clock, 12 * 3600, options.region(0)).append("n/a");
      sink.broken(Fault.NON_NUMERIC, "score is 'n/a'");
    }
    if (faults.at(Fault.MISSING_VALUE, day)) {
      row(clock, 13 * 3600, "").append(4);
      sink.broken(Fault.MISSING_VALUE, "region is empty");
    }
    if (faults.at(Fault.DUPLICATE, day)) {
      sink.duplicateKept();
    }
  }

  private StringBuilder row(Clock clock, int second, String region) {
    StringBuilder line = sink.line().append('R').append(++id).append(',');
    clock.appendWithOffset(line, second);
    return line.append(',').append(region).append(',');
  }
}

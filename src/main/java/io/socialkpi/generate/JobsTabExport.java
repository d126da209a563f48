package io.socialkpi.generate;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Facebook jobs-tab insights for the company page: one row per day with the tab's views (a plain
 * link before the tab launched). Broken row: a day whose tab_views is empty.
 */
final class JobsTabExport extends DailyExport {
  static final String FILE = "social/jobs_tab_insights.csv";

  JobsTabExport(GeneratorOptions o, Path outDir) throws IOException {
    super(o, outDir, FILE, "date,tab_views", Fault.MISSING_VALUE);
  }

  @Override
  void writeDay(int day, Clock clock, Drivers drivers) throws IOException {
    sink.line().append(clock.iso).append(',').append(drivers.tabViews(0));
    sink.row();
    if (faults.at(Fault.MISSING_VALUE, day)) {
      // An empty metric cell is only a missing value of that metric; an empty date breaks the row.
      sink.line().append(',').append(drivers.tabViews(0));
      sink.broken(Fault.MISSING_VALUE, "date is empty");
    }
  }
}

package io.socialkpi.generate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the exports of a fictional retailer (Northwind Outfitters) in the formats of the sample:
 * social page insights, mentions, web sessions, orders, tickets, CSAT responses and job
 * applications, plus a {@code socialkpi.conf} that reads them and a {@code truth.json} with the
 * effects put in. Deterministic for a seed; streams rows, so any volume fits in memory.
 *
 * <p>Injected ({@link Truth}): the regional fan campaign doubles new fans in the first region and
 * online orders follow social sessions 14 days later; the jobs tab raises Facebook applications by
 * about 60%, which follow tab views 7 days later; the VIP community raises CSAT by 0.3 points, cuts
 * incidents by 15%, complaints by 20% and lifts sentiment by 0.1.
 */
public final class SyntheticCompany {
  private SyntheticCompany() {}

  public static GenerationReport generate(Path outDir, GeneratorOptions o) throws IOException {
    long t0 = System.nanoTime();
    Files.createDirectories(outDir);
    Truth truth = Truth.of(o);
    Drivers drivers = Drivers.of(o, truth);
    List<FileReport> files = new ArrayList<>();
    files.add(SocialExports.pageInsights(o, drivers, outDir));
    files.add(SocialExports.jobsTab(o, drivers, outDir));
    files.add(SocialExports.mentions(o, truth, outDir));
    files.add(SocialExports.webSessions(o, drivers, outDir));
    files.add(BusinessExports.orders(o, truth, drivers, outDir));
    files.add(BusinessExports.tickets(o, truth, outDir));
    files.add(BusinessExports.csat(o, truth, outDir));
    files.add(BusinessExports.applications(o, truth, drivers, outDir));
    Files.writeString(outDir.resolve("truth.json"), truth.toJson(), StandardCharsets.UTF_8);
    Files.writeString(outDir.resolve("socialkpi.conf"), config(o, truth), StandardCharsets.UTF_8);
    return new GenerationReport(List.copyOf(files), truth, (System.nanoTime() - t0) / 1e9);
  }

  /** The job config for the generated files, from the template next to this class. */
  static String config(GeneratorOptions o, Truth truth) throws IOException {
    String template;
    try (InputStream in = SyntheticCompany.class.getResourceAsStream("socialkpi.conf")) {
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    double v = o.volume();
    return template
        .replace("@ENTITIES@", String.valueOf(o.entities()))
        .replace("@DAYS@", String.valueOf(o.days()))
        .replace("@START@", o.start().toString())
        .replace("@SEED@", String.valueOf(o.seed()))
        .replace("@VOLUME@", String.format(Locale.ROOT, "%s", v))
        .replace("@VIP_LAUNCH@", truth.vipCommunityLaunch().toString())
        .replace("@FAN_LAUNCH@", truth.fanCampaignLaunch().toString())
        .replace("@TAB_LAUNCH@", truth.jobsTabLaunch().toString())
        .replace("@TARGET_DATE@", o.day(o.days() - 1).toString())
        // Weekly targets a little beyond what the injected effects reach.
        .replace("@INCIDENTS_TARGET@", String.format(Locale.ROOT, "%.0f", 40 * v))
        .replace("@SALES_TARGET@", String.format(Locale.ROOT, "%.0f", 8000 * v))
        .replace("@APPLICATIONS_TARGET@", String.format(Locale.ROOT, "%.0f", 25 * v));
  }
}

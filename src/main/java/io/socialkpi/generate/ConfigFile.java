package io.socialkpi.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The job config that reads the generated files: the template next to this class with the options,
 * the launch dates and the targets filled in. With the default options it is exactly {@code
 * sample-data/socialkpi.conf}.
 */
final class ConfigFile {
  private static final String TEMPLATE = "socialkpi.conf";

  private ConfigFile() {}

  static String render(GeneratorOptions o, Truth truth) {
    double v = o.volume();
    Truth.FanCampaign fans = truth.fanCampaign();
    // Targets are weekly values a little beyond what the injected effects reach, at any volume:
    // online sales a third above the level before the campaign (the company's strategy; the
    // campaign reaches about +32%), 45 incidents a week per region (about 45.9 after the VIP
    // community), 25 applications via Facebook a week (about 24.4 after the jobs tab).
    double sales = roundTo(fans.weeklyOnlineSalesBefore() * 4 / 3, 100);
    return template()
        .replace("@ENTITIES@", String.valueOf(o.entities()))
        .replace("@DAYS@", String.valueOf(o.days()))
        .replace("@START@", o.start().toString())
        .replace("@SEED@", String.valueOf(o.seed()))
        .replace("@VOLUME@", String.valueOf(v))
        .replace("@VIP_LAUNCH@", truth.vipCommunityLaunch().toString())
        .replace("@FAN_LAUNCH@", truth.fanCampaignLaunch().toString())
        .replace("@TAB_LAUNCH@", truth.jobsTabLaunch().toString())
        .replace("@TARGET_DATE@", o.lastDay().toString())
        .replace("@INCIDENTS_TARGET@", number(45 * v))
        .replace("@SALES_TARGET@", number(sales))
        .replace("@APPLICATIONS_TARGET@", number(25 * v));
  }

  private static double roundTo(double value, double step) {
    return Math.round(value / step) * step;
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.0f", value);
  }

  private static String template() {
    try (InputStream in = ConfigFile.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + TEMPLATE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

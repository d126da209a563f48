package io.socialkpi.generate;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code truth.json}: the injected effects with their expected sizes, the leads, and every
 * deliberately broken row, for tools that are not Java. Keys are written in a fixed order and with
 * '\n' line breaks, so the file is byte-identical for the same options on any platform.
 */
final class TruthFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TruthFile() {}

  static String render(Truth t, List<MalformedRow> malformed) {
    ObjectNode root = JSON.createObjectNode();
    root.put("injected", t.injected());
    root.put("start", t.start().toString());
    root.put("days", t.days());
    t.regions().forEach(root.putArray("regions")::add);
    root.put("launches_at_fractions", t.launchesAtFractions());

    ObjectNode tactics = root.putObject("tactics");
    Truth.FanCampaign f = t.fanCampaign();
    ObjectNode fan = tactics.putObject("regional-fan-campaign");
    fan.put("launched", f.launched().toString());
    fan.put("region", f.region());
    t.regions().subList(1, t.regions().size()).forEach(fan.putArray("control_regions")::add);
    fan.put("new_fans_factor", f.newFansFactor());
    beforeAfter(fan, "daily_new_fans", f.dailyNewFansBefore(), f.dailyNewFansAfter());
    beforeAfter(
        fan,
        "weekly_social_sessions",
        f.weeklySocialSessionsBefore(),
        f.weeklySocialSessionsAfter());
    beforeAfter(
        fan, "weekly_online_orders", f.weeklyOnlineOrdersBefore(), f.weeklyOnlineOrdersAfter());
    beforeAfter(
        fan, "weekly_online_sales", f.weeklyOnlineSalesBefore(), f.weeklyOnlineSalesAfter());
    fan.put("wholesale_changes", false);

    Truth.JobsTab j = t.jobsTab();
    ObjectNode tab = tactics.putObject("facebook-jobs-tab");
    tab.put("launched", j.launched().toString());
    tab.put("tab_views_factor", round(j.tabViewsFactor()));
    beforeAfter(tab, "daily_tab_views", j.dailyTabViewsBefore(), j.dailyTabViewsAfter());
    tab.put("applications_via_facebook_factor", j.facebookApplicationsFactor());
    beforeAfter(
        tab,
        "weekly_applications_via_facebook",
        j.weeklyFacebookApplicationsBefore(),
        j.weeklyFacebookApplicationsAfter());
    tab.put("facebook_tab_applications_before_launch", 0);

    Truth.VipCommunity v = t.vipCommunity();
    ObjectNode vip = tactics.putObject("vip-community");
    vip.put("launched", v.launched().toString());
    vip.put("regions", "all");
    beforeAfter(vip, "csat_mean", v.csatMeanBefore(), v.csatMeanAfter());
    vip.put("csat_shift", round(v.csatShift()));
    vip.put("incident_factor", v.incidentFactor());
    beforeAfter(vip, "weekly_incidents", v.weeklyIncidentsBefore(), v.weeklyIncidentsAfter());
    vip.put("complaint_factor", v.complaintFactor());
    beforeAfter(vip, "sentiment_mean", v.sentimentMeanBefore(), v.sentimentMeanAfter());
    vip.put("sentiment_shift", round(v.sentimentShift()));

    ArrayNode leads = root.putArray("leads");
    if (t.injected()) {
      lead(leads, "web-sessions.social-referrals", "orders.sales", f.leadDays())
          .put("per_unit", round(f.onlineOrdersPerSocialSession()))
          .put("unit", "online orders per social session");
      lead(leads, "page-insights.fans", "orders.sales", f.leadDays())
          .put("via", "new fans drive social sessions on the same day");
      lead(leads, "jobs-tab.views", "applications.via-facebook", j.leadDays())
          .put("per_unit", round(j.applicationsPerTabView()))
          .put("unit", "applications via Facebook per tab view");
    }

    ArrayNode rows = root.putArray("malformed");
    for (MalformedRow m : malformed) {
      rows.addObject()
          .put("file", m.file())
          .put("line", m.line())
          .put("reason", m.reason())
          .put("detail", m.detail())
          .put("raw", m.raw());
    }
    try {
      DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
      Separators separators =
          Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER);
      DefaultPrettyPrinter pretty =
          new DefaultPrettyPrinter(separators)
              .withObjectIndenter(indenter)
              .withArrayIndenter(indenter);
      return JSON.writer(pretty).writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("truth.json cannot be written", e);
    }
  }

  private static ObjectNode lead(ArrayNode leads, String lead, String outcome, int days) {
    return leads
        .addObject()
        .put("lead", lead)
        .put("outcome", outcome)
        .put("days", days)
        .put("weekly_windows", days / 7);
  }

  /** {@code key_before} and {@code key_after}, the expected values around a launch. */
  private static void beforeAfter(ObjectNode node, String key, double before, double after) {
    node.put(key + "_before", round(before));
    node.put(key + "_after", round(after));
  }

  /** Four decimals: expected values, not measurements, and readable. */
  private static double round(double x) {
    return Math.round(x * 10000) / 10000.0;
  }
}

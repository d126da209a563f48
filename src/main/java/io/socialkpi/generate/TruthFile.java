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
    fan.put("daily_new_fans_before", round(f.dailyNewFansBefore()));
    fan.put("daily_new_fans_after", round(f.dailyNewFansAfter()));
    fan.put("weekly_social_sessions_before", round(f.weeklySocialSessionsBefore()));
    fan.put("weekly_social_sessions_after", round(f.weeklySocialSessionsAfter()));
    fan.put("weekly_online_orders_before", round(f.weeklyOnlineOrdersBefore()));
    fan.put("weekly_online_orders_after", round(f.weeklyOnlineOrdersAfter()));
    fan.put("weekly_online_sales_before", round(f.weeklyOnlineSalesBefore()));
    fan.put("weekly_online_sales_after", round(f.weeklyOnlineSalesAfter()));
    fan.put("wholesale_changes", false);

    Truth.JobsTab j = t.jobsTab();
    ObjectNode tab = tactics.putObject("facebook-jobs-tab");
    tab.put("launched", j.launched().toString());
    tab.put("tab_views_factor", round(j.tabViewsFactor()));
    tab.put("daily_tab_views_before", round(j.dailyTabViewsBefore()));
    tab.put("daily_tab_views_after", round(j.dailyTabViewsAfter()));
    tab.put("applications_via_facebook_factor", j.facebookApplicationsFactor());
    tab.put("weekly_applications_via_facebook_before", round(j.weeklyFacebookApplicationsBefore()));
    tab.put("weekly_applications_via_facebook_after", round(j.weeklyFacebookApplicationsAfter()));
    tab.put("facebook_tab_applications_before_launch", 0);

    Truth.VipCommunity v = t.vipCommunity();
    ObjectNode vip = tactics.putObject("vip-community");
    vip.put("launched", v.launched().toString());
    vip.put("regions", "all");
    vip.put("csat_mean_before", round(v.csatMeanBefore()));
    vip.put("csat_mean_after", round(v.csatMeanAfter()));
    vip.put("csat_shift", round(v.csatShift()));
    vip.put("incident_factor", v.incidentFactor());
    vip.put("weekly_incidents_before", round(v.weeklyIncidentsBefore()));
    vip.put("weekly_incidents_after", round(v.weeklyIncidentsAfter()));
    vip.put("complaint_factor", v.complaintFactor());
    vip.put("sentiment_mean_before", round(v.sentimentMeanBefore()));
    vip.put("sentiment_mean_after", round(v.sentimentMeanAfter()));
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

  /** Four decimals: expected values, not measurements, and readable. */
  private static double round(double x) {
    return Math.round(x * 10000) / 10000.0;
  }
}

package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Presets of exports with no public sample file, read on fixtures written in the layout that
 * ../shared/EXPORTS.md records from the tools' documentation and third-party parsers (headers, time
 * formats, number formats, row grain), with values summed by hand from the few rows shown. Weekly
 * windows (ISO weeks, Monday starts), UTC.
 */
class PresetFixturesTest {
  @TempDir Path dir;

  @BeforeAll
  static void session() {
    SparkTestSession.get(); // the scans run in the shared session, started here once
  }

  private SourceScan scan(String file, String text, String source) throws IOException {
    return scan(file, text.getBytes(StandardCharsets.UTF_8), source);
  }

  private SourceScan scan(String file, byte[] bytes, String source) throws IOException {
    Path exports = Files.createDirectories(dir.resolve("exports"));
    Files.write(exports.resolve(file), bytes);
    return ExportScans.scan(
        dir, "2026-12-01", "path = \"" + exports.resolve(file) + "\", " + source);
  }

  private static Map<String, Double> values(SourceScan scan) {
    Map<String, Double> out = new TreeMap<>();
    for (Row r : scan.windowValues().collectAsList()) {
      out.put(
          r.<String>getAs("metric").substring(2) + "@" + r.getAs("window_start"), r.getAs("value"));
    }
    return out;
  }

  private static void noneQuarantined(SourceScan scan, long rows) {
    assertThat(scan.quarantine().collectAsList()).isEmpty();
    assertThat(scan.quality().rowsAccepted()).isEqualTo(rows);
  }

  @Test
  void xAccountOverviewWithWeekdayDatesAndThousandsSeparators() throws IOException {
    SourceScan scan =
        scan(
            "account_overview_analytics.csv",
            """
            Date,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Unfollows
            "Sun, Apr 28, 2024","1,200",10,45,1,0,3,1
            "Sat, Apr 27, 2024",980,7,30,0,1,2,0
            "Fri, Apr 26, 2024","2,015",22,"1,004",3,2,5,2
            "Mon, Apr 22, 2024",500,1,9,0,0,0,1
            """,
            "preset = x-account-overview, metrics { impressions { column = Impressions },"
                + " engagements { column = Engagements },"
                + " follows { column = \"New follows\" } }");
    noneQuarantined(scan, 4);
    assertThat(values(scan))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "impressions@2024-04-22", 1200.0 + 980 + 2015 + 500,
                "engagements@2024-04-22", 45.0 + 30 + 1004 + 9,
                "follows@2024-04-22", 3.0 + 2 + 5 + 0));
  }

  @Test
  void metaBusinessSuitePostsWithByteOrderMarkAndQuotedHeaders() throws IOException {
    String csv =
        "\uFEFF\"Post ID\",\"Page ID\",\"Page name\",Title,Description,\"Duration (sec)\","
            + "\"Publish time\",Permalink,\"Post type\",Date,Views,Reach,"
            + "\"Reactions, Comments and Shares\",Reactions,Comments,Shares,\"Total clicks\"\n"
            + "\"1_10\",\"1\",\"Shop\",,\"Spring sale,\nall week\",0,\"03/04/2024 09:15\","
            + "https://fb.com/1_10,Photo,Lifetime,1500,1200,80,60,15,5,40\n"
            + "\"1_11\",\"1\",\"Shop\",,\"New store\",0,\"03/10/2024 23:30\","
            + "https://fb.com/1_11,Photo,Lifetime,900,700,20,15,4,1,12\n"
            + "\"1_12\",\"1\",\"Shop\",,Video,34,\"03/11/2024 00:10\","
            + "https://fb.com/1_12,Video,Lifetime,3000,2500,150,100,30,20,90\n";
    SourceScan scan =
        scan(
            "Mar-01-2024_Mar-31-2024_1.csv",
            csv,
            "preset = meta-business-suite-posts, metrics { reach { column = Reach },"
                + " interactions { column = \"Reactions, Comments and Shares\" },"
                + " posts { aggregate = count } }");
    noneQuarantined(scan, 3);
    assertThat(values(scan))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "reach@2024-03-04", 1200.0 + 700,
                "interactions@2024-03-04", 80.0 + 20,
                "posts@2024-03-04", 2.0,
                "reach@2024-03-11", 2500.0,
                "interactions@2024-03-11", 150.0,
                "posts@2024-03-11", 1.0));
  }

  @Test
  void instagramPostsShareTheLayout() throws IOException {
    SourceScan scan =
        scan(
            "instagram.csv",
            "\uFEFF\"Post ID\",\"Account ID\",\"Account username\",\"Account name\",Description,"
                + "\"Duration (sec)\",\"Publish time\",Permalink,\"Post type\",\"Data comment\","
                + "Date,Views,Reach,Likes,Shares,Follows,Comments,Saves\n"
                + "\"17_1\",\"9\",\"shop\",\"Shop\",\"Hello\",0,\"05/06/2024 10:00\","
                + "https://ig.com/p/1,\"IG image\",,Lifetime,400,350,40,2,1,3,5\n"
                + "\"17_2\",\"9\",\"shop\",\"Shop\",\"Reel\",12,\"05/08/2024 18:45\","
                + "https://ig.com/p/2,\"IG reel\",,Lifetime,2200,1900,120,14,6,9,30\n",
            "preset = instagram-posts, metrics { views { column = Views },"
                + " follows { column = Follows } }");
    noneQuarantined(scan, 2);
    assertThat(values(scan))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("views@2024-05-06", 2600.0, "follows@2024-05-06", 7.0));
  }

  @Test
  void shopifyOrdersCountEachOrderOnceAcrossItsLineItems() throws IOException {
    // Order #1001 has two line items: its second row leaves the order-level fields blank.
    String header =
        "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,"
            + "Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,"
            + "Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,"
            + "Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,"
            + "Lineitem fulfillment status,Source\n";
    String csv =
        header
            + "#1001,a@x.com,paid,2026-05-14 11:25:00 +0100,fulfilled,,yes,EUR,45.00,5.00,4.50,"
            + "54.50,,0.00,Standard,2026-05-14 11:23:45 +0100,1,Mug,20.00,,MUG-1,true,true,"
            + "fulfilled,web\n"
            + "#1001,a@x.com,,,,,,,,,,,,,,2026-05-14 11:23:45 +0100,1,Tea,25.00,,TEA-1,true,"
            + "true,fulfilled,\n"
            + "#1002,b@x.com,paid,2026-05-16 08:00:00 +0100,unfulfilled,,no,EUR,12.00,0.00,"
            + "1.20,13.20,,0.00,Pickup,2026-05-16 07:59:10 +0100,3,Card,4.00,,CARD-1,false,"
            + "true,pending,pos\n"
            + "#1003,c@x.com,refunded,2026-05-18 10:00:00 +0100,fulfilled,,no,EUR,30.00,0.00,"
            + "3.00,33.00,,0.00,Standard,2026-05-18 09:58:00 +0100,1,Pot,30.00,,POT-1,true,"
            + "true,fulfilled,web\n";
    SourceScan scan =
        scan(
            "orders_export.csv",
            csv,
            "preset = shopify-orders, metrics { orders { column = Total, aggregate = count },"
                + " sales { column = Total }, items { column = \"Lineitem quantity\" },"
                + " web-orders { column = Total, aggregate = count, where { Source = web } } }");
    noneQuarantined(scan, 4);
    assertThat(values(scan))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "orders@2026-05-11", 2.0,
                "sales@2026-05-11", 54.50 + 13.20,
                "items@2026-05-11", 1.0 + 1 + 3,
                "web-orders@2026-05-11", 1.0,
                "orders@2026-05-18", 1.0,
                "sales@2026-05-18", 33.0,
                "items@2026-05-18", 1.0,
                "web-orders@2026-05-18", 1.0));
    // The continuation row's blank order fields are missing values, not broken rows.
    assertThat(scan.quality().missingCells()).containsEntry("s.orders", 1L);
  }

  @Test
  void stripePaymentsWithGroupedAmounts() throws IOException {
    SourceScan scan =
        scan(
            "unified_payments.csv",
            """
            id,Created date (UTC),Amount,Amount Refunded,Currency,Captured,Fee,Status
            ch_1,2026-07-10 18:37:41,"1,000.00",0.00,eur,true,14.75,Paid
            ch_2,2026-07-11 09:02:00,49.90,49.90,eur,true,0.95,Refunded
            ch_3,2026-07-13 23:59:59,15.00,0.00,eur,false,0.00,Failed
            """,
            "preset = stripe-payments, metrics { paid { column = Amount, where { Status = Paid } },"
                + " refunded { column = \"Amount Refunded\" } }");
    noneQuarantined(scan, 3);
    // A week whose rows all fail a metric's where has no value for it here (the panel's gap
    // policy then makes it zero).
    Map<String, Double> expected = new TreeMap<>();
    expected.put("paid@2026-07-06", 1000.0);
    expected.put("refunded@2026-07-06", 49.90);
    expected.put("paid@2026-07-13", null);
    expected.put("refunded@2026-07-13", 0.0);
    assertThat(values(scan)).isEqualTo(expected);
  }

  @Test
  void zendeskTicketsAsJsonLinesWithNestedChannelAndRating() throws IOException {
    SourceScan scan =
        scan(
            "tickets.json",
            """
            {"id":101,"created_at":"2026-02-02T08:00:00Z","via":{"channel":"twitter","source":{}},"satisfaction_rating":{"score":"good"}}
            {"id":102,"created_at":"2026-02-03T12:30:00Z","via":{"channel":"email"},"satisfaction_rating":{"score":"bad"}}
            {"id":103,"created_at":"2026-02-09T07:00:00Z","via":{"channel":"facebook"},"satisfaction_rating":{"score":"unoffered"}}
            """,
            "preset = zendesk-tickets, metrics { tickets { aggregate = count },"
                + " social { aggregate = count, where { via.channel = [twitter, facebook] } },"
                + " good { aggregate = count, where { satisfaction_rating.score = good } } }");
    noneQuarantined(scan, 3);
    assertThat(values(scan))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "tickets@2026-02-02", 2.0,
                "social@2026-02-02", 1.0,
                "good@2026-02-02", 1.0,
                "tickets@2026-02-09", 1.0,
                "social@2026-02-09", 1.0,
                "good@2026-02-09", 0.0));
  }

  @Test
  void googleFormsAndSurveyMonkeyResponses() throws IOException {
    SourceScan forms =
        scan(
            "Form responses 1.csv",
            """
            Timestamp,How satisfied are you?,Would you recommend us?
            3/4/2026 9:05:11,4,Yes
            3/5/2026 17:45:00,5,Yes
            3/12/2026 8:00:59,2,No
            """,
            "preset = google-forms, metrics { satisfaction { column = \"How satisfied are"
                + " you?\", aggregate = mean } }");
    noneQuarantined(forms, 3);
    assertThat(values(forms))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("satisfaction@2026-03-02", 4.5, "satisfaction@2026-03-09", 2.0));
    SourceScan monkey =
        scan(
            "survey.csv",
            """
            Respondent ID,Collector ID,Start Date,End Date,IP Address,How likely are you to recommend us?,Which channels?,,
            ,,,,,Response,Facebook,Instagram,X
            114,431,03/04/2026 10:21:33 AM,03/04/2026 10:22:40 AM,1.2.3.4,9,Facebook,,
            115,431,03/06/2026 04:02:00 PM,03/06/2026 04:03:10 PM,1.2.3.5,6,,Instagram,X
            """,
            "preset = surveymonkey, metrics { nps-score { column = \"How likely are you to"
                + " recommend us?\", aggregate = mean } }");
    noneQuarantined(monkey, 2);
    assertThat(values(monkey)).containsExactly(Map.entry("nps-score@2026-03-02", 7.5));
  }
}

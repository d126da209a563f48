package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.socialkpi.SparkTestSession;
import io.socialkpi.inspect.InspectOptions;
import io.socialkpi.inspect.Inspection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The social-listening presets ({@code meltwater}, {@code brandwatch}, {@code sprout-social},
 * {@code sprout-social-posts}) on fixtures in the layouts their exports have: Meltwater's from real
 * committed Explore exports (UTF-16LE with a byte-order mark, tab-delimited, the 52-column header
 * below, {@code 07-Jan-2026 06:27PM} dates in the exporting user's zone, ids written as {@code
 * """123"""}, AVE like {@code 1,029.70}); Brandwatch's and Sprout Social's from parsers written for
 * real exports (six metadata rows and {@code 2023-12-31 14:05:00.0} UTC dates; {@code MM-dd-yyyy}
 * profile days, {@code 11/16/2024 3:00 pm} post times, {@code 215,312} and {@code 1.68%}). The rows
 * are made up; window values are summed by hand. Weekly windows, UTC.
 */
class ListeningPresetsTest {
  /** The header of Meltwater's Explore export, as in the real files (tab-delimited). */
  static final List<String> MELTWATER_HEADER =
      List.of(
          "Date",
          "Headline",
          "URL",
          "Opening Text",
          "Hit Sentence",
          "Source",
          "Influencer",
          "Country",
          "Subregion",
          "Language",
          "Reach",
          "Desktop Reach",
          "Mobile Reach",
          "Twitter Social Echo",
          "Facebook Social Echo",
          "Reddit Social Echo",
          "National Viewership",
          "Engagement",
          "AVE",
          "Sentiment",
          "Key Phrases",
          "Input Name",
          "Keywords",
          "Twitter Authority",
          "Tweet Id",
          "Twitter Id",
          "Twitter Client",
          "Twitter Screen Name",
          "User Profile Url",
          "Twitter Bio",
          "Twitter Followers",
          "Twitter Following",
          "Alternate Date Format",
          "Time",
          "State",
          "City",
          "Social Echo Total",
          "Editorial Echo",
          "Views",
          "Estimated Views",
          "Likes",
          "Replies",
          "Retweets",
          "Comments",
          "Shares",
          "Reactions",
          "Threads",
          "Is Verified",
          "Parent URL",
          "Document Tags",
          "Document ID",
          "Custom Categories");

  @TempDir Path dir;

  @BeforeAll
  static void session() {
    SparkTestSession.get();
  }

  /** A Meltwater row: the named cells, every other cell empty, as the export leaves them. */
  private static String mention(String date, String id, String reach, String ave, String mood) {
    Map<String, String> cells =
        Map.of(
            "Date",
            date,
            "URL",
            "https://twitter.com/acme/statuses/" + id,
            "Hit Sentence",
            "Acme \"\"new\"\" store @acme",
            "Source",
            "Twitter",
            "Reach",
            reach,
            "AVE",
            ave,
            "Sentiment",
            mood,
            "Tweet Id",
            "\"\"\"" + id + "\"\"\"",
            "Is Verified",
            "false",
            "Document ID",
            "\"\"\"1767799639000_" + id + "\"\"\"");
    List<String> row = new ArrayList<>();
    for (String column : MELTWATER_HEADER) {
      row.add(cells.getOrDefault(column, ""));
    }
    return String.join("\t", row) + "\n";
  }

  private static byte[] utf16(String text) {
    return ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
  }

  private SourceScan scan(Map<String, byte[]> files, String source) throws IOException {
    Path exports = Files.createDirectories(dir.resolve("exports"));
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Files.write(exports.resolve(f.getKey()), f.getValue());
    }
    return ExportScans.scan(dir, "2026-12-01", "path = \"" + exports + "/*\", " + source);
  }

  private static Map<String, Double> values(SourceScan scan) {
    Map<String, Double> out = new TreeMap<>();
    for (Row r : scan.windowValues().collectAsList()) {
      String entity = r.getAs("entity");
      out.put(
          r.<String>getAs("metric").substring(2)
              + (entity.equals("all") ? "" : "/" + entity)
              + "@"
              + r.getAs("window_start"),
          r.getAs("value"));
    }
    return out;
  }

  /**
   * Two consecutive Meltwater exports: the later repeats a mention with its reach grown (it wins)
   * and has a query line above its header (parsers written for the newer exports drop one). The
   * time is the exporting user's (Nairobi, UTC+3): 01:30AM on Monday 5 January is Sunday in UTC.
   */
  @Test
  void meltwaterMentionsFromTwoOverlappingExports() throws IOException {
    String header = String.join("\t", MELTWATER_HEADER) + "\n";
    String first =
        header
            + mention("07-Jan-2026 06:27PM", "2008923409527308316", "1330", "12.30", "Negative")
            + mention("02-Jan-2026 04:00PM", "2007074436055269631", "36820", "1,029.70", "Positive")
            + mention(
                "05-Jan-2026 09:05AM", "2008000000000000001", "184570", "35,711.85", "Neutral")
            + mention("05-Jan-2026 01:30AM", "2008000000000000002", "500", "", "Negative")
            + mention("12-Jan-2026 10:00AM", "2009000000000000001", "", "3.10", "Not Rated");
    String second =
        "((Acme OR \"Acme store\") NOT jobs)\n"
            + header
            + mention("07-Jan-2026 06:27PM", "2008923409527308316", "1400", "12.30", "Negative")
            + mention("14-Jan-2026 08:00AM", "2009000000000000002", "250", "2.00", "Negative");
    SourceScan scan =
        scan(
            Map.of(
                "Acme - Jan 12, 2026 - 5 21 00 PM.csv", utf16(first),
                "Acme - Jan 14, 2026 - 9 36 18 AM.csv", utf16(second)),
            "preset = meltwater, time.zone = \"Africa/Nairobi\", metrics {"
                + " mentions { aggregate = count }, reach { column = Reach },"
                + " ave { column = AVE },"
                + " negative { aggregate = count, where { Sentiment = Negative } } }");
    assertThat(scan.quarantine().collectAsList()).isEmpty();
    assertThat(scan.quality().rowsRead()).isEqualTo(7);
    assertThat(scan.quality().rowsSuperseded()).isEqualTo(1);
    Map<String, Double> v = values(scan);
    assertThat(v)
        .containsOnlyKeys(
            "mentions@2025-12-29",
            "mentions@2026-01-05",
            "mentions@2026-01-12",
            "reach@2025-12-29",
            "reach@2026-01-05",
            "reach@2026-01-12",
            "ave@2025-12-29",
            "ave@2026-01-05",
            "ave@2026-01-12",
            "negative@2025-12-29",
            "negative@2026-01-05",
            "negative@2026-01-12");
    assertThat(v.get("mentions@2025-12-29")).isEqualTo(2.0);
    assertThat(v.get("mentions@2026-01-05")).isEqualTo(2.0);
    assertThat(v.get("mentions@2026-01-12")).isEqualTo(2.0);
    assertThat(v.get("reach@2025-12-29")).isEqualTo(36820.0 + 500);
    assertThat(v.get("reach@2026-01-05")).isEqualTo(1400.0 + 184570);
    assertThat(v.get("reach@2026-01-12")).isEqualTo(250.0);
    assertThat(v.get("ave@2025-12-29")).isCloseTo(1029.70, within(1e-9));
    assertThat(v.get("ave@2026-01-05")).isCloseTo(12.30 + 35711.85, within(1e-9));
    assertThat(v.get("ave@2026-01-12")).isCloseTo(3.10 + 2.00, within(1e-9));
    assertThat(v.get("negative@2025-12-29")).isEqualTo(1.0);
    assertThat(v.get("negative@2026-01-05")).isEqualTo(1.0);
    assertThat(v.get("negative@2026-01-12")).isEqualTo(1.0);
  }

  /**
   * {@code jobs/socialkpi inspect} knows a Meltwater export (UTF-16, tabs, its date format) and a
   * Sprout Social posts export by their presets, without being told.
   */
  @Test
  void inspectNamesTheListeningPresets() throws IOException {
    String melt =
        String.join("\t", MELTWATER_HEADER)
            + "\n"
            + mention("07-Jan-2026 06:27PM", "1", "1330", "12.30", "Negative")
            + mention("08-Jan-2026 11:02AM", "2", "36820", "1,029.70", "Positive");
    Path meltFile = dir.resolve("Acme - Jan 29, 2026 - 5 21 00 PM.csv");
    Files.write(meltFile, utf16(melt));
    Inspection melted = Inspection.of(meltFile, InspectOptions.defaults());
    assertThat(melted.preset()).isEqualTo("meltwater");
    assertThat(melted.block()).contains("preset = meltwater").doesNotContain("skip-lines");
    Path posts = dir.resolve("Post Performance.csv");
    Files.writeString(
        posts,
        """
        Date,Post ID,Network,Post Type,Impressions,Engagement Rate (per Impression)
        1/1/2024 12:35 am,180001,Instagram,Post,"215,312",1.68%
        11/16/2024 3:00 pm,180002,X,'@Reply,120,0.83%
        """);
    assertThat(Inspection.of(posts, InspectOptions.defaults()).preset())
        .isEqualTo("sprout-social-posts");
  }

  /** Brandwatch's mentions download: metadata rows above the header, UTC times with a fraction. */
  @Test
  void brandwatchMentionsBelowTheirMetadataRows() throws IOException {
    String csv =
        "Report:,Bulk Mentions Download\n"
            + "Brand:,Acme\n"
            + "From:,2023-12-25\n"
            + "To:,2024-01-07\n"
            + "Label:,\n"
            + "\n"
            + "Query Id,Query Name,Date,Title,Snippet,Full Text,Url,Domain,Sentiment,Page Type,"
            + "Language,Country,Author,Likes,Comments,Shares\n"
            + "2001,Acme brand,2023-12-31 14:05:00.0,New store,\"Acme opens, finally\",,"
            + "https://x.com/a/1,x.com,positive,twitter,en,Germany,@a,12,1,3\n"
            + "2001,Acme brand,2024-01-01 00:10:00.0,,Delays again,,https://x.com/b/2,x.com,"
            + "negative,twitter,en,Germany,@b,2,0,0\n"
            + "2001,Acme brand,2024-01-02 09:00:00.123,Review,Good,,https://blog.example/r,"
            + "blog.example,neutral,blog,en,Austria,Ann,,,\n";
    SourceScan scan =
        scan(
            Map.of("acme-mentions.csv", csv.getBytes(StandardCharsets.UTF_8)),
            "preset = brandwatch, metrics { mentions { aggregate = count },"
                + " negative { aggregate = count, where { Sentiment = negative } },"
                + " likes { column = Likes } }");
    assertThat(scan.quarantine().collectAsList()).isEmpty();
    assertThat(scan.quality().rowsRead()).isEqualTo(3);
    assertThat(values(scan))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "mentions@2023-12-25", 1.0,
                "mentions@2024-01-01", 2.0,
                "negative@2023-12-25", 0.0,
                "negative@2024-01-01", 1.0,
                "likes@2023-12-25", 12.0,
                "likes@2024-01-01", 2.0));
  }

  /** Sprout Social's Profile Performance: a row per day and profile, "1,234", "12.5%", "-". */
  @Test
  void sproutSocialProfilesPerDay() throws IOException {
    String csv =
        "Date,Network,Profile,Audience,Net Audience Growth,Impressions,Video Views,Engagements,"
            + "Reactions,Comments,Shares,Saves,Published Posts (Total),Sent Messages (Total),"
            + "Received Messages (Total),Sent Reels (Instagram),Sent Stories (Instagram),"
            + "Engagement Rate (per Impression)\n"
            + "03-11-2024,Facebook,Acme,\"12,040\",15,\"1,234\",40,88,60,20,8,0,2,0,3,-,-,7.1%\n"
            + "03-11-2024,Instagram,acme.shop,\"8,100\",-3,900,120,45,30,10,2,3,1,0,1,1,0,5.0%\n"
            + "03-12-2024,Facebook,Acme,\"12,060\",20,\"2,000\",10,100,70,20,10,0,1,0,0,-,-,5%\n"
            + "03-18-2024,Instagram,acme.shop,\"8,090\",-10,700,80,35,20,10,5,0,0,0,2,0,0,5.0%\n";
    SourceScan scan =
        scan(
            Map.of(
                "Profile Performance (Mar 11 - Mar 18).csv", csv.getBytes(StandardCharsets.UTF_8)),
            "preset = sprout-social, entity = Profile, metrics {"
                + " audience { column = Audience, aggregate = last },"
                + " impressions { column = Impressions },"
                + " rate { column = \"Engagement Rate (per Impression)\", aggregate = mean },"
                + " reels { column = \"Sent Reels (Instagram)\" } }");
    assertThat(scan.quarantine().collectAsList()).isEmpty();
    Map<String, Double> v = values(scan);
    assertThat(v.get("audience/Acme@2024-03-11")).isEqualTo(12060.0);
    assertThat(v.get("impressions/Acme@2024-03-11")).isEqualTo(1234.0 + 2000);
    assertThat(v.get("impressions/acme.shop@2024-03-11")).isEqualTo(900.0);
    assertThat(v.get("impressions/acme.shop@2024-03-18")).isEqualTo(700.0);
    assertThat(v.get("rate/Acme@2024-03-11")).isCloseTo((0.071 + 0.05) / 2, within(1e-12));
    assertThat(v.get("reels/acme.shop@2024-03-11")).isEqualTo(1.0);
    // Facebook has no reels: "-" is missing, so the window has no reels value (the panel fills
    // it with the metric's gap value).
    assertThat(v).containsEntry("reels/Acme@2024-03-11", null);
  }

  /** Sprout Social's Post Performance: a row per post, lower-case am/pm, "215,312", "1.68%". */
  @Test
  void sproutSocialPostsWithLowerCaseAmPm() throws IOException {
    String csv =
        "Date,Post ID,Network,Post Type,Content Type,Profile,Sent by,Link,Post,Linked Content,"
            + "Impressions,Organic Impressions,Paid Impressions,Reach,Organic Reach,Paid Reach,"
            + "Potential Reach,Engagement Rate (per Impression),Engagements,Reactions\n"
            + "1/1/2024 12:35 am,180001,Instagram,Post,Photo,'@acme.shop,Ann,"
            + "https://instagram.com/p/1,\"New year,\nnew store\",,\"215,312\",\"215,312\",0,"
            + "\"190,000\",\"190,000\",0,,1.68%,\"3,617\",\"3,001\"\n"
            + "1/7/2024 11:59 pm,180002,X,'@Reply,Text,'@acme,Ben,https://x.com/acme/2,"
            + "Thanks!,,120,120,,,,,,0.83%,1,1\n"
            + "1/8/2024 12:00 PM,180003,Instagram,Reel,Video,'@acme.shop,Ann,"
            + "https://instagram.com/p/3,Store tour,,\"9,500\",\"9,500\",0,\"8,000\",\"8,000\",0,,"
            + "2.0%,190,150\n";
    SourceScan scan =
        scan(
            Map.of("Post Performance.csv", csv.getBytes(StandardCharsets.UTF_8)),
            "preset = sprout-social-posts, metrics { impressions { column = Impressions },"
                + " engagements { column = Engagements }, posts { aggregate = count } }");
    assertThat(scan.quarantine().collectAsList()).isEmpty();
    assertThat(values(scan))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "impressions@2024-01-01", 215312.0 + 120,
                "engagements@2024-01-01", 3617.0 + 1,
                "posts@2024-01-01", 2.0,
                "impressions@2024-01-08", 9500.0,
                "engagements@2024-01-08", 190.0,
                "posts@2024-01-08", 1.0));
  }

  /**
   * inspect on a Meltwater export with the query line above its header: the meltwater preset, and
   * the block reads every mention.
   */
  @Test
  void inspectAMeltwaterExportWithItsQueryLine() throws IOException {
    String melt =
        "((Acme OR \"Acme store\") NOT jobs)\n"
            + String.join("\t", MELTWATER_HEADER)
            + "\n"
            + mention("07-Jan-2026 06:27PM", "1", "1330", "12.30", "Negative")
            + mention("08-Jan-2026 11:02AM", "2", "36820", "1,029.70", "Positive");
    Path file = Files.createDirectories(dir.resolve("m")).resolve("Acme.csv");
    Files.write(file, utf16(melt));
    Inspection in = Inspection.of(file, InspectOptions.defaults());
    assertThat(in.preset()).isEqualTo("meltwater");
    assertThat(in.block()).doesNotContain("skip-lines");
    Files.writeString(
        dir.resolve("job.conf"),
        "socialkpi {\n  run { zone = \"UTC\", window = week, run-date = 2030-01-01 }\n"
            + "  sources {\n"
            + in.text()
            + "\n  }\n}\n");
    io.socialkpi.config.Settings s =
        io.socialkpi.config.SettingsLoader.load(dir.resolve("job.conf"));
    String id = in.sourceId();
    SourceScan scan =
        SourceScan.run(
            SparkTestSession.get(), s.sources().get(id), InputCheck.check(s).get(id), s.run());
    assertThat(scan.quarantine().collectAsList()).isEmpty();
    assertThat(scan.quality().rowsAccepted()).isEqualTo(2);
  }
}

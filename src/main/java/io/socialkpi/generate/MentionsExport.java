package io.socialkpi.generate;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Listening-tool export (Brandwatch style): JSON lines, one mention each, at any hour, with a UTC
 * timestamp, region, sentiment in -1..1, topic and channel. From the VIP community launch there are
 * 20% fewer complaints and mean sentiment is 0.10 higher. Broken rows: a JSON line cut short, a
 * mention with an empty region and a timestamp without offset.
 */
final class MentionsExport extends DailyExport {
  static final String FILE = "social/mentions.jsonl";
  private static final String[] CHANNELS = {"twitter", "facebook", "instagram"};
  private static final double[] CHANNEL_SHARES = {0.40, 0.35, 0.25};

  private final int vipDay;
  private final double[] sharesAfter;
  private final double shiftAfter;
  private long id;

  MentionsExport(GeneratorOptions o, Truth truth, Path outDir) throws IOException {
    super(o, outDir, FILE, null, Fault.MALFORMED_JSON, Fault.MISSING_VALUE, Fault.BAD_TIME);
    this.vipDay = truth.dayIndex(truth.vipCommunityLaunch());
    double complaints = truth.vipCommunity().complaintFactor();
    this.sharesAfter = CompanyModel.topicShares(complaints);
    this.shiftAfter =
        CompanyModel.sentimentShiftPerMention(complaints, truth.vipCommunity().sentimentShift());
  }

  @Override
  void writeDay(int day, Clock clock, Drivers drivers) throws IOException {
    boolean after = options.inject() && day >= vipDay;
    double[] shares = after ? sharesAfter : CompanyModel.TOPIC_SHARES;
    double shift = after ? shiftAfter : 0;
    for (int r = 0; r < options.entities(); r++) {
      Rand rand = Rand.of(options.seed(), FILE, r, day);
      int n = rand.poisson(options.volume() * CompanyModel.MENTIONS);
      for (long at : clock.instants(rand, n)) {
        int topic = rand.pick(shares);
        // Two uniforms: bounded noise, so no sentiment leaves -1..1 (see CompanyModel).
        double noise = CompanyModel.SENTIMENT_NOISE;
        double sentiment =
            CompanyModel.TOPIC_SENTIMENT[topic]
                + shift
                + rand.uniform(-noise, noise)
                + rand.uniform(-noise, noise);
        StringBuilder line = start(sink.line());
        clock.appendUtc(line, at);
        rest(line, options.region(r), sentiment, topic, rand.pick(CHANNEL_SHARES));
        sink.row();
      }
    }
    if (faults.at(Fault.MALFORMED_JSON, day)) {
      StringBuilder line = start(sink.line());
      clock.appendUtc(line, clock.startEpochSecond + 10 * 3600);
      line.append("\",\"region\":");
      sink.broken(Fault.MALFORMED_JSON, "JSON line cut short");
    }
    if (faults.at(Fault.MISSING_VALUE, day)) {
      StringBuilder line = start(sink.line());
      clock.appendUtc(line, clock.startEpochSecond + 11 * 3600);
      rest(line, "", 0.2, 3, 0);
      sink.broken(Fault.MISSING_VALUE, "region is empty");
    }
    if (faults.at(Fault.BAD_TIME, day)) {
      StringBuilder line = start(sink.line()).append(clock.iso).append(" 12:30:00");
      rest(line, options.region(0), 0.1, 2, 1);
      sink.broken(Fault.BAD_TIME, "created_at has no 'T' and no offset");
    }
  }

  private StringBuilder start(StringBuilder line) {
    return line.append("{\"mention_id\":\"M").append(++id).append("\",\"created_at\":\"");
  }

  private static void rest(
      StringBuilder line, String region, double sentiment, int topic, int channel) {
    line.append("\",\"region\":\"").append(region).append("\",\"sentiment\":");
    Decimal.append(line, sentiment, 3)
        .append(",\"topic\":\"")
        .append(CompanyModel.TOPICS[topic])
        .append("\",\"channel\":\"")
        .append(CHANNELS[channel])
        .append("\"}");
  }
}

package io.socialkpi.inspect;

import io.socialkpi.config.Aggregate;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The metrics a source block suggests: one per numeric column (every sampled value a number in the
 * file's format, or empty, or a missing marker), named in kebab case after the column, with an
 * aggregate from its name. Other columns are left out with the reason, which the summary prints.
 *
 * <p>Aggregates: {@code mean} for rates, percentages, averages, scores, durations and survey
 * questions ({@code Q1}: a rating or an answer's code), which do not add up; {@code last} for
 * levels and rolling totals ({@code Lifetime ...}, {@code Total ...}, {@code Weekly ...}, {@code 28
 * Days ...}) in a series of one row per day, where the week's last day holds the week's value and a
 * sum would count the same fans or people up to 28 times; {@code sum} otherwise. In a file of one
 * row per post, tweet or response {@code Lifetime Post Total Reach} is each post's own total, so it
 * adds up ({@code sum}), and a count of rows is added.
 */
final class Metrics {
  private static final Pattern MEAN =
      Pattern.compile(
          "(?i).*(rates?\\b|\\bratio|percent|%|average|\\bavg\\b|\\bmean\\b|\\bper\\b|score|rating"
              + "|duration|progress|\\bctr\\b).*|(?i)q\\d+(_\\d+)*");
  private static final Pattern LEVEL =
      Pattern.compile("(?i)(lifetime|total|weekly|28 days|monthly)\\b.*");
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?i)(.*[ _.-])?(id|ids|uuid|guid)|.*(latitude|longitude|zip|postal code).*");

  /** {@code ResponseId}, {@code postID}: case matters, or {@code Paid} would be one. */
  private static final Pattern CAMEL_ID = Pattern.compile(".*[a-z](Id|ID)");

  private Metrics() {}

  record Metric(String id, String column, Aggregate aggregate) {}

  /** Columns left out for one reason. */
  record LeftOut(String why, List<String> columns) {}

  /**
   * @param numeric numeric columns found, also those over the limit
   */
  record Choice(List<Metric> metrics, List<LeftOut> leftOut, int numeric) {}

  /**
   * The metrics of a file with {@code columns} (by position, the time column's included), {@code
   * max} at most (0: all) in header order.
   */
  static Choice choose(
      List<String> header,
      List<NumberFormats.Column> columns,
      TimeColumn time,
      boolean oneRowPerDay,
      boolean noRows,
      int max) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    Map<String, Integer> names = new HashMap<>();
    header.forEach(n -> names.merge(n, 1, Integer::sum));
    List<String> numeric = new ArrayList<>();
    for (int c = 0; c < header.size(); c++) {
      String name = header.get(c);
      NumberFormats.Column col = columns.get(c);
      String why;
      if (c == time.index()) {
        continue;
      } else if (name.isEmpty()) {
        why = "no name in the header";
      } else if (names.get(name) > 1) {
        why = "named twice in the header, so the reader cannot tell which is meant";
      } else if (time.others().contains(name)) {
        why = "times, not measures";
      } else if (IDENTIFIER.matcher(name).matches() || CAMEL_ID.matcher(name).matches()) {
        why = "identifiers or codes, not measures";
      } else if (noRows) {
        why = "no rows to tell whether they hold numbers";
      } else if (col.kind() == NumberFormats.Kind.EMPTY) {
        why = "no value in any sampled row (empty, or a missing marker)";
      } else if (col.kind() == NumberFormats.Kind.TEXT) {
        why = "not numbers (e.g. '" + shorten(col.example()) + "')";
      } else {
        numeric.add(name);
        continue;
      }
      List<String> listed = out.computeIfAbsent(why, k -> new ArrayList<>());
      if (!listed.contains(name)) {
        listed.add(name); // a name written twice is listed once
      }
    }
    List<String> kept = max > 0 && numeric.size() > max ? numeric.subList(0, max) : numeric;
    if (kept.size() < numeric.size()) {
      out.put(
          "more numeric columns than --max-metrics " + max + " (--max-metrics 0 prints all)",
          numeric.subList(max, numeric.size()));
    }
    List<Metric> metrics = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (String column : kept) {
      metrics.add(new Metric(unique(id(column), ids), column, aggregate(column, oneRowPerDay)));
    }
    if (!oneRowPerDay || metrics.isEmpty()) {
      // One row per post or response: how many there were is a metric of its own.
      metrics.add(new Metric(unique("rows", ids), null, Aggregate.COUNT));
    }
    List<LeftOut> leftOut = new ArrayList<>();
    out.forEach((why, cols) -> leftOut.add(new LeftOut(why, List.copyOf(cols))));
    return new Choice(List.copyOf(metrics), List.copyOf(leftOut), numeric.size());
  }

  static Aggregate aggregate(String column, boolean oneRowPerDay) {
    if (MEAN.matcher(column).matches()) {
      return Aggregate.MEAN;
    }
    return oneRowPerDay && LEVEL.matcher(column).matches() ? Aggregate.LAST : Aggregate.SUM;
  }

  /** A metric name from a column name: ASCII letters and digits in lower case, joined by '-'. */
  static String id(String column) {
    String ascii =
        Normalizer.normalize(column, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    String id = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return id.isEmpty() ? "metric" : id;
  }

  private static String unique(String id, Set<String> taken) {
    String candidate = id;
    for (int n = 2; !taken.add(candidate); n++) {
      candidate = id + "-" + n;
    }
    return candidate;
  }

  private static String shorten(String s) {
    String one = s.replace("\n", " ").replace("\r", " ");
    return one.length() > 30 ? one.substring(0, 30) + "..." : one;
  }
}

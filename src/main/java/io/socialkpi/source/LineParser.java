package io.socialkpi.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import io.socialkpi.config.SourceFormat;
import io.socialkpi.config.SourceSpec;
import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one raw line of a CSV or JSON-lines source into the values of the columns the job reads, or
 * into a quarantine reason. Plain Java, one instance per Spark partition.
 */
final class LineParser implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * One line: its text, and either the fields (in {@link SourceSpec#columns()} order) or why not. A
   * class, not a record: it holds an array, which a record would compare by reference.
   */
  static final class Parsed {
    private final String raw;
    private final QuarantineReason reason;
    private final String detail;
    private final String[] fields;

    Parsed(String raw, QuarantineReason reason, String detail, String[] fields) {
      this.raw = raw;
      this.reason = reason;
      this.detail = detail;
      this.fields = fields;
    }

    String raw() {
      return raw;
    }

    /** Why the line is quarantined, or null. */
    QuarantineReason reason() {
      return reason;
    }

    String detail() {
      return detail;
    }

    /** The fields in {@link SourceSpec#columns()} order, or null. */
    String[] fields() {
      return fields;
    }

    /** A comment line (csv.comment): not a row, neither counted nor quarantined. */
    boolean comment() {
      return reason == null && fields == null;
    }
  }

  /** Says why a line inside a quoted field that spans lines is not read. */
  static final String QUOTE_HINT = " (a line break inside a quoted field?): the line is not read";

  private final SourceSpec source;
  private final int[] positions;
  private final int headerSize;
  private final Conditions skipRows;

  /** time.pattern = nth-day, looked up once: {@link #nthDay} runs for every line. */
  private final boolean nthDay;

  /** The file's character set: csv.encoding, or the file's own (FileEncoding). */
  private final String charsetName;

  private transient CsvParser csv;
  private transient ObjectMapper json;
  private transient java.util.Map<String, Integer> jsonColumns;
  private transient CharsetDecoder utf8;

  LineParser(SourceSpec source, SourceLayout layout) {
    this(source, layout.header());
  }

  /** A parser for files with {@code header}: the source's columns are found in it by name. */
  LineParser(SourceSpec source, List<String> header) {
    this(source, header, FileEncoding.fallback(source));
  }

  /** A parser for files with {@code header} whose lines are in {@code charset}. */
  LineParser(SourceSpec source, List<String> header, String charset) {
    this.source = source;
    this.charsetName = charset;
    List<String> columns = source.columns();
    this.positions = new int[columns.size()];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = header.indexOf(columns.get(i));
    }
    this.headerSize = header.size();
    this.skipRows = new Conditions(source.skipRows(), columns);
    this.nthDay = source.time().nthDay();
  }

  /**
   * Whether a parsed row meets every skip-rows condition (a totals row): not data. False for a line
   * the parser could not split, and when the source has no skip-rows.
   */
  boolean skipped(Parsed p) {
    return !skipRows.isEmpty()
        && p.reason() == null
        && p.fields() != null
        && skipRows.matches(p.fields());
  }

  /** The longest line, or record of several lines, that is read (max-line-size). */
  long maxLineSize() {
    return source.maxLineSize();
  }

  /** Records that make the header (csv.header-rows). */
  int headerRows() {
    return source.csv().headerRows();
  }

  /** Whether a blank line ends a table and the next line heads another (csv.tables). */
  boolean tables() {
    return source.format() == SourceFormat.CSV && source.csv().tables();
  }

  /**
   * The parser of a table headed by {@code line} (csv.tables), or null when that header does not
   * name every column the source reads: that table is not read.
   */
  LineParser tableParser(String line) {
    String[] names = csv().parseLine(line);
    if (names == null) {
      return null;
    }
    List<String> header = new java.util.ArrayList<>();
    for (String n : names) {
      header.add(n == null ? "" : n.trim());
    }
    return header.containsAll(source.columns())
        ? new LineParser(source, header, charsetName)
        : null;
  }

  /**
   * The row with its time field, an offset in days ({@code time.pattern = nth-day}: GA's "Nth day",
   * 0000 for the report's first day), turned into the date it names, or a {@code bad_time} row when
   * the offset or the file's start date is missing, or its start date ({@code unreadableStart},
   * else null) is no date.
   */
  Parsed nthDay(Parsed p, java.time.LocalDate start, String unreadableStart) {
    if (!nthDay || p.reason() != null || p.fields() == null) {
      return p;
    }
    String[] fields = p.fields().clone();
    String offset = fields[0] == null ? "" : CellTrim.trim(fields[0]);
    if (!offset.matches("[0-9]{1,6}")) {
      return p; // LineCheck names the text that is no date
    }
    if (start == null && unreadableStart != null) {
      return new Parsed(
          p.raw(),
          QuarantineReason.BAD_TIME,
          "'"
              + offset
              + "' is a day offset (time.pattern = nth-day) but the file's '# Start date: "
              + unreadableStart
              + "' is no date (YYYYMMDD)",
          null);
    }
    if (start == null) {
      return new Parsed(
          p.raw(),
          QuarantineReason.BAD_TIME,
          "'"
              + offset
              + "' is a day offset (time.pattern = nth-day) but the file has no '# Start date:"
              + " YYYYMMDD' comment line before it",
          null);
    }
    fields[0] = start.plusDays(Long.parseLong(offset)).toString();
    return new Parsed(p.raw(), null, p.detail(), fields);
  }

  /** How many fields a parsed line carries. */
  int width() {
    return positions.length;
  }

  /** Bytes of a too-long line kept in the quarantine table's {@code raw}. */
  static final int RAW_KEPT = 1024;

  Parsed parse(byte[] bytes, int length) {
    if (length > source.maxLineSize()) {
      return new Parsed(
          head(bytes, length),
          QuarantineReason.LINE_TOO_LONG,
          String.format(
              java.util.Locale.ROOT,
              "line of %,d bytes is longer than max-line-size (%,d bytes); raw holds its first %,d",
              length,
              source.maxLineSize(),
              RAW_KEPT),
          null);
    }
    String raw;
    try {
      raw = decoder().decode(ByteBuffer.wrap(bytes, 0, length)).toString();
    } catch (CharacterCodingException e) {
      String lossy = new String(bytes, 0, length, charset());
      return new Parsed(
          lossy, QuarantineReason.BAD_ENCODING, "line is not valid " + charset().name(), null);
    }
    return parse(raw);
  }

  /** A line of a file that repeats {@code original} byte for byte: counted once, there. */
  Parsed duplicateOf(String original, byte[] bytes, int length) {
    String raw =
        length > source.maxLineSize()
            ? head(bytes, length)
            : new String(bytes, 0, length, charset());
    return new Parsed(
        raw,
        QuarantineReason.DUPLICATE_FILE,
        "the file has the same bytes as " + original + ", whose rows count",
        null);
  }

  /** The start of a line, decoded leniently (a cut multi-byte character becomes U+FFFD). */
  private String head(byte[] bytes, int length) {
    return new String(bytes, 0, Math.min(length, RAW_KEPT), charset()) + "\u2026";
  }

  Parsed parse(String raw) {
    if (raw.isBlank()) {
      return new Parsed(raw, QuarantineReason.BLANK_LINE, "empty line", null);
    }
    if (source.format() == SourceFormat.JSON) {
      return parseJson(raw);
    }
    Character comment = source.csv().comment();
    if (comment != null && raw.charAt(0) == comment) {
      return new Parsed(raw, null, "comment", null);
    }
    return parseCsv(raw);
  }

  /**
   * Whether the quotes of a CSV line do not balance: an odd number of quote characters (a doubled
   * quote counts two; one after a distinct escape character none). Such a line is one end of a
   * quoted field holding a line break.
   */
  boolean unbalanced(String raw) {
    return source.format().csvRecords() && endsInQuote(raw, false);
  }

  /** Whether a line that starts inside a quoted field closes it (and ends outside quotes). */
  boolean closesQuote(String raw) {
    return !endsInQuote(raw, true);
  }

  private boolean endsInQuote(String raw, boolean startInQuote) {
    return endsInQuote(
        raw, source.csv().delimiter(), source.csv().quote(), source.csv().escape(), startInQuote);
  }

  /**
   * Whether the line ends inside a quoted field, read as RFC 4180 does: a quote opens a quoted
   * field only at the start of a field; inside one, a doubled quote (or the escape character before
   * a quote) is a literal quote and a single quote closes it. A quote in the middle of an unquoted
   * field (an inch mark, {@code 55" screen}) is a literal character and opens nothing.
   */
  static boolean endsInQuote(
      String line, char delimiter, char quote, char escape, boolean startInQuote) {
    boolean inQuotes = startInQuote;
    boolean fieldStart = !startInQuote;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (inQuotes) {
        if (escape != quote && c == escape && i + 1 < line.length()) {
          char n = line.charAt(i + 1);
          if (n == quote || n == escape) {
            i++;
            continue;
          }
        }
        if (c == quote) {
          if (escape == quote && i + 1 < line.length() && line.charAt(i + 1) == quote) {
            i++;
          } else {
            inQuotes = false;
          }
        }
      } else if (c == quote && fieldStart) {
        inQuotes = true;
        fieldStart = false;
      } else {
        fieldStart = c == delimiter;
      }
    }
    return inQuotes;
  }

  /** A line inside or closing a quoted field that an earlier line of the split opened. */
  Parsed insideQuote(String raw, long linesEarlier, boolean closes) {
    return new Parsed(
        raw,
        QuarantineReason.UNBALANCED_QUOTE,
        (closes ? "closes" : "inside")
            + " a quote opened "
            + linesEarlier
            + " line(s) earlier"
            + QUOTE_HINT,
        null);
  }

  private Parsed parseCsv(String raw) {
    // Most lines hold no quote at all: splitting them at the delimiter gives exactly what
    // univocity gives (no trimming, an empty field null), at a fraction of the cost.
    boolean quoted = raw.indexOf(source.csv().quote()) >= 0;
    if (quoted && unbalanced(raw)) {
      return new Parsed(
          raw,
          QuarantineReason.UNBALANCED_QUOTE,
          "a quote opened on this line is not closed on it" + QUOTE_HINT,
          null);
    }
    String[] all = quoted ? null : split(raw, source.csv().delimiter(), headerSize);
    if (all == null && !quoted) {
      int found = count(raw, source.csv().delimiter()) + 1;
      if (found > CsvFields.MAX_COLUMNS) {
        return wrongFieldCount(raw, String.format(Locale.ROOT, "%,d", found));
      }
    }
    if (all == null) {
      try {
        all = csv().parseLine(raw);
      } catch (TextParsingException e) {
        csv = null; // a fresh parser for the next line
        if (e.getCause() instanceof ArrayIndexOutOfBoundsException) {
          return wrongFieldCount(
              raw, String.format(Locale.ROOT, "more than %,d", CsvFields.MAX_COLUMNS));
        }
        return new Parsed(
            raw,
            QuarantineReason.WRONG_FIELD_COUNT,
            "cannot be split into fields: " + firstLine(e.getMessage()),
            null);
      }
    }
    if (all == null || all.length != headerSize) {
      return wrongFieldCount(raw, String.valueOf(all == null ? 0 : all.length));
    }
    String[] fields = new String[positions.length];
    for (int i = 0; i < positions.length; i++) {
      fields[i] = all[positions[i]];
    }
    return new Parsed(raw, null, null, fields);
  }

  private Parsed wrongFieldCount(String raw, String found) {
    return new Parsed(
        raw,
        QuarantineReason.WRONG_FIELD_COUNT,
        "expected " + headerSize + " fields, found " + found,
        null);
  }

  private static int count(String line, char c) {
    int n = 0;
    for (int i = line.indexOf(c); i >= 0; i = line.indexOf(c, i + 1)) {
      n++;
    }
    return n;
  }

  /**
   * The fields of a line without quotes, as univocity gives them (an empty field is null), or null
   * when the line does not have {@code expected} fields, for univocity to count them.
   */
  static String[] split(String line, char delimiter, int expected) {
    if (expected < 1) {
      return null;
    }
    String[] fields = new String[expected];
    int start = 0;
    for (int f = 0; f < expected - 1; f++) {
      int end = line.indexOf(delimiter, start);
      if (end < 0) {
        return null;
      }
      fields[f] = end == start ? null : line.substring(start, end);
      start = end + 1;
    }
    if (line.indexOf(delimiter, start) >= 0) {
      return null;
    }
    fields[expected - 1] = start == line.length() ? null : line.substring(start);
    return fields;
  }

  private Parsed parseJson(String raw) {
    // A dotted column (traffic_source.medium) may name a nested field: the tree reading resolves
    // it.
    String[] streamed = nestedColumns() ? null : jsonFields(raw);
    return streamed != null ? new Parsed(raw, null, null, streamed) : parseJsonTree(raw);
  }

  /** A JSON line read whole as a Jackson tree: the reference the streamed reading must equal. */
  Parsed parseJsonTree(String raw) {
    JsonNode node;
    int end;
    try (JsonParser parser = json().createParser(raw)) {
      node = json().readTree(parser);
      end = (int) parser.currentLocation().getCharOffset();
    } catch (IOException e) {
      Matcher duplicate = DUPLICATE_KEY.matcher(String.valueOf(e.getMessage()));
      String detail =
          duplicate.lookingAt()
              ? "key '"
                  + duplicate.group(1)
                  + "' appears twice in the object: its value is ambiguous"
              : firstLine(e.getMessage());
      return new Parsed(raw, QuarantineReason.MALFORMED_JSON, detail, null);
    }
    while (end >= 0 && end < raw.length() && " \t\r\n".indexOf(raw.charAt(end)) >= 0) {
      end++;
    }
    if (node != null && end >= 0 && end < raw.length()) {
      // Jackson stops after the first value: a second object or trailing text would be lost.
      return new Parsed(
          raw,
          QuarantineReason.MALFORMED_JSON,
          (raw.charAt(end) == '{' ? "a second JSON object" : "text after the JSON object")
              + " at column "
              + (end + 1)
              + ": one JSON object per line, nothing after it",
          null);
    }
    if (node == null || !node.isObject()) {
      return new Parsed(raw, QuarantineReason.MALFORMED_JSON, "not a JSON object", null);
    }
    List<String> columns = source.columns();
    String[] fields = new String[columns.size()];
    for (int i = 0; i < fields.length; i++) {
      JsonNode value = field(node, columns.get(i));
      if (value == null || value.isNull()) {
        fields[i] = null;
      } else if (value.isValueNode()) {
        fields[i] = sparkText(value.asText());
      } else {
        fields[i] = sparkText(value.toString());
      }
    }
    return new Parsed(raw, null, null, fields);
  }

  /**
   * The fields of a line that is one JSON object and nothing else, read as a token stream: the
   * values of the columns read are built as Jackson nodes (so their text is what the tree reading
   * below gives), the others skipped without building them. Null for anything else (not an object,
   * malformed, a duplicated key, trailing text), which the tree reading then reports.
   */
  private String[] jsonFields(String raw) {
    String[] fields = new String[positions.length];
    try (JsonParser p = json().createParser(raw)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        Integer i = jsonColumns().get(p.currentName());
        JsonToken v = p.nextToken();
        if (i == null) {
          p.skipChildren();
        } else if (v == JsonToken.VALUE_STRING) {
          fields[i] = sparkText(p.getText());
        } else if (v != JsonToken.VALUE_NULL) {
          JsonNode node = json().readTree(p);
          fields[i] = sparkText(node.isValueNode() ? node.asText() : node.toString());
        }
      }
      if (t != JsonToken.END_OBJECT) {
        return null;
      }
      int end = (int) p.currentLocation().getCharOffset();
      while (end >= 0 && end < raw.length() && " \t\r\n".indexOf(raw.charAt(end)) >= 0) {
        end++;
      }
      return end == raw.length() ? fields : null;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The value of column {@code name} in a JSON object: its key of that name, or else a field of a
   * nested object, the name read as a path ({@code traffic_source.medium} is {@code medium} in the
   * object at {@code traffic_source}; GA4's BigQuery export nests so). A key that holds the whole
   * name wins over a path; of two paths, the one with the shorter first key. Null where none is.
   */
  static JsonNode field(JsonNode object, String name) {
    JsonNode exact = object.get(name);
    if (exact != null) {
      return exact;
    }
    for (int dot = name.indexOf('.'); dot > 0; dot = name.indexOf('.', dot + 1)) {
      JsonNode child = object.get(name.substring(0, dot));
      if (child != null && child.isObject()) {
        JsonNode value = field(child, name.substring(dot + 1));
        if (value != null) {
          return value;
        }
      }
    }
    return null;
  }

  private boolean nestedColumns() {
    for (String c : source.columns()) {
      if (c.indexOf('.') > 0) {
        return true;
      }
    }
    return false;
  }

  private java.util.Map<String, Integer> jsonColumns() {
    if (jsonColumns == null) {
      java.util.Map<String, Integer> m = new java.util.HashMap<>();
      List<String> columns = source.columns();
      for (int i = 0; i < columns.size(); i++) {
        m.put(columns.get(i), i);
      }
      jsonColumns = m;
    }
    return jsonColumns;
  }

  /**
   * The text as Spark holds it: a JSON escape can make a lone surrogate (U+D800), which Spark's
   * UTF-8 strings turn into '?'; the compiled scan compares the same text as the expression scan.
   */
  static String sparkText(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
      }
    }
    return s;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "not valid JSON";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private CsvParser csv() {
    if (csv == null) {
      csv = CsvFields.parser(source.csv());
    }
    return csv;
  }

  /** Jackson's message for a key that appears twice (STRICT_DUPLICATE_DETECTION). */
  private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate field '(.*?)'");

  private ObjectMapper json() {
    if (json == null) {
      // A key written twice would silently take its last value.
      json = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }
    return json;
  }

  /** The file's character set (JSON lines: UTF-8, RFC 8259). */
  private java.nio.charset.Charset charset() {
    return java.nio.charset.Charset.forName(charsetName);
  }

  private CharsetDecoder decoder() {
    if (utf8 == null) {
      utf8 =
          charset()
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
    return utf8;
  }
}

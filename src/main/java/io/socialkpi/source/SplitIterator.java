package io.socialkpi.source;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.spark.util.CollectionAccumulator;
import scala.Tuple2;

/**
 * Parses one split of a text file lazily, handing each record to a {@link
 * TextSourceReader.LineSink}, and reports the split's line count when exhausted: skip-lines, the
 * header and its later rows, comment lines, quoted fields across lines (held until their quote
 * closes), the lines of a file that copies another. A split is a Hadoop split of a file, or a whole
 * file read by {@link WholeFiles}.
 */
final class SplitIterator<T> implements Iterator<T> {
  private final String file;
  private final int fileRank;
  private final long start;
  private final Iterator<Tuple2<LongWritable, Text>> lines;

  /** The parser of the current table: the file's, or of a later table (csv.tables). */
  private LineParser parser;

  /** csv.tables: a blank line ends a table; the next line heads another. */
  private final boolean tables;

  /** A blank line ended the last table; the next line that is not a comment is a header. */
  private boolean betweenTables;

  /** In a table the source does not read (its header lacks a column the source reads). */
  private boolean skippingTable;

  /** The report's first day, from a GA comment line "# Start date: YYYYMMDD" (nth-day). */
  private java.time.LocalDate startDate;

  /** The digits of a "# Start date:" line that name no date (20241301), or null. */
  private String unreadableStart;

  /** GA's comment line naming the report's first day. */
  private static final java.util.regex.Pattern START_DATE =
      java.util.regex.Pattern.compile("^#\\s*Start date:\\s*([0-9]{8})\\s*$");

  private final String duplicateOf;
  private final CollectionAccumulator<SplitLines> splitLines;
  private final TextSourceReader.LineSink<T> sink;
  private long index = -1;

  /** Lines before the header still to skip (csv.skip-lines). */
  private int skipPending;

  /** The header is the first line of the file, after skip-lines, that is not a comment. */
  private boolean headerPending;

  /** Header records after the first still to skip (csv.header-rows). */
  private int extraHeaderPending;

  /** Index of the line that opened a quoted field not closed yet, or -1. */
  private long quoteOpenedAt = -1;

  /** Rows ready to hand out, in file order. */
  private final java.util.ArrayDeque<T> out = new java.util.ArrayDeque<>();

  /** The lines so far of a record whose quoted field holds line breaks (RFC 4180). */
  private final List<Held> held = new ArrayList<>();

  private long heldBytes;
  private final long maxRecord;
  private boolean reported;

  private record Held(long index, long offset, LineParser.Parsed parsed) {}

  /**
   * @param file the file, as Hadoop's {@code Path} names it
   * @param start the split's first byte in the file
   * @param linesBeforeHeader lines at the file's start before its header (csv.skip-lines)
   * @param duplicateOf the file this one copies byte for byte, or null
   */
  SplitIterator(
      String file,
      long start,
      int fileRank,
      Iterator<Tuple2<LongWritable, Text>> lines,
      LineParser parser,
      boolean header,
      int linesBeforeHeader,
      String duplicateOf,
      CollectionAccumulator<SplitLines> splitLines,
      TextSourceReader.LineSink<T> sink) {
    this.sink = sink;
    this.duplicateOf = duplicateOf;
    this.file = file;
    this.fileRank = fileRank;
    this.start = start;
    this.lines = lines;
    this.parser = parser;
    this.tables = parser.tables();
    this.headerPending = header && start == 0;
    this.skipPending = start == 0 ? linesBeforeHeader : 0;
    this.extraHeaderPending = headerPending ? parser.headerRows() - 1 : 0;
    this.maxRecord = parser.maxLineSize();
    this.splitLines = splitLines;
  }

  @Override
  public boolean hasNext() {
    while (out.isEmpty() && lines.hasNext()) {
      Tuple2<LongWritable, Text> line = lines.next();
      index++;
      long offset = line._1().get();
      Text text = line._2();
      LineParser.Parsed parsed = parser.parse(text.getBytes(), text.getLength());
      String raw = offset == 0 ? Headers.stripBom(parsed.raw()) : parsed.raw();
      if (offset == 0
          && !raw.equals(parsed.raw())
          && parsed.reason() != QuarantineReason.LINE_TOO_LONG
          && parsed.reason() != QuarantineReason.BAD_ENCODING) {
        parsed = parser.parse(raw);
      }
      if (skipPending > 0) {
        skipPending--;
        continue;
      }
      if (parsed.comment() && quoteOpenedAt < 0 && held.isEmpty()) {
        java.util.regex.Matcher m = START_DATE.matcher(raw);
        if (m.find()) {
          try {
            startDate =
                java.time.LocalDate.parse(
                    m.group(1), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            unreadableStart = null;
          } catch (java.time.format.DateTimeParseException e) {
            // Eight digits that are no date (month 13): the offsets after it have no day, and
            // their rows say why; an exception here would fail the whole run.
            startDate = null;
            unreadableStart = m.group(1);
          }
        }
        continue;
      }
      // A byte copy of a report too: its lines listed as duplicate_file are the rows its original
      // reads, not the blank lines, headers and rows of tables the source does not read.
      if (tables && quoteOpenedAt < 0 && held.isEmpty()) {
        if (parsed.reason() == QuarantineReason.BLANK_LINE) {
          betweenTables = true; // tables are separated by blank lines: no row
          continue;
        }
        if (headerPending || betweenTables) {
          headerPending = false;
          betweenTables = false;
          LineParser table = parser.tableParser(raw);
          skippingTable = table == null;
          if (table != null) {
            parser = table;
          }
          continue;
        }
        if (skippingTable) {
          continue; // another table of the report, like its header: not the source's rows
        }
        // (parsed is already this table's: parser became its parser at its header line)
      }
      parsed = parser.nthDay(parsed, startDate, unreadableStart);
      if (headerPending) {
        headerPending = false;
        continue;
      }
      if (duplicateOf != null) {
        if (extraHeaderPending > 0) {
          extraHeaderPending--; // the copy's later header rows are header too
          continue;
        }
        if (parser.skipped(parsed)) {
          continue; // a totals row is not data in a copy either
        }
        // Every line of a copied file is listed as it is, multi-line records or not.
        LineParser.Parsed copy = parser.duplicateOf(duplicateOf, text.getBytes(), text.getLength());
        out.add(sink.line(file, fileRank, start, index, offset, copy));
        continue;
      }
      if (!held.isEmpty()) {
        continueRecord(index, offset, parsed, text.getLength());
      } else if (quoteOpenedAt < 0 && parsed.reason() == QuarantineReason.UNBALANCED_QUOTE) {
        // A quoted field goes on to the next line: hold the line until the quote closes.
        held.add(new Held(index, offset, parsed));
        heldBytes = text.getLength();
      } else {
        emit(index, offset, quoteState(parsed, index));
      }
    }
    if (out.isEmpty() && !held.isEmpty()) {
      // The split ends inside the quoted field: at the file's end an unclosed quote; otherwise
      // the record goes on in the next split, and the source is read again in whole files.
      replayHeld();
    }
    if (out.isEmpty() && !reported) {
      reported = true;
      boolean open =
          quoteOpenedAt >= 0 || headerPending || skipPending > 0 || extraHeaderPending > 0;
      splitLines.add(new SplitLines(file, start, index + 1, open));
    }
    return !out.isEmpty();
  }

  /**
   * Adds a line to the held record: a line that closes the quote completes it, and the record is
   * parsed as one, at its first line. A record longer than max-line-size, or holding a line that
   * cannot be read, is given up: its lines are quarantined one by one as unclosed quotes.
   */
  private void continueRecord(long lineIndex, long offset, LineParser.Parsed parsed, int bytes) {
    held.add(new Held(lineIndex, offset, parsed));
    heldBytes += bytes + 1; // max-line-size counts bytes, the line break included
    if (parsed.reason() == QuarantineReason.LINE_TOO_LONG
        || parsed.reason() == QuarantineReason.BAD_ENCODING
        || heldBytes > maxRecord) {
      replayHeld();
      return;
    }
    if (!parser.closesQuote(parsed.raw())) {
      return;
    }
    StringBuilder record = new StringBuilder((int) Math.min(heldBytes, Integer.MAX_VALUE - 8));
    for (Held h : held) {
      if (record.length() > 0) {
        record.append('\n');
      }
      record.append(h.parsed().raw());
    }
    Held first = held.get(0);
    held.clear();
    // Parsed again whole, so its day offset (nth-day) is turned into its date again.
    emit(
        first.index(),
        first.offset(),
        parser.nthDay(parser.parse(record.toString()), startDate, unreadableStart));
  }

  /** Hands out a record, unless it is one of the header's later rows. */
  private void emit(long lineIndex, long offset, LineParser.Parsed parsed) {
    if (extraHeaderPending > 0) {
      extraHeaderPending--;
      return;
    }
    out.add(sink.line(file, fileRank, start, lineIndex, offset, parsed));
  }

  private void replayHeld() {
    for (Held h : held) {
      emit(h.index(), h.offset(), quoteState(h.parsed(), h.index()));
    }
    held.clear();
  }

  /**
   * Lines from one that ends inside a quoted field to the one that closes it, when they cannot be
   * read as one record (too long, or the file ends first): none of them is read.
   */
  private LineParser.Parsed quoteState(LineParser.Parsed parsed, long lineIndex) {
    boolean tooLong = parsed.reason() == QuarantineReason.LINE_TOO_LONG;
    if (quoteOpenedAt < 0) {
      // A line that cannot be decoded may still open a quoted field (a caption's accented first
      // line): its quotes, read leniently, say so, and the field's later lines are not rows.
      if (parsed.reason() == QuarantineReason.UNBALANCED_QUOTE
          || (parsed.reason() == QuarantineReason.BAD_ENCODING
              && parser.unbalanced(parsed.raw()))) {
        quoteOpenedAt = lineIndex;
      }
      return parsed;
    }
    if (tooLong) {
      return parsed; // its quotes are not looked at
    }
    boolean closes = parser.closesQuote(parsed.raw());
    LineParser.Parsed inside = parser.insideQuote(parsed.raw(), lineIndex - quoteOpenedAt, closes);
    if (closes) {
      quoteOpenedAt = -1;
    }
    return inside;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new java.util.NoSuchElementException();
    }
    return out.poll();
  }
}

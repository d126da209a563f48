package io.socialkpi.inspect;

import com.typesafe.config.Config;
import io.socialkpi.source.NumberText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An analyst's first look at a new export, without Spark: reads the file's first rows and finds its
 * encoding, layout, time column and pattern, number format, numeric columns and matching preset,
 * then renders a commented summary and a source block that loads as it is ({@link SourceBlock}).
 * Each finding is checked with the reader's own parsers (time, numbers, CSV records), so the block
 * reads the sampled rows without quarantining one.
 */
public final class Inspection {
  final Path file;
  final String sourceId;
  final Encoding encoding;
  final Layout layout;
  final Presets.Preset preset;
  final TimeColumn time;
  final NumberFormats.Format numbers;
  final Set<String> markers;
  final Metrics.Choice metrics;

  /** The keys a source with this block's preset (or none) reads with before its own. */
  final Config effective;

  private Inspection(Path file, InspectOptions options) {
    this.file = file.toAbsolutePath().normalize();
    this.sourceId = SourceNames.id(options.sourceId(), this.file);
    FileHead head = FileHead.read(file, FileHead.MAX_BYTES);
    this.encoding = Encoding.sniff(head.bytes(), head.whole());
    String text = encoding.decode(head.bytes(), head.whole());
    this.layout =
        Layout.find(file.toString(), Records.lines(text), options.maxRows(), head.whole());
    Map<Integer, TimePatterns.Fit> fits = TimeColumn.fits(layout);
    this.preset =
        Presets.match(
            Presets.read(options.root()),
            layout,
            options.root().getConfig("socialkpi.source-defaults"));
    this.time = TimeColumn.choose(file.toString(), layout, fits, preset);
    this.effective =
        preset != null ? preset.effective() : options.root().getConfig("socialkpi.source-defaults");
    List<Integer> others = NumberFormats.allBut(layout.header().size(), Set.of(time.index()));
    this.numbers = NumberFormats.choose(layout.data(), others, layout.delimiter());
    NumberText reader = numbers.reader();
    Set<String> found = new LinkedHashSet<>(effective.getStringList("missing-markers"));
    List<NumberFormats.Column> columns = classify(reader, found);
    for (NumberFormats.Column c : columns) {
      if (c.onlyMarkers()) {
        found.addAll(c.markers()); // the column's only non-numbers are "n/a" and the like
      }
    }
    if (found.size() > effective.getStringList("missing-markers").size()) {
      columns = classify(reader, found);
    }
    this.markers = Set.copyOf(found);
    boolean daily = time.fit() != null && time.fit().oneRowPerDay();
    this.metrics =
        Metrics.choose(
            layout.header(), columns, time, daily, layout.data().isEmpty(), options.maxMetrics());
  }

  /**
   * Inspects {@code file}; throws {@link InspectException} for a file it cannot make a source of.
   */
  public static Inspection of(Path file, InspectOptions options) {
    return new Inspection(file, options);
  }

  /** The summary (HOCON comments) and the source block, ready to print. */
  public String text() {
    return Summary.render(this) + SourceBlock.render(this);
  }

  /** The source block alone: {@code <id> { ... }}. */
  public String block() {
    return SourceBlock.render(this);
  }

  public String sourceId() {
    return sourceId;
  }

  /** The matching preset's name, or null. */
  public String preset() {
    return preset == null ? null : preset.name();
  }

  public String timeColumn() {
    return time.column();
  }

  public String pattern() {
    return time.pattern();
  }

  private List<NumberFormats.Column> classify(NumberText reader, Set<String> markers) {
    List<NumberFormats.Column> columns = new ArrayList<>();
    for (int c = 0; c < layout.header().size(); c++) {
      columns.add(NumberFormats.classify(layout.data(), c, reader, markers));
    }
    return columns;
  }
}

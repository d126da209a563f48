package io.socialkpi.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The marker that a run date's partitions are published and all come from one run: {@code
 * <output>/_runs/run_date=D.json}. It is deleted before the first partition of a run is moved into
 * place and written after the last, so while it is missing the date is being published, or a run
 * died half-way and the next run of the date publishes it again. A reader that needs every table of
 * a date from one finished run checks it first.
 *
 * @param runId the run's id, also the name of its staging folder
 * @param tables the tables the run published; the date has no partition of the others
 * @param complete every table was published; false for a run stopped by the data-quality gate,
 *     which publishes {@code run_info}, {@code data_quality} and {@code quarantine} only
 * @param report the run's report ({@code report/run_date=D/}) was published with its tables
 */
public record RunManifest(
    LocalDate runDate,
    String runId,
    List<String> tables,
    boolean complete,
    boolean report,
    Instant publishedAt) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static Path path(Path output, LocalDate runDate) {
    return new Path(new Path(output, "_runs"), "run_date=" + runDate + ".json");
  }

  static RunManifest of(
      LocalDate runDate, String runId, Collection<Table> published, boolean report) {
    List<String> names = new ArrayList<>();
    published.forEach(t -> names.add(t.tableName()));
    return new RunManifest(
        runDate,
        runId,
        List.copyOf(names),
        published.size() == Table.values().length,
        report,
        Instant.now());
  }

  /** This manifest once a report of the same tables has been published beside them. */
  RunManifest withReport() {
    return new RunManifest(runDate, runId, tables, complete, true, publishedAt);
  }

  /** Whether the run published {@code table}. */
  public boolean has(Table table) {
    return tables.contains(table.tableName());
  }

  /** Writes to a temporary file and renames it into place, so a reader never sees half of it. */
  void write(FileSystem fs, Path output) throws IOException {
    Path target = path(output, runDate);
    Path tmp = new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID());
    ObjectNode node = JSON.createObjectNode();
    node.put("run_date", runDate.toString());
    node.put("run_id", runId);
    node.putArray("tables").addAll(tables.stream().map(node::textNode).toList());
    node.put("complete", complete);
    node.put("report", report);
    node.put("published_at", publishedAt.toString());
    fs.mkdirs(target.getParent());
    try (OutputStream out = fs.create(tmp, false)) {
      out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
    }
    fs.delete(target, false);
    if (!fs.rename(tmp, target)) {
      throw new IOException("could not move " + tmp + " to " + target);
    }
  }

  /** The manifest of {@code runDate}, or null when the date is not (completely) published. */
  public static RunManifest read(FileSystem fs, Path output, LocalDate runDate) throws IOException {
    try (InputStream in = fs.open(path(output, runDate))) {
      JsonNode node = JSON.readTree(in);
      List<String> tables = new ArrayList<>();
      node.get("tables").forEach(t -> tables.add(t.asText()));
      return new RunManifest(
          LocalDate.parse(node.get("run_date").asText()),
          node.get("run_id").asText(),
          List.copyOf(tables),
          node.get("complete").asBoolean(),
          // Manifests written before reports were published with the tables have no such key.
          node.path("report").asBoolean(false),
          Instant.parse(node.get("published_at").asText()));
    } catch (FileNotFoundException e) {
      return null;
    }
  }
}

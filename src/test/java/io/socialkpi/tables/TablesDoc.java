package io.socialkpi.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.StructType;

/**
 * A table's columns as docs/TABLES.md documents them: the rows of the column table under its {@code
 * ## `name`} heading, a row naming one column or several ({@code `ci_low`, `ci_high`}) with one
 * type for all or one type each, in order.
 */
final class TablesDoc {
  private static final Pattern NAME = Pattern.compile("`([a-z_0-9]+)`");

  private TablesDoc() {}

  /** The documented columns of {@code table} as a Spark schema, every column nullable. */
  static StructType columns(String table) {
    List<String> ddl = new ArrayList<>();
    for (String[] cells : rows(table)) {
      List<String> names = new ArrayList<>();
      Matcher m = NAME.matcher(cells[0]);
      while (m.find()) {
        names.add(m.group(1));
      }
      List<String> types = splitTopLevel(cells[1]);
      if (types.size() != 1 && types.size() != names.size()) {
        throw new IllegalStateException(table + ": " + names + " documented as " + types);
      }
      for (int i = 0; i < names.size(); i++) {
        ddl.add(names.get(i) + " " + types.get(types.size() == 1 ? 0 : i));
      }
    }
    return StructType.fromDDL(String.join(", ", ddl));
  }

  /** The name and type cells of the rows of the column table under the table's heading. */
  private static List<String[]> rows(String table) {
    List<String> lines;
    try {
      lines = Files.readAllLines(Path.of("docs/TABLES.md"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int at = 0;
    while (at < lines.size() && !lines.get(at).startsWith("## `" + table + "`")) {
      at++;
    }
    if (at == lines.size()) {
      throw new IllegalStateException("docs/TABLES.md has no section for " + table);
    }
    List<String[]> rows = new ArrayList<>();
    boolean inTable = false;
    for (int i = at + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
      String line = lines.get(i);
      if (!line.startsWith("|")) {
        if (inTable) {
          break;
        }
        continue;
      }
      inTable = true;
      // Cells are split at pipes that are not escaped (a meaning may hold "\|x\|").
      String[] cells = line.substring(1).split("(?<!\\\\)\\|", -1);
      if (cells[0].strip().equals("column") || cells[0].startsWith("---")) {
        continue;
      }
      rows.add(new String[] {cells[0].strip(), cells[1].strip()});
    }
    return rows;
  }

  /** "string, int" or "array<struct<a: int, b: int>>": commas outside angle brackets separate. */
  private static List<String> splitTopLevel(String types) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i < types.length(); i++) {
      char c = types.charAt(i);
      depth += c == '<' ? 1 : c == '>' ? -1 : 0;
      if (c == ',' && depth == 0) {
        out.add(types.substring(from, i).strip());
        from = i + 1;
      }
    }
    out.add(types.substring(from).strip());
    return out;
  }
}

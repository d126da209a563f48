package io.socialkpi.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.EmptyFileException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * One sheet of a workbook (.xlsx or .xls, told apart by their bytes) as CSV records, one per row,
 * so that a spreadsheet export goes through the reader CSV files take (skip-lines, header rows,
 * skip-rows, missing markers, quarantine, the duplicate check): record {@code i} is sheet row
 * {@code i + 1}, a row without values an empty record, and every record has the cells of the
 * sheet's widest row (as Excel's "Save as CSV" pads them). Cells are written by {@link CellText},
 * with a comma and RFC 4180 quotes where a value needs them. The sheet is read whole and the
 * workbook closed at once: exports are small, and POI holds a workbook in memory anyway.
 */
final class SheetLines {
  private final String name;
  private final List<String> records;
  private int next;

  private SheetLines(String name, List<String> records) {
    this.name = name;
    this.records = records;
  }

  /** A sheet name the workbook does not have: the message names the file and lists its sheets. */
  static final class UnknownSheet extends IOException {
    private static final long serialVersionUID = 1L;

    UnknownSheet(String message) {
      super(message);
    }
  }

  /**
   * The sheet named {@code sheet} (null: the first) of the workbook in {@code in}; a file that is
   * not a readable workbook, or has no such sheet, is an error naming it.
   */
  static SheetLines read(InputStream in, String file, String sheet, char decimal)
      throws IOException {
    try (Workbook workbook = open(in, file)) {
      Sheet chosen = sheet == null ? first(workbook, file) : workbook.getSheet(sheet);
      if (chosen == null) {
        throw new UnknownSheet(
            file + " has no sheet '" + sheet + "' (its sheets: " + names(workbook) + ")");
      }
      return new SheetLines(chosen.getSheetName(), records(chosen, decimal));
    }
  }

  private static Workbook open(InputStream in, String file) throws IOException {
    try {
      return WorkbookFactory.create(in);
    } catch (EmptyFileException e) {
      throw new IOException(file + " is empty (0 bytes): not a workbook; export it again", e);
    } catch (IOException | RuntimeException e) {
      // POI says what is wrong (not a zip, an old BIFF5 file, encrypted, cut short) but not where.
      throw new IOException(
          file + " cannot be read as a workbook (.xlsx or .xls): " + e.getMessage(), e);
    }
  }

  private static Sheet first(Workbook workbook, String file) throws IOException {
    if (workbook.getNumberOfSheets() == 0) {
      throw new IOException(file + " has no sheet");
    }
    return workbook.getSheetAt(0);
  }

  private static String names(Workbook workbook) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
      names.add("'" + workbook.getSheetName(i) + "'");
    }
    return String.join(", ", names);
  }

  /** Every row up to the last with a value, its cells as text, padded to the widest row. */
  private static List<String> records(Sheet sheet, char decimal) {
    List<String[]> rows = new ArrayList<>();
    int width = 0;
    int last = -1;
    for (int r = 0; r <= sheet.getLastRowNum(); r++) {
      String[] cells = cells(sheet.getRow(r), decimal);
      rows.add(cells);
      if (cells.length > 0) {
        width = Math.max(width, cells.length);
        last = r;
      }
    }
    List<String> records = new ArrayList<>(last + 1);
    for (int r = 0; r <= last; r++) {
      records.add(record(rows.get(r), width));
    }
    return records;
  }

  /** The row's cells up to its last with a value (none for a row without values). */
  private static String[] cells(Row row, char decimal) {
    if (row == null || row.getLastCellNum() <= 0) {
      return new String[0];
    }
    String[] cells = new String[row.getLastCellNum()];
    int used = 0;
    for (int c = 0; c < cells.length; c++) {
      cells[c] = CellText.of(row.getCell(c), decimal);
      if (!cells[c].isEmpty()) {
        used = c + 1;
      }
    }
    return java.util.Arrays.copyOf(cells, used);
  }

  private static String record(String[] cells, int width) {
    if (cells.length == 0) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (int c = 0; c < width; c++) {
      if (c > 0) {
        out.append(',');
      }
      String v = c < cells.length ? cells[c] : "";
      if (v.indexOf(',') >= 0
          || v.indexOf('"') >= 0
          || v.indexOf('\n') >= 0
          || v.indexOf('\r') >= 0) {
        out.append('"').append(v.replace("\"", "\"\"")).append('"');
      } else {
        out.append(v);
      }
    }
    return out.toString();
  }

  /** The sheet's name, as the workbook spells it. */
  String name() {
    return name;
  }

  boolean hasNext() {
    return next < records.size();
  }

  /** The next row's record. */
  String next() {
    return records.get(next++);
  }
}

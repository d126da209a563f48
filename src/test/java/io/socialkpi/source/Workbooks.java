package io.socialkpi.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Workbooks written with POI for the tests, in the layouts ../shared/EXPORTS.md gives: LinkedIn
 * page analytics (several sheets, a title row above each header, dates {@code MM/dd/yyyy}, negative
 * daily values). Each cell is given as a Java value: a {@link LocalDate} or {@link LocalDateTime}
 * becomes a date cell (with a display format, as Excel stores it), a {@link Number} a numeric cell,
 * a {@code "=..."} string a formula (its cached value computed, as Excel saves it), null no cell.
 */
final class Workbooks {
  private Workbooks() {}

  /** A new .xlsx ({@code xlsx}) or .xls workbook. */
  static Workbook create(boolean xlsx) {
    return xlsx ? new XSSFWorkbook() : new HSSFWorkbook();
  }

  /** Adds a sheet with {@code rows}; a null row is left out (a sheet row without cells). */
  static Sheet sheet(Workbook wb, String name, Object[]... rows) {
    Sheet sheet = wb.createSheet(name);
    CellStyle date = style(wb, "mm/dd/yyyy");
    CellStyle dateTime = style(wb, "mm/dd/yyyy hh:mm");
    for (int r = 0; r < rows.length; r++) {
      if (rows[r] == null) {
        continue;
      }
      Row row = sheet.createRow(r);
      for (int c = 0; c < rows[r].length; c++) {
        Object v = rows[r][c];
        if (v == null) {
          continue;
        }
        Cell cell = row.createCell(c);
        if (v instanceof LocalDateTime t) {
          cell.setCellValue(t);
          cell.setCellStyle(dateTime);
        } else if (v instanceof LocalDate d) {
          cell.setCellValue(d);
          cell.setCellStyle(date);
        } else if (v instanceof Number n) {
          cell.setCellValue(n.doubleValue());
        } else if (v instanceof Boolean b) {
          cell.setCellValue(b);
        } else if (v instanceof String s && s.startsWith("=")) {
          cell.setCellFormula(s.substring(1));
        } else {
          cell.setCellValue(String.valueOf(v));
        }
      }
    }
    return sheet;
  }

  static CellStyle style(Workbook wb, String format) {
    CellStyle style = wb.createCellStyle();
    style.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat(format));
    return style;
  }

  /** The workbook's bytes, its formulas' values computed and cached first. */
  static byte[] bytes(Workbook wb) throws IOException {
    wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    wb.write(out);
    wb.close();
    return out.toByteArray();
  }

  /**
   * A LinkedIn-like page analytics workbook: "Metrics" (content: a title row, then Date as real
   * date cells, organic and sponsored impressions, their total as a formula, one empty cell) and
   * "New followers" (a title row, then Date as MM/dd/yyyy text, a negative daily value).
   */
  static byte[] linkedin(boolean xlsx) throws IOException {
    Workbook wb = create(xlsx);
    sheet(
        wb,
        "Metrics",
        new Object[] {"Aggregated content metrics for your page"},
        new Object[] {
          "Date",
          "Impressions (organic)",
          "Impressions (sponsored)",
          "Impressions (total)",
          "Clicks (organic)",
          "Engagement rate (total)"
        },
        new Object[] {LocalDate.of(2025, 8, 4), 120, 30, "=B3+C3", 4, 0.0625},
        new Object[] {LocalDate.of(2025, 8, 5), 80.5, 0, "=B4+C4", null, 0.1},
        null, // a row without cells: line 5
        new Object[] {LocalDate.of(2025, 8, 12), 1234567, 3, "=B6+C6", 7, 1.25e-5},
        new Object[] {LocalDate.of(2025, 8, 13), "n/a", 0, "=C7", 1, 0});
    sheet(
        wb,
        "New followers",
        new Object[] {"New followers"},
        new Object[] {"Date", "Sponsored followers", "Organic followers", "Total followers"},
        new Object[] {"08/04/2025", 0, 5, "=B3+C3"},
        new Object[] {"08/05/2025", 1, -2, "=B4+C4"},
        new Object[] {"08/11/2025", 0, 3, "=B5+C5"});
    return bytes(wb);
  }
}

package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A sheet's rows as the CSV records the reader parses ({@link SheetLines}), and each cell's text
 * ({@link CellText}): numbers as plain decimals, dates as ISO text, formulas by their cached value,
 * empty cells empty; .xlsx and .xls alike.
 */
class SheetLinesTest {
  private static List<String> records(byte[] workbook, String sheet) throws IOException {
    SheetLines lines = SheetLines.read(new ByteArrayInputStream(workbook), "book.xlsx", sheet, '.');
    List<String> out = new ArrayList<>();
    while (lines.hasNext()) {
      out.add(lines.next());
    }
    return out;
  }

  @ParameterizedTest(name = "xlsx {0}")
  @ValueSource(booleans = {true, false})
  void aLinkedInWorkbookSheetByNameAndTheFirstByDefault(boolean xlsx) throws IOException {
    byte[] book = Workbooks.linkedin(xlsx);
    assertThat(records(book, "Metrics"))
        .containsExactly(
            "Aggregated content metrics for your page,,,,,",
            "Date,Impressions (organic),Impressions (sponsored),Impressions (total),Clicks"
                + " (organic),Engagement rate (total)",
            "2025-08-04,120,30,150,4,0.0625",
            "2025-08-05,80.5,0,80.5,,0.1",
            "", // row 5 has no cells
            "2025-08-12,1234567,3,1234570,7,0.0000125",
            "2025-08-13,n/a,0,0,1,0");
    assertThat(records(book, null)).isEqualTo(records(book, "Metrics"));
    assertThat(records(book, "New followers"))
        .containsExactly(
            "New followers,,,",
            "Date,Sponsored followers,Organic followers,Total followers",
            "08/04/2025,0,5,5",
            "08/05/2025,1,-2,-1",
            "08/11/2025,0,3,3");
  }

  @ParameterizedTest(name = "xlsx {0}")
  @ValueSource(booleans = {true, false})
  void cellsAsACsvExportWouldHoldThem(boolean xlsx) throws IOException {
    Workbook wb = Workbooks.create(xlsx);
    Sheet sheet =
        Workbooks.sheet(
            wb,
            "s",
            new Object[] {
              LocalDateTime.of(2016, 2, 14, 0, 40, 16),
              "a, \"quoted\"\ntext",
              true,
              "=1/0",
              "=\"x\"&\"y\"",
              -0.0,
              1e21,
              " padded "
            });
    Row row = sheet.getRow(0);
    Cell time = row.createCell(8);
    time.setCellValue(10.25 / 24 - 1e-9); // 10:15, a hair short as Excel stores it
    time.setCellStyle(Workbooks.style(wb, "h:mm"));
    Cell elapsed = row.createCell(9);
    elapsed.setCellValue(1.5);
    elapsed.setCellStyle(Workbooks.style(wb, "[h]:mm"));
    Cell shown = row.createCell(10);
    shown.setCellValue(LocalDate.of(2025, 8, 1).atTime(18, 0));
    shown.setCellStyle(Workbooks.style(wb, "[$-409]d-mmm-yy;@")); // a date that shows no time
    assertThat(records(Workbooks.bytes(wb), null))
        .containsExactly(
            "2016-02-14 00:40:16,\"a, \"\"quoted\"\"\ntext\",TRUE,#DIV/0!,xy,0,"
                + "1000000000000000000000, padded ,10:15:00,1.5,2025-08-01");
  }

  @Test
  void aDecimalCommaIsWrittenWhereTheSourceReadsOne() {
    assertThat(CellText.number(1234.5, ',')).isEqualTo("1234,5");
    assertThat(CellText.number(20.0, ',')).isEqualTo("20");
  }

  @Test
  void rowsAfterTheLastValueAreNotRecordsAndRowsArePaddedToTheWidest() throws IOException {
    Workbook wb = Workbooks.create(true);
    Sheet sheet =
        Workbooks.sheet(wb, "s", new Object[] {"a"}, null, new Object[] {null, null, "c"});
    sheet.createRow(5).createCell(3); // a blank cell far below: formatting, no value
    assertThat(records(Workbooks.bytes(wb), null)).containsExactly("a,,", "", ",,c");
  }

  @Test
  void anUnknownSheetIsAnErrorNamingTheFileAndItsSheets() {
    assertThatThrownBy(() -> records(Workbooks.linkedin(true), "Followers"))
        .isInstanceOf(SheetLines.UnknownSheet.class)
        .hasMessage("book.xlsx has no sheet 'Followers' (its sheets: 'Metrics', 'New followers')");
  }

  @Test
  void aFileThatIsNoWorkbookIsAnErrorNamingIt() throws IOException {
    byte[] cut = Arrays.copyOf(Workbooks.linkedin(true), 300);
    for (byte[] bytes :
        List.of("date,reach\n".getBytes(StandardCharsets.UTF_8), cut, new byte[0])) {
      assertThatThrownBy(() -> records(bytes, null))
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith("book.xlsx ");
    }
  }
}

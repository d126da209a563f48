package io.socialkpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which browser {@code report --pdf --chromium PATH} accepts before it reads anything. */
class PdfPrinterTest {
  @TempDir Path dir;

  /**
   * review17: a folder given as --chromium passed as "executable", so the report was rendered and
   * then failed with a stack trace instead of stopping first with exit code 2.
   */
  @Test
  void onlyAnExecutableFileIsABrowser() throws Exception {
    Path browser = dir.resolve("my chromium");
    Files.writeString(browser, "#!/bin/sh\n");
    Files.setPosixFilePermissions(browser, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path plain = dir.resolve("plain");
    Files.writeString(plain, "#!/bin/sh\n");
    Files.setPosixFilePermissions(plain, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(PdfPrinter.find(browser.toString())).isEqualTo(browser);
    assertThat(PdfPrinter.find(plain.toString())).isNull();
    assertThat(PdfPrinter.find(dir.toString())).isNull();
    assertThat(PdfPrinter.find(dir.resolve("missing").toString())).isNull();
  }
}

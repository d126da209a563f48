package io.socialkpi.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.FileUtils;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Prints a rendered report to {@code report.pdf} beside its {@code index.html} with headless
 * Chromium, through the page's print stylesheet (A4 or Letter, whichever the browser's default
 * paper is; no heading left at the foot of a page away from its chart). The page is self-contained,
 * so a copy on local disk prints the same as the published one on HDFS or S3.
 */
public final class PdfPrinter {
  /** Names looked up on the PATH when no browser is given. */
  static final List<String> BROWSERS =
      List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");

  private static final long TIMEOUT_SECONDS = 120;

  private PdfPrinter() {}

  /**
   * The browser to print with: {@code given} when set, else {@code SOCIALKPI_CHROMIUM}, else the
   * first of {@link #BROWSERS} on the PATH; null when there is none.
   */
  public static Path find(String given) {
    String chosen = given != null ? given : System.getenv("SOCIALKPI_CHROMIUM");
    if (chosen != null) {
      Path p = Path.of(chosen);
      return runnable(p) ? p : null;
    }
    String path = System.getenv("PATH");
    for (String name : BROWSERS) {
      for (String dir : path == null ? new String[0] : path.split(java.io.File.pathSeparator)) {
        Path p = Path.of(dir, name);
        if (runnable(p)) {
          return p;
        }
      }
    }
    return null;
  }

  /** An executable file: a folder is "executable" too (it can be entered), but not a browser. */
  private static boolean runnable(Path p) {
    return Files.isRegularFile(p) && Files.isExecutable(p);
  }

  /**
   * Prints the report at {@code html} (its {@code index.html}, any Hadoop file system) to {@code
   * report.pdf} in the same folder and returns that file's path.
   */
  public static String print(Path browser, String html, Configuration hadoop) {
    org.apache.hadoop.fs.Path page = new org.apache.hadoop.fs.Path(html);
    org.apache.hadoop.fs.Path target =
        new org.apache.hadoop.fs.Path(page.getParent(), "report.pdf");
    Path work = null;
    try {
      work = Files.createTempDirectory("socialkpi-pdf");
      FileSystem fs = page.getFileSystem(hadoop);
      Path local = work.resolve("index.html");
      try (InputStream in = fs.open(page)) {
        Files.copy(in, local);
      }
      Path pdf = work.resolve("report.pdf");
      run(browser, local, pdf, work);
      fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(pdf.toUri()), target);
      return target.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("printing " + html + " to PDF", e);
    } finally {
      if (work != null) {
        FileUtils.deleteQuietly(work.toFile());
      }
    }
  }

  private static void run(Path browser, Path page, Path pdf, Path work) throws IOException {
    Path log = work.resolve("browser.log");
    Process p =
        new ProcessBuilder(
                browser.toString(),
                "--headless=new",
                // Root in a container has no sandbox to enter; the page is our own, without script.
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + work.resolve("profile"),
                "--no-pdf-header-footer",
                "--print-to-pdf=" + pdf,
                page.toUri().toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(
            browser + " did not print the report in " + TIMEOUT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + browser + " printed the report", e);
    }
    if (p.exitValue() != 0 || !isPdf(pdf)) {
      String out = Files.readString(log, StandardCharsets.UTF_8);
      throw new IllegalStateException(
          browser
              + " printed no PDF (exit code "
              + p.exitValue()
              + "): "
              + out.substring(Math.max(0, out.length() - 2000)));
    }
  }

  private static boolean isPdf(Path pdf) throws IOException {
    if (!Files.isRegularFile(pdf) || Files.size(pdf) < 5) {
      return false;
    }
    try (InputStream in = Files.newInputStream(pdf)) {
      return new String(in.readNBytes(5), StandardCharsets.US_ASCII).equals("%PDF-");
    }
  }
}

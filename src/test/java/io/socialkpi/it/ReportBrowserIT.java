package io.socialkpi.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.print.PrintOptions;

/**
 * The sample run's report, opened from disk in headless Chromium (Debian's chromium and
 * chromium-driver, which .ci/run installs): every objective section and entity with both charts
 * drawn at a readable size, the verdicts shown, no console error. A screenshot and a print to PDF
 * are kept under target/report-artefacts/.
 *
 * <p>Without Chromium the test is skipped with a message, so {@code mvn verify} works on a bare
 * machine; CI sets {@code SOCIALKPI_BROWSER_TEST=required} so it can never be skipped there.
 */
class ReportBrowserIT {
  static final Path ARTEFACTS = Launchers.ROOT.resolve("target/report-artefacts");
  @TempDir Path dir;

  @Test
  void chromiumRendersEveryObjectiveAndChartWithoutConsoleErrors() throws Exception {
    Path chromium = Path.of(env("SOCIALKPI_CHROMIUM", "/usr/bin/chromium"));
    Path driverBinary = Path.of(env("SOCIALKPI_CHROMEDRIVER", "/usr/bin/chromedriver"));
    boolean present = Files.isExecutable(chromium) && Files.isExecutable(driverBinary);
    if ("required".equals(System.getenv("SOCIALKPI_BROWSER_TEST"))) {
      assertThat(present).as("%s and %s are installed", chromium, driverBinary).isTrue();
    }
    Assumptions.assumeTrue(
        present,
        "no " + chromium + " or " + driverBinary + ": apt-get install chromium chromium-driver");

    // The README's run of the sample, shared with LaunchersIT (one launch for both).
    Launchers.SampleRun sample = Launchers.sampleRun();
    Launchers.Result run = sample.result();
    assertThat(run.exitCode()).as(run.output()).isZero();
    Path report = sample.output().resolve("report/run_date=2025-12-31/index.html");
    assertThat(run.output()).contains("report").contains(report.toString());

    ChromeDriver browser = start(chromium, driverBinary);
    try {
      browser.get(report.toUri().toString());
      JavascriptExecutor js = browser;
      assertThat(js.executeScript("return document.title")).asString().contains("2025-12-31");
      assertThat(count(js, "section.objective")).isEqualTo(4);
      assertThat(count(js, "article.entity")).isEqualTo(7);
      assertThat(count(js, "table.front tbody tr")).isEqualTo(7);
      for (String name :
          List.of(
              "Raise online sales through regional fans",
              "Make existing customers more satisfied",
              "Decrease customer-service incidents to the call center",
              "Recruit new talent through the Facebook jobs tab")) {
        assertThat(
                js.executeScript(
                    "return Array.from(document.querySelectorAll('section.objective h2'))"
                        + ".map(h => h.textContent)"))
            .asString()
            .contains(name);
      }
      // The lag charts are in the analysts' folded evidence: opened, they draw like the others.
      js.executeScript("document.querySelectorAll('details.analyst').forEach(d => d.open = true)");
      @SuppressWarnings("unchecked")
      List<List<Object>> charts =
          (List<List<Object>>)
              js.executeScript(
                  "return Array.from(document.querySelectorAll('article.entity figure.chart svg'))"
                      + ".map(s => { const r = s.getBoundingClientRect();"
                      + " return [s.id, r.width, r.height,"
                      + " s.querySelectorAll('path, line, text').length]; })");
      assertThat(charts).hasSize(2 * 7);
      for (List<Object> c : charts) {
        assertThat(((Number) c.get(1)).doubleValue())
            .as("width of %s", c.get(0))
            .isGreaterThan(500);
        assertThat(((Number) c.get(2)).doubleValue())
            .as("height of %s", c.get(0))
            .isGreaterThan(150);
        assertThat(((Number) c.get(3)).longValue()).as("marks in %s", c.get(0)).isGreaterThan(20);
      }
      assertThat(js.executeScript("return document.querySelectorAll('.verdict.supported').length"))
          .asString()
          .isNotEqualTo("0");

      List<LogEntry> errors = severe(browser);
      assertThat(errors).as("console errors").isEmpty();
      // The console is really read: an error logged now must show up.
      js.executeScript("console.error('socialkpi probe')");
      assertThat(severe(browser)).anyMatch(e -> e.getMessage().contains("socialkpi probe"));

      keepArtefacts(browser, js);
      historyStaleDataAndPdf(browser, js, sample.output(), chromium);
    } finally {
      browser.quit();
    }
  }

  /**
   * The sample's tables published again under an earlier date, and the run of 2025-12-31 reported
   * again with {@code --stale-after-days 1 --pdf}: each entity shows both runs, the page opens with
   * the stale-data warning, the forest plot and the target paths are drawn, no console error, and
   * report.pdf is a PDF.
   */
  private void historyStaleDataAndPdf(
      ChromeDriver browser, JavascriptExecutor js, Path sampleOutput, Path chromium)
      throws Exception {
    Path copy = dir.resolve("history");
    org.apache.commons.io.FileUtils.copyDirectory(sampleOutput.toFile(), copy.toFile());
    String date = Launchers.SAMPLE_DATE;
    String earlier = "2025-11-30";
    try (var tables = Files.list(copy)) {
      for (Path t : tables.toList()) {
        Path from = t.resolve("run_date=" + date);
        if (!t.getFileName().toString().startsWith("_") && Files.isDirectory(from)) {
          org.apache.commons.io.FileUtils.copyDirectory(
              from.toFile(), t.resolve("run_date=" + earlier).toFile());
        }
      }
    }
    Path manifest = copy.resolve("_runs/run_date=" + date + ".json");
    Files.writeString(
        copy.resolve("_runs/run_date=" + earlier + ".json"),
        Files.readString(manifest).replace("\"" + date + "\"", "\"" + earlier + "\""));
    Launchers.Result r =
        Launchers.run(
            java.util.Map.of(),
            "jobs/socialkpi",
            "report",
            "--output",
            copy.toString(),
            "--run-date",
            date,
            "--stale-after-days",
            "1",
            "--pdf",
            "--chromium",
            chromium.toString());
    assertThat(r.exitCode()).as(r.output()).isZero();
    Path folder = copy.resolve("report/run_date=" + date);
    assertThat(r.output()).contains(folder.resolve("report.pdf").toString());
    byte[] pdf = Files.readAllBytes(folder.resolve("report.pdf"));
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    assertThat(pdf.length).isGreaterThan(10_000);

    browser.get(folder.resolve("index.html").toUri().toString());
    assertThat(count(js, ".warning.stale li")).isEqualTo(7);
    assertThat(count(js, "table.history")).isEqualTo(7);
    assertThat(count(js, "table.history tbody tr")).isEqualTo(14);
    assertThat(count(js, "table.front .since")).isEqualTo(7);
    assertThat(
            ((Number)
                    js.executeScript(
                        "return document.querySelector('#forest-figure svg')"
                            + ".getBoundingClientRect().width"))
                .doubleValue())
        .isGreaterThan(500);
    // Six entities have a target (not the control): each outcome chart names its target path.
    assertThat(
            js.executeScript(
                "return Array.from(document.querySelectorAll('figure.chart.series svg text'))"
                    + ".filter(t => t.textContent.startsWith('target ')).length"))
        .asString()
        .isEqualTo("6");
    assertThat(severe(browser)).as("console errors").isEmpty();
  }

  private ChromeDriver start(Path chromium, Path driverBinary) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--user-data-dir=" + dir.resolve("chromium-profile"),
        "--window-size=1280,1000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(driverBinary.toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  private static void keepArtefacts(ChromeDriver browser, JavascriptExecutor js) throws Exception {
    Files.createDirectories(ARTEFACTS);
    long height =
        ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
    browser.manage().window().setSize(new Dimension(1280, (int) Math.min(height, 16000)));
    Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, ARTEFACTS.resolve("sample-report.png"), StandardCopyOption.REPLACE_EXISTING);
    Pdf pdf = browser.print(new PrintOptions());
    byte[] bytes = Base64.getDecoder().decode(pdf.getContent());
    Files.write(ARTEFACTS.resolve("sample-report.pdf"), bytes);
    assertThat(bytes.length).as("printed PDF").isGreaterThan(10_000);
    System.out.println("report screenshot and PDF: " + ARTEFACTS);
  }

  private static List<LogEntry> severe(ChromeDriver browser) {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .toList();
  }

  private static long count(JavascriptExecutor js, String selector) {
    return ((Number)
            js.executeScript("return document.querySelectorAll(arguments[0]).length", selector))
        .longValue();
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}

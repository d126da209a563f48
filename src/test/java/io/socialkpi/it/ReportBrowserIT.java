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

  static final Path CHROMIUM = Path.of(env("SOCIALKPI_CHROMIUM", "/usr/bin/chromium"));
  static final Path DRIVER = Path.of(env("SOCIALKPI_CHROMEDRIVER", "/usr/bin/chromedriver"));

  /** Chromium and its driver, required on CI, else the test is skipped saying what to install. */
  static void assumeChromium() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if ("required".equals(System.getenv("SOCIALKPI_BROWSER_TEST"))) {
      assertThat(present).as("%s and %s are installed", CHROMIUM, DRIVER).isTrue();
    }
    Assumptions.assumeTrue(
        present, "no " + CHROMIUM + " or " + DRIVER + ": apt-get install chromium chromium-driver");
  }

  @Test
  void chromiumRendersEveryObjectiveAndChartWithoutConsoleErrors() throws Exception {
    assumeChromium();
    Path chromium = CHROMIUM;
    Path driverBinary = DRIVER;

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
        socialkpi(
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

  /**
   * A company of 100 regions and 10 objectives (the generated four and six more with long names),
   * 12 regions shown per objective: no two labels of a chart, and no two of the regions side by
   * side, overlap (their bounding boxes in Chromium), no chart label leaves its chart, and the
   * front table and forest plot hold every shown entity.
   */
  @Test
  void aHundredEntitiesAndTenObjectivesHaveNoOverlappingLabels() throws Exception {
    assumeChromium();
    Path data = dir.resolve("many");
    Launchers.Result gen =
        socialkpi(
            "generate",
            "--out",
            data.toString(),
            "--entities",
            "100",
            "--days",
            "140",
            "--volume",
            "0.2",
            "--no-malformed");
    assertThat(gen.exitCode()).as(gen.output()).isZero();
    String[] outcomes = {
      "orders.sales",
      "orders.orders",
      "tickets.incidents",
      "csat.score",
      "web-sessions.sessions",
      "mentions.mentions"
    };
    StringBuilder extra = new StringBuilder();
    for (int i = 0; i < outcomes.length; i++) {
      extra.append(
          String.format(
              java.util.Locale.ROOT,
              "%nsocialkpi.objectives += {%n  id = extra-%d%n  name = \"A longer objective name"
                  + " number %d that a manager wrote out in full, to test wrapping\"%n  department"
                  + " = sales, perspective = customer, priority = B%n  outcome = %s,"
                  + " expected-direction = up%n  target { value = 1000, by = 2024-06-30 }%n "
                  + " lead-indicators = [web-sessions.social-referrals, page-insights.fans]%n  lags"
                  + " = [0, 1, 2]%n  tactics = [{ id = campaign-%d, name = \"Campaign %d with a long"
                  + " name\", channel = facebook, launched = 2024-03-11 }]%n}%n",
              i,
              i,
              outcomes[i],
              i,
              i));
    }
    Path config = data.resolve("socialkpi.conf");
    Files.writeString(config, extra.toString(), java.nio.file.StandardOpenOption.APPEND);
    Launchers.Result run =
        socialkpi("run", "--config", config.toString(), "--run-date", "2024-05-20");
    assertThat(run.exitCode()).as(run.output()).isZero();
    Path report = data.resolve("out/report/run_date=2024-05-20/index.html");

    ChromeDriver browser = start(CHROMIUM, DRIVER);
    try {
      browser.get(report.toUri().toString());
      JavascriptExecutor js = browser;
      js.executeScript("document.querySelectorAll('details.analyst').forEach(d => d.open = true)");
      assertThat(count(js, "section.objective")).isEqualTo(10);
      // 12 of 100 regions shown in each regional objective, one row for the company-wide one.
      long shown = count(js, "article.entity");
      assertThat(shown).isGreaterThan(9 * 12 - 12);
      assertThat(count(js, "table.front tbody tr")).isEqualTo(shown);
      assertThat(count(js, ".multiple")).isGreaterThan(8 * 12 - 12);
      // The nine regional objectives rank all 100 regions each in a dot plot.
      assertThat(count(js, "figure.chart.ranked")).isEqualTo(9);
      String check =
          "const out = [];"
              + "const hit = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left)"
              + " > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;"
              + "for (const svg of document.querySelectorAll('svg')) {"
              + "  const box = svg.getBoundingClientRect();"
              + "  const texts = Array.from(svg.querySelectorAll('text'))"
              + "    .filter(t => t.textContent.trim() !== '')"
              + "    .map(t => [t.textContent, t.getBoundingClientRect()]);"
              + "  for (const [s, r] of texts) {"
              + "    if (r.left < box.left - 1 || r.right > box.right + 1)"
              + "      out.push(svg.id + ': \"' + s + '\" leaves its chart');"
              + "  }"
              + "  for (let i = 0; i < texts.length; i++)"
              + "    for (let j = i + 1; j < texts.length; j++)"
              + "      if (hit(texts[i][1], texts[j][1]))"
              + "        out.push(svg.id + ': \"' + texts[i][0] + '\" / \"' + texts[j][0] + '\"');"
              + "}"
              + "for (const grid of document.querySelectorAll('.multiples')) {"
              + "  const caps = Array.from(grid.querySelectorAll('figcaption'))"
              + "    .map(c => [c.textContent, c.getBoundingClientRect()]);"
              + "  for (let i = 0; i < caps.length; i++)"
              + "    for (let j = i + 1; j < caps.length; j++)"
              + "      if (hit(caps[i][1], caps[j][1]))"
              + "        out.push(grid.id + ': \"' + caps[i][0] + '\" / \"' + caps[j][0] + '\"');"
              + "}"
              + "return out;";
      assertThat((List<?>) js.executeScript(check)).as("overlapping or clipped labels").isEmpty();
      // The check sees an overlap: a chart's first label drawn twice is one.
      js.executeScript(
          "const t = document.querySelector('#forest-figure svg text');"
              + " t.parentNode.appendChild(t.cloneNode(true));");
      assertThat((List<?>) js.executeScript(check)).isNotEmpty();
      assertThat(severe(browser)).as("console errors").isEmpty();
      screenshot(browser, js, "many-entities.png");
    } finally {
      browser.quit();
    }
  }

  /** {@code jobs/socialkpi} with {@code args}, as a user runs it. */
  private static Launchers.Result socialkpi(String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = "jobs/socialkpi";
    System.arraycopy(args, 0, command, 1, args.length);
    return Launchers.run(java.util.Map.of(), command);
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

  /** The whole page (up to 16,000 px tall) as ARTEFACTS/{@code name}. */
  private static void screenshot(ChromeDriver browser, JavascriptExecutor js, String name)
      throws Exception {
    Files.createDirectories(ARTEFACTS);
    long height =
        ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
    browser.manage().window().setSize(new Dimension(1280, (int) Math.min(height, 16000)));
    Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, ARTEFACTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  private static void keepArtefacts(ChromeDriver browser, JavascriptExecutor js) throws Exception {
    screenshot(browser, js, "sample-report.png");
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

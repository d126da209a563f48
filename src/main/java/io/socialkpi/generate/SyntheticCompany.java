package io.socialkpi.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the exports of a fictional retailer, Northwind Outfitters, in the formats that {@code
 * sample-data/socialkpi.conf} declares: page insights, jobs-tab insights, mentions and web sessions
 * on the social side; orders, call-center tickets, CSAT responses and job applications on the
 * business side. Next to them go a {@code socialkpi.conf} that reads them and a {@code truth.json}
 * with the injected effects and the deliberately broken rows.
 *
 * <p>Injected ({@link Truth}): the regional fan campaign doubles new fans in north, and online
 * orders follow social sessions 14 days later; the Facebook jobs tab raises applications via
 * Facebook by 60%, which follow tab views 7 days later; the VIP community raises CSAT by 0.30, cuts
 * incidents by 15% and complaint mentions by 20%, and lifts mean sentiment by 0.10.
 *
 * <p>Deterministic: every random draw comes from the seed, the region and the day, and nothing
 * depends on the clock or on hash ordering, so the same options give byte-identical files. All
 * files are written together, a day at a time, through buffers: memory depends on the number of
 * regions, not on the number of rows.
 */
public final class SyntheticCompany {
  private SyntheticCompany() {}

  public static GenerationReport generate(Path outDir, GeneratorOptions options)
      throws IOException {
    long started = System.nanoTime();
    Files.createDirectories(outDir);
    Truth truth = Truth.of(options);
    Drivers drivers = new Drivers(options, truth);
    List<DailyExport> exports = new ArrayList<>();
    try {
      exports.add(new PageInsightsExport(options, outDir));
      exports.add(new JobsTabExport(options, outDir));
      exports.add(new MentionsExport(options, truth, outDir));
      exports.add(new WebSessionsExport(options, outDir));
      exports.add(new OrdersExport(options, outDir));
      exports.add(new TicketsExport(options, truth, outDir));
      exports.add(new CsatExport(options, truth, outDir));
      exports.add(new ApplicationsExport(options, truth, outDir));
      for (int day = -Drivers.WARM_UP_DAYS; day < 0; day++) {
        drivers.advance(day);
      }
      for (int day = 0; day < options.days(); day++) {
        drivers.advance(day);
        if (!options.writes(day)) {
          continue;
        }
        Clock clock = new Clock(options.day(day));
        for (DailyExport export : exports) {
          export.writeDay(day, clock, drivers);
        }
      }
    } finally {
      for (DailyExport export : exports) {
        export.sink().close();
      }
    }
    List<FileReport> files = exports.stream().map(e -> e.sink().report()).toList();
    List<MalformedRow> malformed = files.stream().flatMap(f -> f.malformed().stream()).toList();
    write(outDir.resolve("truth.json"), TruthFile.render(truth, malformed));
    write(outDir.resolve("socialkpi.conf"), ConfigFile.render(options, truth));
    return new GenerationReport(files, truth, (System.nanoTime() - started) / 1e9);
  }

  /**
   * For trying the generator without the CLI: {@code --out DIR [--days N] [--entities K] [--seed S]
   * [--volume F] [--start YYYY-MM-DD] [--no-malformed] [--no-effects]}. Prints rows per file.
   */
  public static void main(String[] args) throws IOException {
    GeneratorOptions o = GeneratorOptions.defaults();
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--out" -> out = Path.of(args[++i]);
        case "--days" -> o = o.withDays(Integer.parseInt(args[++i]));
        case "--entities" -> o = o.withEntities(Integer.parseInt(args[++i]));
        case "--start" -> o = o.withStart(LocalDate.parse(args[++i]));
        case "--seed" -> o = o.withSeed(Long.parseLong(args[++i]));
        case "--volume" -> o = o.withVolume(Double.parseDouble(args[++i]));
        case "--no-malformed" -> o = o.withMalformed(false);
        case "--no-effects" -> o = o.withInject(false);
        case "--every-days" -> o = o.withEveryDays(Integer.parseInt(args[++i]));
        default -> throw new IllegalArgumentException("unknown argument " + a);
      }
    }
    if (out == null) {
      throw new IllegalArgumentException("--out DIR is required");
    }
    GenerationReport report = generate(out, o);
    for (FileReport f : report.files()) {
      System.out.printf(
          Locale.ROOT, "%-30s %,12d rows %3d broken%n", f.file(), f.rows(), f.brokenRows());
    }
    System.out.printf(
        Locale.ROOT,
        "%,d rows in %.2f s: %,.0f rows/s%n",
        report.rows(),
        report.seconds(),
        report.rows() / report.seconds());
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}

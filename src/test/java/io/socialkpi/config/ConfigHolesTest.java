package io.socialkpi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 15's config holes: a value of the wrong shape anywhere, a syntax error, {@code --set}, a
 * config read through Hadoop, the effective config and its hash.
 */
class ConfigHolesTest {
  @TempDir Path dir;

  /** A job config whose line 5 is {@code <<BLOCK>>}'s key, in the block named by {@code where}. */
  static String config(String source, String metric, String objective, String tactic) {
    return "socialkpi {\n" // 1
        + "  sources {\n" // 2
        + "    t {\n" // 3
        + "      path = \"t.csv\", time { column = d }\n" // 4
        + "      "
        + source
        + "\n" // 5
        + "      metrics { m { column = n\n" // 6
        + "        "
        + metric
        + "\n" // 7
        + "      } }\n" // 8
        + "    }\n" // 9
        + "  }\n" // 10
        + "  objectives = [{ id = o, outcome = t.m\n" // 11
        + "    "
        + objective
        + "\n" // 12
        + "    tactics = [{ id = x, launched = 2024-01-01\n" // 13
        + "      "
        + tactic
        + "\n" // 14
        + "    }]\n" // 15
        + "  }]\n" // 16
        + "}\n";
  }

  /**
   * Every key that takes a single value in a source (and its csv, time and overlap blocks), a
   * metric, an objective and a tactic, from reference.conf itself: a key added later is covered.
   */
  static Stream<String[]> singleValueKeys() {
    ConfigObject ref = ConfigFactory.defaultReference().getObject("socialkpi");
    List<String[]> cases = new ArrayList<>();
    ConfigObject source = (ConfigObject) ref.get("source-defaults");
    for (Map.Entry<String, ConfigValue> e : source.entrySet()) {
      if (e.getValue() instanceof ConfigObject block && !block.isEmpty()) {
        for (Map.Entry<String, ConfigValue> inner : block.entrySet()) {
          if (single(inner.getValue())) {
            cases.add(new String[] {"source", e.getKey() + "." + inner.getKey()});
          }
        }
      } else if (single(e.getValue()) && !e.getKey().equals("path")) {
        cases.add(new String[] {"source", e.getKey()});
      }
    }
    for (String block : List.of("metric", "objective", "tactic")) {
      for (Map.Entry<String, ConfigValue> e :
          ((ConfigObject) ref.get(block + "-defaults")).entrySet()) {
        if (single(e.getValue()) && !e.getKey().equals("target")) {
          cases.add(new String[] {block, e.getKey()});
        }
      }
    }
    return cases.stream();
  }

  private static boolean single(ConfigValue v) {
    return v.valueType() != ConfigValueType.OBJECT && v.valueType() != ConfigValueType.LIST;
  }

  Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("singleValueKeys")
  void aListWhereASingleValueBelongsNamesFileLineAndKey(String block, String key)
      throws IOException {
    String set = key + " = [\";\"]";
    String text =
        switch (block) {
          case "source" -> config(set, "", "", "");
          case "metric" -> config("", set, "", "");
          case "objective" -> config("", "", set, "");
          default -> config("", "", "", set);
        };
    Path file = write("job.conf", text);
    String path =
        switch (block) {
          case "source" -> "socialkpi.sources.t." + key;
          case "metric" -> "socialkpi.sources.t.metrics.m." + key;
          case "objective" -> "socialkpi.objectives[0]." + key;
          default -> "socialkpi.objectives[0].tactics[0]." + key;
        };
    int line =
        switch (block) {
          case "source" -> 5;
          case "metric" -> 7;
          case "objective" -> 12;
          default -> 14;
        };
    assertThatThrownBy(() -> SettingsLoader.load(file))
        .isInstanceOf(ConfigError.class)
        .hasMessageStartingWith(file + ":" + line + ": " + path + ": expected a single value")
        .hasMessageContaining("found a list [\";\"]");
  }

  @Test
  void theIssuesDelimiterListAndABlockInAPresetAndInTheDefaultsAreNamed() throws IOException {
    Path file =
        write(
            "job.conf",
            config("csv { delimiter = [\";\"] }", "", "", "")
                .replace(
                    "socialkpi {\n",
                    "socialkpi {\n presets.mine { time { zone = { a = 1 } } }, "
                        + "source-defaults.csv.quote = [x]\n"));
    assertThatThrownBy(() -> SettingsLoader.load(file))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining(
            file
                + ":6: socialkpi.sources.t.csv.delimiter: expected a single value such as \",\","
                + " found a list [\";\"]")
        .hasMessageContaining(
            file
                + ":2: socialkpi.presets.mine.time.zone: expected a single value such as"
                + " \"UTC\", found a block {\"a\":1}")
        .hasMessageContaining(
            file + ":2: socialkpi.source-defaults.csv.quote: expected a single value");
  }

  @Test
  void aBlockWhereAListBelongsAndAValueWhereABlockBelongsAreNamed() throws IOException {
    Path file = write("job.conf", config("overlap = newest", "", "lags { a = 1 }", ""));
    assertThatThrownBy(() -> SettingsLoader.load(file))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining(
            file + ":5: socialkpi.sources.t.overlap: expected a block { ... }, found string")
        .hasMessageContaining(
            file + ":12: socialkpi.objectives[0].lags: expected a list [ ... ], found a block");
  }

  @Test
  void anUnclosedBlockIsNamedOnceAtItsOwnLine() throws IOException {
    Path file =
        write(
            "job.conf",
            "socialkpi {\n  run { zone = \"UTC\"\n  sources {\n    a { path = \"x\" }\n  }\n}\n");
    assertThatThrownBy(() -> SettingsLoader.load(file))
        .isInstanceOf(ConfigError.class)
        .hasMessage(
            file
                + ":2: syntax: the '{' opened here is not closed: the '}' at line 6 lines up with"
                + " an outer block (expected '}' before it)");
  }

  @Test
  void aWrongClosingBracketAndAMissingOneAtTheEndAreNamed() throws IOException {
    Path wrong = write("wrong.conf", "socialkpi {\n  run { zone = \"UTC\" ]\n}\n");
    assertThatThrownBy(() -> SettingsLoader.load(wrong))
        .hasMessage(
            wrong + ":2: syntax: ']' does not close the '{' opened at line 2 (expected '}')");
    Path end = write("end.conf", "socialkpi {\n  # a } in a comment\n  run { zone = \"}\" }\n");
    assertThatThrownBy(() -> SettingsLoader.load(end))
        .hasMessage(
            end
                + ":1: syntax: the '{' opened here is never closed (expected '}' before the end of"
                + " the file)");
  }

  @Test
  void anotherSyntaxErrorNamesTheFileOnce() throws IOException {
    Path file = write("job.conf", "socialkpi {\n  run { zone = = }\n}\n");
    ConfigError e = catchError(() -> SettingsLoader.load(file));
    assertThat(e.getMessage()).startsWith(file + ":2: syntax: ");
    assertThat(e.getMessage().split(java.util.regex.Pattern.quote(file.toString()), -1)).hasSize(2);
  }

  static final String GOOD = config("", "", "", "");

  @Test
  void setOverridesTheFileAndItsErrorsNameSet() throws IOException {
    Path file = write("job.conf", GOOD);
    Settings s =
        SettingsLoader.load(
            file.toString(),
            List.of("run.window=day", "socialkpi.run.zone=Europe/Helsinki", "run.window=month"),
            new Configuration());
    assertThat(s.run().window()).isEqualTo(io.socialkpi.calendar.WindowUnit.MONTH);
    assertThat(s.run().zone().getId()).isEqualTo("Europe/Helsinki");
    assertThatThrownBy(
            () ->
                SettingsLoader.load(file.toString(), List.of("run.zone=Mars"), new Configuration()))
        .isInstanceOf(ConfigError.class)
        .hasMessage(
            "--set run.zone=Mars: socialkpi.run.zone: unknown time zone 'Mars' (use a region id"
                + " such as Europe/Helsinki)");
    assertThatThrownBy(
            () -> SettingsLoader.load(file.toString(), List.of("run.zone"), new Configuration()))
        .hasMessage("--set: run.zone: expected key=value, such as run.window=day");
    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    file.toString(), List.of("sources.t.csv.delimiter=[x]"), new Configuration()))
        .hasMessageStartingWith(
            "--set sources.t.csv.delimiter=[x]: socialkpi.sources.t.csv.delimiter: expected a"
                + " single value");
    // a secret given with --set is not printed even when its override is at fault
    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    file.toString(),
                    List.of("spark.conf.\"spark.hadoop.fs.s3a.secret.key\"={s3cr3t"),
                    new Configuration()))
        .isInstanceOf(ConfigError.class)
        .hasMessageStartingWith("--set spark.conf.\"spark.hadoop.fs.s3a.secret.key\"=***: ")
        .hasMessageNotContaining("s3cr3t");
  }

  /** docs/CONFIG.md, "Includes and environment variables", as written there. */
  @Test
  void theDocumentedIncludeAndEnvironmentExample() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("SOCIALKPI_OUTPUT") == null);
    write("common.conf", "socialkpi.run { zone = \"Europe/Helsinki\", window = day }\n");
    String job =
        "include \"common.conf\"\n"
            + "socialkpi {\n"
            + "  run.output = \"out\"\n"
            + "  run.output = ${?SOCIALKPI_OUTPUT}   # the environment variable wins where it is set\n"
            + GOOD.substring("socialkpi {\n".length());
    Settings s = SettingsLoader.load(write("job.conf", job));
    assertThat(s.run().zone().getId()).isEqualTo("Europe/Helsinki");
    assertThat(s.run().window()).isEqualTo(io.socialkpi.calendar.WindowUnit.DAY);
    assertThat(s.run().output()).isEqualTo("out"); // not set: the line above stays
    // a variable that is set wins (HOME stands in for SOCIALKPI_OUTPUT)
    Settings set = SettingsLoader.load(write("job.conf", job.replace("SOCIALKPI_OUTPUT", "HOME")));
    assertThat(set.run().output()).isEqualTo(System.getenv("HOME"));
    // a mistake in the included file names that file and its line
    Path common = write("common.conf", "socialkpi.run {\n zone = [x] }\n");
    assertThatThrownBy(() -> SettingsLoader.load(dir.resolve("job.conf")))
        .hasMessage(
            common
                + ":2: socialkpi.run.zone: expected a single value such as \"UTC\", found a list [\"x\"]");
  }

  @Test
  void aConfigIsReadThroughHadoopFromAFileUriWithItsIncludesAndRelativePaths() throws IOException {
    Files.createDirectories(dir.resolve("conf"));
    write("conf/common.conf", "socialkpi.run.window = day\n");
    Path file = write("conf/job.conf", "include \"common.conf\"\n" + GOOD);
    String uri = file.toUri().toString(); // file:///.../conf/job.conf
    assertThat(uri).startsWith("file:///");
    Settings s = SettingsLoader.load(uri, List.of(), new Configuration());
    assertThat(s.run().window()).isEqualTo(io.socialkpi.calendar.WindowUnit.DAY);
    assertThat(s.sources().get("t").path()).isEqualTo("file:" + dir.resolve("conf/t.csv"));
    assertThat(s.provenance().location().uri()).isEqualTo(uri);
    // a mistake in a config read through Hadoop names the URI and the line
    Path bad = write("conf/bad.conf", config("csv { delimiter = [\";\"] }", "", "", ""));
    assertThatThrownBy(
            () -> SettingsLoader.load(bad.toUri().toString(), List.of(), new Configuration()))
        .hasMessageStartingWith(
            bad.toUri() + ":5: socialkpi.sources.t.csv.delimiter: expected a single value");
    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    dir.resolve("conf/nope.conf").toUri().toString(),
                    List.of(),
                    new Configuration()))
        .hasMessage(dir.resolve("conf/nope.conf").toUri() + ": --config: no such config file");
  }

  @Test
  void theEffectiveConfigIsPrintedAndHashedWithSecretsRedacted() throws IOException {
    Path file =
        write(
            "job.conf",
            GOOD.replace(
                    "socialkpi {\n",
                    "socialkpi {\n spark.conf { \"spark.hadoop.fs.s3a.secret.key\" = \"s3cr3t\" }\n")
                .replace("\"t.csv\"", "\"s3a://AKIA:pw@bucket/t.csv\""));
    Settings s = SettingsLoader.load(file);
    String hocon = s.provenance().hocon();
    assertThat(hocon)
        .contains("\"spark.hadoop.fs.s3a.secret.key\"=\"***\"")
        .contains("s3a://***@bucket/t.csv")
        .contains("window=week") // reference.conf's defaults are part of it
        .doesNotContain("s3cr3t")
        .doesNotContain("AKIA");
    // what is printed loads again as the same config
    assertThat(ConfigFactory.parseString(hocon).getString("socialkpi.run.window"))
        .isEqualTo("week");
    assertThat(s.provenance().sha256()).matches("[0-9a-f]{64}");
    Settings same = SettingsLoader.load(file);
    assertThat(same.provenance().sha256()).isEqualTo(s.provenance().sha256());
    Settings other =
        SettingsLoader.load(file.toString(), List.of("run.window=day"), new Configuration());
    assertThat(other.provenance().sha256()).isNotEqualTo(s.provenance().sha256());
  }

  /**
   * Hadoop's other credentials in spark.conf: an Azure storage account key, a GCS service account's
   * private key, an S3A server-side encryption key (and the access key, which Spark itself
   * redacts), quoted as one key or written as nested keys, in the printed config and in a --set
   * error.
   */
  @Test
  void cloudCredentialsWhoseKeysDoNotSaySecretAreRedactedToo() throws IOException {
    Path file =
        write(
            "job.conf",
            GOOD.replace(
                "socialkpi {\n",
                """
                socialkpi {
                 spark.conf {
                  "spark.hadoop.fs.azure.account.key.acct.dfs.core.windows.net" = "AZKEY1"
                  "spark.hadoop.fs.gs.auth.service.account.private.key" = "GSKEY2"
                  "spark.hadoop.fs.s3a.encryption.key" = "SSEKEY3"
                  "spark.hadoop.fs.s3a.access.key" = "AKIAKEY4"
                  spark.hadoop.fs.azure.account.key.other.blob.core.windows.net = "AZKEY5"
                 }
                """));
    String hocon = SettingsLoader.load(file).provenance().hocon();
    assertThat(hocon)
        .doesNotContain("AZKEY1")
        .doesNotContain("GSKEY2")
        .doesNotContain("SSEKEY3")
        .doesNotContain("AKIAKEY4")
        .doesNotContain("AZKEY5")
        .contains("\"spark.hadoop.fs.azure.account.key.acct.dfs.core.windows.net\"=\"***\"");
    assertThatThrownBy(
            () ->
                SettingsLoader.load(
                    file.toString(),
                    List.of(
                        "spark.conf.\"spark.hadoop.fs.azure.account.key.a.dfs.core.windows.net\""
                            + "={AZKEY6"),
                    new Configuration()))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("=***: ")
        .hasMessageNotContaining("AZKEY6");
  }

  /**
   * null where a block of settings belongs (the socialkpi block itself, run, a source's csv) is one
   * problem naming file, line and key: it was a stack trace (exit 1) for socialkpi, and for the
   * others a cascade of problems filed under "empty config" without a line. A required value set to
   * null names its line too. A block empty by default may be null: spark.conf = null was a stack
   * trace, where = null and skip-rows = null stay "none".
   */
  @Test
  void nullWhereABlockOrARequiredValueBelongsNamesFileLineAndKey() throws IOException {
    Path top = write("top.conf", GOOD + "socialkpi = null\n");
    assertThatThrownBy(() -> SettingsLoader.load(top))
        .isInstanceOf(ConfigError.class)
        .hasMessage(top + ":18: socialkpi: expected a block { ... }, found null");
    Path number = write("number.conf", GOOD + "socialkpi = 5\n");
    assertThatThrownBy(() -> SettingsLoader.load(number))
        .isInstanceOf(ConfigError.class)
        .hasMessage(number + ":18: socialkpi: expected a block { ... }, found number");
    for (String key : List.of("run", "report", "sources.t.csv", "sources.t.time")) {
      Path file = write("job.conf", GOOD + "socialkpi." + key + " = null\n");
      assertThatThrownBy(() -> SettingsLoader.load(file))
          .as(key)
          .isInstanceOf(ConfigError.class)
          .hasMessage(
              file
                  + ":18: socialkpi."
                  + key
                  + ": expected a block { ... }, found null (a key inside it is written "
                  + key.substring(key.lastIndexOf('.') + 1)
                  + ".<key> = value)");
    }
    Path zone = write("zone.conf", GOOD + "socialkpi.run.zone = null\n");
    assertThatThrownBy(() -> SettingsLoader.load(zone))
        .hasMessage(zone + ":18: socialkpi.run.zone: is required");
    Path none =
        write(
            "none.conf",
            GOOD
                + "socialkpi.spark.conf = null\n"
                + "socialkpi.sources.t.metrics.m.where = null\n"
                + "socialkpi.sources.t.skip-rows = null\n");
    Settings s = SettingsLoader.load(none);
    assertThat(s.spark().conf()).isEmpty();
    assertThat(s.sources().get("t").metrics().get(0).where()).isEmpty();
  }

  private static ConfigError catchError(Runnable r) {
    try {
      r.run();
    } catch (ConfigError e) {
      return e;
    }
    throw new AssertionError("expected a ConfigError");
  }
}

package io.socialkpi.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialkpi.SparkTestSession;
import io.socialkpi.cli.Main;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run_info records what ran: the job's version, a hash of the effective config, its URI. */
class RunInfoProvenanceTest {
  @TempDir Path dir;

  static final String CONF =
      """
      socialkpi {
        sources { t { path = "t.csv", time { column = d }, metrics { m { column = n } } } }
        spark.conf { "spark.hadoop.fs.s3a.secret.key" = "s3cr3t" }
      }
      """;

  @Test
  void runInfoEndsWithTheVersionTheConfigHashAndTheConfigUri() throws Exception {
    Path file = Files.writeString(dir.resolve("job.conf"), CONF);
    String uri = file.toUri().toString();
    Settings settings = SettingsLoader.load(uri, List.of(), new Configuration());
    Row row = RunInfoTable.of(SparkTestSession.get(), settings, Instant.now()).first();
    List<String> names = Arrays.asList(row.schema().fieldNames());
    // added at the end: older partitions read the new columns as null
    assertThat(names.subList(names.size() - 4, names.size()))
        .containsExactly("job_version", "config_sha256", "config_uri", "metrics");
    assertThat(row.<String>getAs("job_version"))
        .isEqualTo(version())
        .matches("\\d+\\.\\d+\\.\\d+.*");
    String canonical = settings.provenance().canonical();
    assertThat(canonical).doesNotContain("s3cr3t");
    assertThat(row.<String>getAs("config_sha256"))
        .isEqualTo(
            HexFormat.of()
                .formatHex(
                    MessageDigest.getInstance("SHA-256")
                        .digest(canonical.getBytes(StandardCharsets.UTF_8))));
    assertThat(row.<String>getAs("config_uri")).isEqualTo(uri).startsWith("file:///");
    // the same settings written otherwise hash the same; another setting does not
    Path other = Files.writeString(dir.resolve("other.conf"), "\n\n" + CONF.replace("  ", "    "));
    assertThat(SettingsLoader.load(other).provenance().sha256())
        .isEqualTo(settings.provenance().sha256());
    assertThat(
            SettingsLoader.load(other.toString(), List.of("run.window=day"), new Configuration())
                .provenance()
                .sha256())
        .isNotEqualTo(settings.provenance().sha256());
  }

  /** What {@code socialkpi --version} prints, without its name: the pom's version. */
  private static String version() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream old = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.execute("--version")).isZero();
    } finally {
      System.setOut(old);
    }
    String printed = out.toString(StandardCharsets.UTF_8).strip();
    assertThat(printed).startsWith("socialkpi ");
    String pom = Files.readString(Path.of("pom.xml"));
    String pomVersion =
        pom.replaceFirst("(?s).*?</parent>", "")
            .replaceFirst(
                "(?s).*?<artifactId>socialkpi</artifactId>\\s*<version>([^<]+)</version>.*", "$1");
    assertThat(printed).isEqualTo("socialkpi " + pomVersion);
    return printed.substring("socialkpi ".length());
  }
}

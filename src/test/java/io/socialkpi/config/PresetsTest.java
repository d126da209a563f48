package io.socialkpi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A preset is a block of source keys: the source's own keys win over it, it wins over
 * source-defaults, a job config may add its own, and a typo in one is named like any other.
 */
class PresetsTest {
  @TempDir Path dir;

  private SourceSpec source(String presets, String source) throws IOException {
    Path file = dir.resolve("job.conf");
    Files.writeString(
        file,
        "socialkpi {\n"
            + presets
            + "\n  sources { s { path = \"x.csv\", "
            + source
            + ", metrics { v { column = impressions } } } }\n}\n");
    return SettingsLoader.load(file).sources().get("s");
  }

  @Test
  void aBuiltInPresetSetsTheLayoutAndTheSourceOverridesIt() throws IOException {
    SourceSpec s = source("", "preset = x-tweet-activity, time.zone = \"Europe/Helsinki\"");
    assertThat(s.time().column()).isEqualTo("time");
    assertThat(s.time().pattern()).isEqualTo("yyyy-MM-dd HH:mm Z");
    assertThat(s.time().zone().getId()).isEqualTo("Europe/Helsinki");
    assertThat(s.missingMarkers()).containsExactly("-");
    SourceSpec q = source("", "preset = qualtrics");
    assertThat(q.csv().headerRows()).isEqualTo(3);
    assertThat(q.csv().delimiter()).isEqualTo(',');
  }

  @Test
  void theConfigExamplesOfExportsMdLoad() throws IOException {
    String doc = Files.readString(Path.of("docs/EXPORTS.md"));
    int start = doc.indexOf("```hocon\nsocialkpi.sources {");
    assertThat(start).as("the example block in docs/EXPORTS.md").isNotNegative();
    String block = doc.substring(start + "```hocon\n".length(), doc.indexOf("```", start + 8));
    Path file = dir.resolve("job.conf");
    Files.writeString(file, block);
    Settings settings = SettingsLoader.load(file);
    assertThat(settings.sources().keySet())
        .contains("fb-page", "tweets", "orders", "tickets", "web", "nps", "csat");
    assertThat(settings.sources().get("web").metrics().get(0).where())
        .containsEntry("traffic_source.medium", java.util.List.of("social"));
  }

  @Test
  void aJobConfigMayAddItsOwnPreset() throws IOException {
    SourceSpec s =
        source(
            "presets.crm { csv { delimiter = \";\", skip-lines = 1 }, time { column = Created,"
                + " pattern = \"dd.MM.yyyy\" } }",
            "preset = crm");
    assertThat(s.csv().delimiter()).isEqualTo(';');
    assertThat(s.csv().skipLines()).isEqualTo(1);
    assertThat(s.time().column()).isEqualTo("Created");
  }

  @Test
  void aTypoInAPresetIsNamedWithItsPath() {
    assertThatThrownBy(
            () ->
                source(
                    "presets.crm { csv { header-row = 2 }, time { column = Created } }",
                    "preset = crm"))
        .hasMessageContaining("socialkpi.presets.crm.csv.header-row")
        .hasMessageContaining("unknown key");
  }
}

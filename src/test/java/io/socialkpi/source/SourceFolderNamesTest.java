package io.socialkpi.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialkpi.SparkTestSession;
import io.socialkpi.config.ConfigError;
import io.socialkpi.config.Settings;
import io.socialkpi.config.SettingsLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File names in a source folder as exports and people write them: glob characters are read as the
 * names they are; what cannot be read (a ':' in a name, a symbolic link loop, only subfolders)
 * stops the run before Spark with a message naming it.
 */
class SourceFolderNamesTest {
  @TempDir Path dir;

  Settings settings(String path, String extra) throws IOException {
    Path conf = dir.resolve("job.conf");
    Files.writeString(conf, BadInputs.config("UTC", BadInputs.pagesSource("pages", path, extra)));
    return SettingsLoader.load(conf);
  }

  void csv(String name, int fans) throws IOException {
    Files.createDirectories(dir.resolve(name).getParent());
    Files.writeString(
        dir.resolve(name),
        BadInputs.HEADER + "2024-03-0" + (fans % 9 + 1) + ",north," + fans + ",10,1.5\n");
  }

  SourceQuality scan(Settings s) {
    SparkSession spark = SparkTestSession.get();
    return SourceScan.run(
            spark, s.sources().get("pages"), InputCheck.check(s).get("pages"), s.run())
        .quality();
  }

  @Test
  void globCharactersInCsvFileNamesAreReadAsNames() throws IOException {
    csv("exports/pages[1].csv", 1);
    csv("exports/pages{2}.csv", 2);
    csv("exports/pages*3?.csv", 3);
    SourceQuality q = scan(settings("exports", ""));
    assertThat(q.files()).isEqualTo(3);
    assertThat(q.rowsRead()).isEqualTo(3);
    assertThat(q.rowsAccepted()).isEqualTo(3);
  }

  @Test
  void globCharactersInParquetFileNamesAreReadAsNames() throws IOException {
    SparkSession spark = SparkTestSession.get();
    StructType schema =
        new StructType()
            .add("date", DataTypes.StringType)
            .add("region", DataTypes.StringType)
            .add("fans", DataTypes.LongType)
            .add("engaged_users", DataTypes.LongType)
            .add("revenue", DataTypes.DoubleType);
    Files.createDirectories(dir.resolve("parquet"));
    for (int i = 1; i <= 2; i++) {
      Path written = dir.resolve("written-" + i);
      spark
          .createDataFrame(
              List.of(RowFactory.create("2024-03-0" + i, "north", 100L + i, 10L, 1.5)), schema)
          .coalesce(1)
          .write()
          .parquet(written.toString());
      try (var files = Files.list(written)) {
        Path part =
            files.filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst().get();
        Files.move(part, dir.resolve("parquet/pages[" + i + "]{x}.parquet"));
      }
    }
    SourceQuality q = scan(settings("parquet", "format = parquet"));
    assertThat(q.rowsRead()).isEqualTo(2);
    assertThat(q.rowsAccepted()).isEqualTo(2);
  }

  @Test
  void aColonInAFileNameIsAnErrorNamingTheFile() throws IOException {
    csv("exports/pages.csv", 1);
    csv("exports/pages 10:00.csv", 2);
    assertThatThrownBy(() -> InputCheck.check(settings("exports", "")))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("socialkpi.sources.pages.path")
        .hasMessageContaining("pages 10:00.csv")
        .hasMessageContaining("':'")
        .hasMessageContaining("rename")
        .hasMessageNotContaining("Relative path in absolute URI");
  }

  @Test
  void aFolderOfOnlySubfoldersSaysSubfoldersAreNotRead() throws IOException {
    csv("exports/2024-03/pages.csv", 1);
    csv("exports/2024-04/pages.csv", 2);
    assertThatThrownBy(() -> InputCheck.check(settings("exports", "")))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("socialkpi.sources.pages.path")
        .hasMessageContaining("subfolders (2024-03, 2024-04)")
        .hasMessageContaining("are not read");
  }

  @Test
  void aSymbolicLinkLoopIsAnErrorNamingTheLink() throws IOException {
    csv("exports/pages.csv", 1);
    Path a = dir.resolve("exports/a.csv");
    Path b = dir.resolve("exports/b.csv");
    Files.createSymbolicLink(a, b.getFileName());
    Files.createSymbolicLink(b, a.getFileName());
    assertThatThrownBy(() -> InputCheck.check(settings("exports", "")))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("socialkpi.sources.pages.path")
        .hasMessageContaining(a.toString())
        .hasMessageContaining("symbolic link");
  }
}

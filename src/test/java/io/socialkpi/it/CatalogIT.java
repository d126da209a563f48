package io.socialkpi.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code catalog.database} and a Hive metastore (Derby-backed, in a folder), two runs of
 * different dates register the tables once and a partition each; another process, knowing only the
 * metastore, finds them by name. The runs use the small generated data set and config of
 * RunFaultsIT ({@link Launchers#generated()}, {@link Launchers#SMALL_CONFIG}): registration does
 * not depend on the number of sources or objectives.
 */
class CatalogIT {
  @TempDir Path dir;

  @Test
  void runsRegisterTheTablesInAHiveMetastoreThatAnotherProcessQueriesByName() throws Exception {
    // The small generated company and config RunFaultsIT runs too, with the catalog added.
    Path data = Launchers.generated();
    String metastore = "jdbc:derby:;databaseName=" + dir.resolve("metastore_db") + ";create=true";
    String warehouse = dir.resolve("warehouse").toString();
    Path config =
        Files.writeString(
            data.resolve("catalog.conf"),
            Launchers.SMALL_CONFIG
                + "\nsocialkpi.catalog.database = socialkpi\n"
                + "socialkpi.spark.conf {\n"
                + "  \"spark.sql.catalogImplementation\" = hive\n"
                + "  \"spark.sql.warehouse.dir\" = \""
                + warehouse
                + "\"\n"
                + "  \"spark.hadoop.javax.jdo.option.ConnectionURL\" = \""
                + metastore
                + "\"\n}\n");
    Path out = dir.resolve("out");
    for (String date : List.of("2025-12-30", "2025-12-31")) {
      Launchers.Result run =
          Launchers.run(
              Map.of(),
              "jobs/socialkpi",
              "run",
              "--config",
              config.toString(),
              "--output",
              out.toString(),
              "--run-date",
              date);
      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(run.output())
          .contains("registering the tables in catalog database socialkpi")
          .contains("socialkpi.objective_summary")
          .doesNotContain("catalog is in-memory");
    }

    Launchers.Result query =
        sql(
            warehouse,
            metastore,
            "SELECT s.run_date, count(*) AS entities, max(q.rows_read) AS most_read"
                + " FROM socialkpi.objective_summary s"
                + " JOIN socialkpi.data_quality q ON q.run_date = s.run_date"
                + " GROUP BY s.run_date ORDER BY s.run_date");
    assertThat(query.exitCode()).as(query.output()).isZero();
    assertThat(query.output()).contains("run_date,entities,most_read");
    assertThat(query.output()).containsPattern("2025-12-30,\\d+,\\d+");
    assertThat(query.output()).containsPattern("2025-12-31,\\d+,\\d+");

    Launchers.Result tables = sql(warehouse, metastore, "SHOW TABLES IN socialkpi");
    assertThat(tables.exitCode()).as(tables.output()).isZero();
    for (String t : LaunchersIT.TABLES) {
      assertThat(tables.output()).contains("socialkpi," + t + ",false");
    }
    assertThat(tables.output()).contains("socialkpi,run_info,false");
  }

  /** {@code jobs/socialkpi sql} in a new process that knows only the metastore. */
  private static Launchers.Result sql(String warehouse, String metastore, String query)
      throws Exception {
    return Launchers.run(
        Map.of(),
        "jobs/socialkpi",
        "sql",
        "--conf",
        "spark.sql.catalogImplementation=hive",
        "--conf",
        "spark.sql.warehouse.dir=" + warehouse,
        "--conf",
        "spark.hadoop.javax.jdo.option.ConnectionURL=" + metastore,
        "--csv",
        query);
  }
}

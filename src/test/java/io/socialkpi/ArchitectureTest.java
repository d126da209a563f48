package io.socialkpi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package table of docs/ARCHITECTURE.md, checked on the compiled main classes: the statistics,
 * the calendar and the config are plain Java (testable and reusable without Spark), the report
 * reads tables and computes no statistic, and the packages depend on each other in one direction.
 */
class ArchitectureTest {
  static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.socialkpi");
  }

  @Test
  void statisticsArePlainJavaOverArrays() {
    noClasses()
        .that()
        .resideInAPackage("io.socialkpi.stats..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.spark..", "scala..")
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.socialkpi.analysis..",
            "io.socialkpi.calendar..",
            "io.socialkpi.cli..",
            "io.socialkpi.config..",
            "io.socialkpi.generate..",
            "io.socialkpi.inspect..",
            "io.socialkpi.output..",
            "io.socialkpi.panel..",
            "io.socialkpi.pipeline..",
            "io.socialkpi.report..",
            "io.socialkpi.source..",
            "io.socialkpi.spark..")
        .check(main);
  }

  @Test
  void configAndCalendarRunWithoutSpark() {
    // The config is checked before Spark starts; the calendar is the plain-Java reference that
    // source/WindowColumns is tested against.
    noClasses()
        .that()
        .resideInAnyPackage("io.socialkpi.config..", "io.socialkpi.calendar..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.spark..", "scala..")
        .check(main);
  }

  @Test
  void theReportReadsTablesAndComputesNoStatistic() {
    noClasses()
        .that()
        .resideInAPackage("io.socialkpi.report..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.socialkpi.stats..",
            "io.socialkpi.analysis..",
            "io.socialkpi.panel..",
            "io.socialkpi.source..")
        .check(main);
  }

  @Test
  void theEvidenceIsComputedWithoutKnowingWhereTablesGo() {
    // analysis builds rows of the tables package's records; output only stores them.
    noClasses()
        .that()
        .resideInAPackage("io.socialkpi.analysis..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.socialkpi.output..", "io.socialkpi.report..", "io.socialkpi.pipeline..")
        .check(main);
  }

  @Test
  void tablesAreDefinitionsThatRunNoSparkJob() {
    // docs/ARCHITECTURE.md: one record per table and RowCodec; Spark types only, no Spark jobs,
    // and nothing of where tables are written, what computes them or what reads them.
    noClasses()
        .that()
        .resideInAPackage("io.socialkpi.tables..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.apache.spark.sql.Dataset")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.apache.spark.sql.SparkSession")
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.socialkpi.analysis..",
            "io.socialkpi.cli..",
            "io.socialkpi.output..",
            "io.socialkpi.pipeline..",
            "io.socialkpi.report..",
            "io.socialkpi.source..",
            "io.socialkpi.spark..")
        .check(main);
  }

  @Test
  void wordsArePlainJavaOfTheirOwn() {
    noClasses()
        .that()
        .resideInAPackage("io.socialkpi.words..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.spark..", "scala..")
        .orShould()
        .dependOnClassesThat(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "another package of the job",
                c ->
                    c.getPackageName().startsWith("io.socialkpi.")
                        && !c.getPackageName().startsWith("io.socialkpi.words")))
        .check(main);
  }

  @Test
  void theInspectCommandRunsWithoutSpark() {
    // jobs/socialkpi inspect sniffs a file on the driver in a second; a Spark class would start
    // half of Spark's class loading.
    noClasses()
        .that()
        .resideInAPackage("io.socialkpi.inspect..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.spark..")
        .check(main);
  }

  @Test
  void packagesDependOnEachOtherInOneDirection() {
    slices().matching("io.socialkpi.(*)..").should().beFreeOfCycles().check(main);
  }
}

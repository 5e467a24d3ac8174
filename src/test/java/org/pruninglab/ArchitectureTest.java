package org.pruninglab;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import org.pruninglab.exercise.GradingPack;
import org.springframework.stereotype.Repository;

/** The architecture, as rules the build checks. Each rule's name is the sentence it enforces. */
@AnalyzeClasses(packages = "org.pruninglab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule services_and_persistence_never_depend_on_the_ui =
      noClasses()
          .that()
          .resideOutsideOfPackage("..ui..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..ui..")
          .because("the UI depends on services, never the other way");

  @ArchTest
  static final ArchRule the_ui_reaches_the_database_only_through_services =
      noClasses()
          .that()
          .resideInAPackage("..ui..")
          .should()
          .dependOnClassesThat()
          .areAnnotatedWith(Repository.class)
          .orShould()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..")
          .because("services enforce access rules and transactions; views must not bypass them");

  @ArchTest
  static final ArchRule repositories_are_private_to_their_feature =
      classes()
          .that()
          .areAnnotatedWith(Repository.class)
          .should()
          .notBePublic()
          .because("a feature's tables are reached through that feature's services only");

  /**
   * Classes allowed to use JDBC without being a repository, each for its reason. The db-scheduler
   * library runs the grading queue on the DataSource itself.
   */
  private static final Set<String> JDBC_OUTSIDE_REPOSITORIES =
      Set.of("org.pruninglab.backend.GradingQueue");

  @ArchTest
  static final ArchRule only_repositories_use_jdbc =
      noClasses()
          .that(
              DescribedPredicate.describe(
                  "are not repositories (nor the listed exceptions)",
                  (JavaClass c) ->
                      !c.getSimpleName().endsWith("Repository")
                          && !JDBC_OUTSIDE_REPOSITORIES.contains(c.getName())))
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..")
          .because(
              "each table has one owning repository in its feature; everything else asks that"
                  + " feature's service, so SQL for a table lives in one place");

  @ArchTest
  static final ArchRule a_features_repository_is_used_only_by_that_feature =
      classes()
          .that()
          .areAnnotatedWith(Repository.class)
          .should(beUsedOnlyWithinTheirFeature())
          .because("another feature's tables are reached through that feature's service");

  /** The feature of a class: the package right under org.pruninglab. */
  private static String featureOf(JavaClass c) {
    String rest = c.getPackageName().substring("org.pruninglab".length());
    if (rest.isEmpty()) {
      return "";
    }
    int dot = rest.indexOf('.', 1);
    return dot < 0 ? rest.substring(1) : rest.substring(1, dot);
  }

  private static ArchCondition<JavaClass> beUsedOnlyWithinTheirFeature() {
    return new ArchCondition<>("be used only by classes of their own feature") {
      @Override
      public void check(JavaClass repository, ConditionEvents events) {
        for (Dependency d : repository.getDirectDependenciesToSelf()) {
          JavaClass user = d.getOriginClass();
          boolean same = featureOf(user).equals(featureOf(repository));
          events.add(new SimpleConditionEvent(repository, same, d.getDescription()));
        }
      }
    };
  }

  @ArchTest
  static final ArchRule feature_packages_do_not_depend_on_each_other_in_cycles =
      slices()
          .matching("org.pruninglab.(*)..")
          .should()
          .beFreeOfCycles()
          .because("features are packaged so that each can be understood on its own");

  @ArchTest
  static final ArchRule submissions_do_not_depend_on_the_grading_backend =
      noClasses()
          .that()
          .resideInAPackage("org.pruninglab.submission..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.pruninglab.backend..")
          .because(
              "the backend grades submissions and stores their results through the submission"
                  + " feature's services; submissions hand jobs over through JobQueue only (see"
                  + " docs/decisions/2026-12-02-grading-backend.md)");

  @ArchTest
  static final ArchRule only_the_grading_queue_knows_the_job_scheduler =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("org.pruninglab.backend.GradingQueue")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.github.kagkarlsson..")
          .because(
              "the queue is the one place that knows db-scheduler and its table, so the library"
                  + " can change without touching workers, results or pages");

  @ArchTest
  static final ArchRule base_depends_on_no_feature =
      noClasses()
          .that()
          .resideInAPackage("org.pruninglab.base..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("org.pruninglab..")
                  .and(resideOutsideOfPackage("org.pruninglab.base.."))
                  .as("are in a feature"))
          .because("base is what every feature may use, so it can use none of them");

  @ArchTest
  static final ArchRule compiling_and_the_code_policy_depend_on_no_feature =
      noClasses()
          .that()
          .resideInAPackage("org.pruninglab.compile..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("org.pruninglab..")
                  .and(resideOutsideOfPackage("org.pruninglab.compile.."))
                  .as("are in a feature"))
          .because(
              "the exercise catalog (to check packs) and grading (to check submissions) both use"
                  + " it, so it can use neither");

  @ArchTest
  static final ArchRule only_grading_code_reads_hidden_tests_and_reference_solutions =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "org.pruninglab.grading..",
              "org.pruninglab.backend..",
              "org.pruninglab.exercise",
              "org.pruninglab.cli..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName(GradingPack.class.getName())
          .because(
              "pages and student-facing services get an Exercise, which carries no hidden test,"
                  + " reference solution or known-wrong variant");

  @ArchTest
  static final ArchRule only_the_lab_kit_touches_djl =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.pruninglab.labkit..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("ai.djl..")
          .because("the lab kit is the one place that knows the deep-learning engine");

  @ArchTest
  static final ArchRule the_lab_kit_depends_on_no_spring_vaadin_or_application_class =
      noClasses()
          .that()
          .resideInAPackage("org.pruninglab.labkit..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "com.vaadin..",
              "jakarta.servlet..",
              "org.pruninglab.account..",
              "org.pruninglab.shell..",
              "org.pruninglab.base..")
          .because("the lab kit also runs inside the grading sandbox, next to student code");

  @ArchTest
  static final ArchRule collaborators_are_injected_through_constructors_not_fields =
      GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

  @ArchTest
  static final ArchRule application_code_logs_instead_of_printing =
      noClasses()
          .that()
          .resideOutsideOfPackages("org.pruninglab.cli..", "org.pruninglab.grading.harness..")
          .and()
          .doNotHaveFullyQualifiedName(PruningLabApplication.class.getName())
          .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
          .because(
              "only command-line commands print, and the sandbox harness, whose standard output"
                  + " is the result protocol; everything else logs");

  @ArchTest
  static final ArchRule the_sandbox_harness_depends_only_on_junit_and_the_lab_kit =
      noClasses()
          .that()
          .resideInAPackage("org.pruninglab.grading.harness..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "com.vaadin..",
              "org.pruninglab.base..",
              "org.pruninglab.account..",
              "org.pruninglab.exercise..",
              "org.pruninglab.compile..",
              "org.pruninglab.shell..",
              "org.pruninglab.cli..",
              "com.fasterxml..")
          .orShould()
          .dependOnClassesThat(
              JavaClass.Predicates.resideInAPackage("org.pruninglab.grading")
                  .as("the trusted grading side"))
          .because("the harness runs inside the sandbox, where only its own class path exists");

  @ArchTest
  static final ArchRule the_time_of_day_comes_from_the_injected_clock =
      noClasses()
          .should()
          .callMethod(Instant.class, "now")
          .orShould()
          .callMethod(LocalDateTime.class, "now")
          .orShould()
          .callMethod(LocalDate.class, "now")
          .orShould()
          .callMethod(ZonedDateTime.class, "now")
          .orShould()
          .callMethod(System.class, "currentTimeMillis")
          .because("deadlines and timestamps must be testable with a fixed clock");
}

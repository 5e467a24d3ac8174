package org.pruninglab.gradebook;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.pruninglab.account.AccountDetails;
import org.pruninglab.account.AccountService;
import org.pruninglab.account.MutableClock;
import org.pruninglab.account.Role;
import org.pruninglab.exercise.Exercise;
import org.pruninglab.exercise.ExerciseCatalog;
import org.pruninglab.exercise.ExerciseMetadata;
import org.pruninglab.grading.GradingEngine;
import org.pruninglab.submission.StoredSubmissions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * The course's business rules — schedules, late policy, extensions, final-submission choice,
 * overrides, release — on a small Spring context: the account, deadline, gradebook and submission
 * services with their repositories on a real in-memory H2 database migrated by Flyway, an injected
 * clock, a queue that only queues (no sandbox: results are stored as a worker would store them),
 * and one pack, {@code kthvalue}, of 26 points. Every test starts from empty tables.
 */
@SpringJUnitConfig(CourseRulesSlice.Slice.class)
@TestPropertySource(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:course-rules;DB_CLOSE_DELAY=-1",
      "spring.datasource.username=sa",
      "spring.flyway.locations=classpath:db/migration",
      "lab.grading.workers=0",
      "lab.deadlines.autograde=false"
    })
abstract class CourseRulesSlice {

  static final String EXERCISE = "kthvalue";
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final Instant PACK_DUE = T0.plusSeconds(7 * 24 * 3600);

  // Not a @Configuration: the application's own component scan would find it in the integration
  // tests and add its beans there.
  @ImportAutoConfiguration({
    DataSourceAutoConfiguration.class,
    DataSourceTransactionManagerAutoConfiguration.class,
    TransactionAutoConfiguration.class,
    JdbcTemplateAutoConfiguration.class,
    JdbcClientAutoConfiguration.class,
    FlywayAutoConfiguration.class,
    JacksonAutoConfiguration.class
  })
  @EnableMethodSecurity
  @ConfigurationPropertiesScan("org.pruninglab")
  @ComponentScan(
      basePackages = "org.pruninglab",
      useDefaultFilters = false,
      includeFilters =
          @ComponentScan.Filter(
              type = FilterType.REGEX,
              pattern = {
                "org\\.pruninglab\\.account\\.(AccountService|AccountRepository|AccessLog"
                    + "|AccessRefusalRepository|PasswordPolicy)",
                "org\\.pruninglab\\.deadline\\.(Deadlines|DeadlineRepository)",
                "org\\.pruninglab\\.gradebook\\.(GradebookService|GradeRepository|Pseudonyms"
                    + "|PseudonymRepository|DeadlineAutograder|GradeListener)",
                "org\\.pruninglab\\.submission\\.(SubmissionService|SubmissionRepository"
                    + "|ResultStore|GradingJobs|GradingEvents)",
                "org\\.pruninglab\\.backend\\.(GradingQueue|GradingWorker|WorkerIdentity|WorkerRegistry|WorkerRepository)"
              }))
  static class Slice {

    @Bean
    MutableClock clock() {
      return new MutableClock(T0);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
      return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The catalog the rules read: one exercise, {@code kthvalue}, with no tests to compile. */
    @Bean
    ExerciseCatalog exerciseCatalog() {
      ExerciseMetadata metadata =
          new ExerciseMetadata(
              EXERCISE,
              "Pruning with kthvalue",
              1,
              26,
              PACK_DUE.atOffset(ZoneOffset.UTC),
              "lab",
              "KthvaluePruning.java",
              60,
              10,
              256,
              List.of(),
              "cpu",
              null,
              List.of(),
              null,
              null);
      Exercise exercise = new Exercise(metadata, "", "", Map.of(), List.of(), "0".repeat(64));
      ExerciseCatalog catalog = mock(ExerciseCatalog.class);
      when(catalog.find(EXERCISE)).thenReturn(Optional.of(exercise));
      when(catalog.all()).thenReturn(List.of(exercise));
      return catalog;
    }

    /** The queue's engine is never asked to grade here (no workers). */
    @Bean
    GradingEngine gradingEngine(ExerciseCatalog catalog) {
      GradingEngine engine = mock(GradingEngine.class);
      when(engine.exercises()).thenReturn(catalog);
      return engine;
    }
  }

  @Autowired MutableClock clock;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;
  @Autowired AccountService accounts;
  StoredSubmissions stored;

  @BeforeEach
  void emptyCourse() {
    for (String table :
        List.of(
            "grade_audit",
            "grade_of_record",
            "grade_release_event",
            "extension",
            "exercise_schedule",
            "leaderboard_pseudonym",
            "access_refusal",
            "pruning_metric",
            "grading_result",
            "grading_phase",
            "draft_history",
            "draft",
            "scheduled_tasks",
            "submission",
            "account")) {
      jdbc.sql("delete from " + table).update();
    }
    clock.set(T0);
    stored = StoredSubmissions.in(context);
    signInAs("instructor", Role.INSTRUCTOR);
    account("instructor", Role.INSTRUCTOR);
  }

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  /** Creates an account and returns its id; leaves the instructor signed in. */
  long account(String username, Role role) {
    signInAs("instructor", Role.INSTRUCTOR);
    return accounts
        .create(new AccountDetails(username, username, username + "@example.org", role))
        .id();
  }

  static void signInAs(String username, Role role) {
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority("ROLE_" + role.name()))));
  }
}

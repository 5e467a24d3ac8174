package org.pruninglab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;
import org.pruninglab.grading.SandboxPreparation;
import org.pruninglab.grading.SandboxSettings;

/**
 * What the tests need from the machine beyond the JDK — the data set, the sandbox, Chromium,
 * PostgreSQL, root — and the one place that decides whether each need is met and what happens when
 * it is not: the test is skipped with the reason, unless the need is <em>required</em>, and then it
 * fails.
 *
 * <p>Required are the needs that {@code LAB_TEST_REQUIRE} (or the system property {@code
 * lab.test.require}) names, comma-separated, or {@code all}; where neither is set but {@code CI} is
 * (as CI services set it), all of them. {@code .ci/run} sets {@code LAB_TEST_REQUIRE} to what it
 * installed or started, so that nothing it provides is silently skipped.
 */
public final class Environment {

  /** Where the tests and the sandbox read Fashion-MNIST (the Debian package). */
  public static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

  /** The bubblewrap command the tests' sandboxes run (found on the PATH). */
  public static final String BWRAP = "bwrap";

  /** The browser the browser tests drive (Debian's; Playwright never downloads one). */
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  /** One thing a test may need; {@link #problem} says why it is not there, or nothing. */
  public enum Need {
    /** Fashion-MNIST at {@link #FASHION_MNIST}. */
    FASHION_MNIST("fashion-mnist", Environment::fashionMnistProblem),
    /** Bubblewrap that can make a sandbox here, and the data set the sandbox binds. */
    SANDBOX("sandbox", Environment::sandboxProblem),
    /** Debian's Chromium at {@link #CHROMIUM}. */
    CHROMIUM("chromium", Environment::chromiumProblem),
    /** The PostgreSQL of {@link LocalPostgres}. */
    POSTGRES("postgres", Environment::postgresProblem),
    /** Root, to start processes as another user (setpriv). */
    ROOT("root", Environment::rootProblem);

    private final String key;
    private final Supplier<String> check;

    Need(String key, Supplier<String> check) {
      this.key = key;
      this.check = check;
    }

    /** The name in {@code LAB_TEST_REQUIRE}. */
    public String key() {
      return key;
    }

    /** Why this need is not met on this machine; empty when it is. Checked once per JVM. */
    public Optional<String> problem() {
      synchronized (PROBLEMS) {
        return PROBLEMS.computeIfAbsent(this, n -> Optional.ofNullable(n.check.get()));
      }
    }
  }

  private static final Map<Need, Optional<String>> PROBLEMS = new EnumMap<>(Need.class);

  private Environment() {}

  /**
   * Returns when every need is met; otherwise skips the calling test (a {@link
   * TestAbortedException}) or, for a required need, fails it.
   */
  public static void require(Need... needs) {
    String unmet = unmet(needs);
    if (unmet == null) {
      return;
    }
    if (unmet.startsWith(REQUIRED)) {
      throw new IllegalStateException(unmet);
    }
    throw new TestAbortedException(unmet);
  }

  /** The needs that must not be skipped on this machine (see the class comment). */
  public static Set<Need> required() {
    String list = System.getProperty("lab.test.require", System.getenv("LAB_TEST_REQUIRE"));
    if (list == null) {
      String ci = System.getenv("CI");
      list = ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") ? "all" : "";
    }
    Set<Need> required = EnumSet.noneOf(Need.class);
    for (String name : list.toLowerCase(Locale.ROOT).split("[,\\s]+")) {
      if (name.equals("all")) {
        return EnumSet.allOf(Need.class);
      }
      Arrays.stream(Need.values()).filter(n -> n.key.equals(name)).forEach(required::add);
    }
    return required;
  }

  private static final String REQUIRED = "required here (LAB_TEST_REQUIRE or CI): ";

  /** Null when all are met; else the message for the first unmet one. */
  private static String unmet(Need... needs) {
    for (Need need : needs) {
      Optional<String> problem = need.problem();
      if (problem.isPresent()) {
        return required().contains(need)
            ? REQUIRED + problem.get()
            : problem.get() + " (skipped; LAB_TEST_REQUIRE=" + need.key + " fails instead)";
      }
    }
    return null;
  }

  private static String fashionMnistProblem() {
    return Files.isDirectory(FASHION_MNIST)
        ? null
        : "needs Fashion-MNIST in " + FASHION_MNIST + " (apt-get install dataset-fashion-mnist)";
  }

  private static String sandboxProblem() {
    Optional<String> data = Need.FASHION_MNIST.problem();
    if (data.isPresent()) {
      return data.get();
    }
    String problem =
        SandboxPreparation.preflight(SandboxSettings.forThisHost(BWRAP, 2, FASHION_MNIST, false));
    return problem == null ? null : "needs the grading sandbox: " + problem;
  }

  private static String chromiumProblem() {
    return Files.isExecutable(CHROMIUM)
        ? null
        : "needs Chromium at " + CHROMIUM + " (apt-get install chromium)";
  }

  private static String postgresProblem() {
    try (Connection c = LocalPostgres.connect()) {
      return c.isValid(2)
          ? null
          : "needs PostgreSQL: the connection to " + LocalPostgres.URL + " is not valid";
    } catch (SQLException e) {
      return "needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth, database test): "
          + e.getMessage();
    }
  }

  private static String rootProblem() {
    return "root".equals(System.getProperty("user.name"))
        ? null
        : "needs root, to start the service as another user";
  }

  /**
   * The gate of {@link Needs}: skips the annotated class or method, or fails it where the need is
   * required, before anything of it runs (static initialisers included).
   */
  public static final class Gate implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      Optional<Needs> needs =
          context.getElement().flatMap(e -> AnnotationSupport.findAnnotation(e, Needs.class));
      if (needs.isEmpty()) {
        return ConditionEvaluationResult.enabled("no environment needs");
      }
      String unmet = unmet(needs.get().value());
      if (unmet == null) {
        return ConditionEvaluationResult.enabled("environment needs met");
      }
      if (unmet.startsWith(REQUIRED)) {
        throw new IllegalStateException(unmet);
      }
      return ConditionEvaluationResult.disabled(unmet);
    }
  }
}

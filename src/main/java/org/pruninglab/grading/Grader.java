package org.pruninglab.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pruninglab.compile.CodePolicy;
import org.pruninglab.compile.Diagnostic;
import org.pruninglab.compile.FileTrees;
import org.pruninglab.compile.PolicyViolation;
import org.pruninglab.compile.SourceCompiler;
import org.pruninglab.exercise.GradingPack;
import org.pruninglab.exercise.PlannedTest;

/**
 * The grading pipeline for one submission: decode → compile the student's file alone → policy check
 * → compile the tests against it (or reuse them as compiled against the reference, where the
 * student's classes look the same to them) → run them in the sandbox → assemble the result from the
 * trusted plan. No step throws for anything a student can submit; every outcome is a result.
 */
public final class Grader {

  private final SourceCompiler compiler;
  private final Sandbox sandbox;
  private final Path jobsRoot;
  private final boolean policyChecked;

  public Grader(SourceCompiler compiler, Sandbox sandbox, Path jobsRoot) {
    this(compiler, sandbox, jobsRoot, true);
  }

  /**
   * With {@code policyChecked} false the policy check is skipped: only for tests that prove the
   * sandbox holds on its own when a hostile submission gets past the static check.
   */
  Grader(SourceCompiler compiler, Sandbox sandbox, Path jobsRoot, boolean policyChecked) {
    this.compiler = compiler;
    this.sandbox = sandbox;
    this.jobsRoot = jobsRoot;
    this.policyChecked = policyChecked;
  }

  public GradingResult grade(GradingPack pack, byte[] source, boolean includeHidden) {
    return grade(pack, source, includeHidden, GradingProgress.NONE);
  }

  /** Grades and tells {@code progress} what the job is doing as it goes. */
  public GradingResult grade(
      GradingPack pack, byte[] source, boolean includeHidden, GradingProgress progress) {
    return grade(pack, source, includeHidden, limits(pack), progress, defaultOptions());
  }

  /**
   * Grades with the job's own options (its device, see {@link DeviceSlots}; whether tests record
   * pictures) and tells {@code progress} what the job is doing as it goes.
   */
  public GradingResult grade(
      GradingPack pack,
      byte[] source,
      boolean includeHidden,
      GradingProgress progress,
      RunOptions options) {
    return grade(pack, source, includeHidden, limits(pack), progress, options);
  }

  /** The host's device setting, with pictures: for gradings outside the queue. */
  private RunOptions defaultOptions() {
    return RunOptions.on(sandbox.settings().device());
  }

  /** With other limits than the pack's: for tests that must hit a limit quickly. */
  GradingResult grade(GradingPack pack, byte[] source, boolean includeHidden, Limits limits) {
    return grade(pack, source, includeHidden, limits, GradingProgress.NONE, defaultOptions());
  }

  private GradingResult grade(
      GradingPack pack,
      byte[] source,
      boolean includeHidden,
      Limits limits,
      GradingProgress progress,
      RunOptions options) {
    long start = System.nanoTime();
    SandboxPreparation.prepareFixtures(sandbox.classpath(), pack.metadata().fixtures());
    List<PlannedTest> plan = pack.plan(includeHidden);
    double max = pack.maxPoints(includeHidden);
    String text;
    try {
      text = SourceFile.decode(source);
    } catch (SourceFile.Rejected e) {
      return early(
          pack,
          includeHidden,
          Verdict.COMPILE_ERROR,
          e.getMessage(),
          max,
          plan,
          List.of(new Diagnostic(0, 0, "error", e.getMessage())),
          List.of(),
          start,
          0,
          0);
    }
    Path job;
    try {
      Files.createDirectories(jobsRoot);
      job = Files.createTempDirectory(jobsRoot, "job-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a job folder under " + jobsRoot, e);
    }
    try {
      return gradeIn(job, pack, text, includeHidden, plan, max, start, limits, progress, options);
    } finally {
      try {
        FileTrees.deleteRecursively(job);
      } catch (IOException e) {
        // Left behind (nothing sweeps the jobs folder yet); it holds only class files.
      }
    }
  }

  private GradingResult gradeIn(
      Path job,
      GradingPack pack,
      String text,
      boolean includeHidden,
      List<PlannedTest> plan,
      double max,
      long start,
      Limits limits,
      GradingProgress progress,
      RunOptions options) {
    var meta = pack.metadata();
    progress.update(GradingProgress.Phase.COMPILING, 0, plan.size());
    Path student = job.resolve("classes/student");
    Path tests = job.resolve("classes/tests");
    long t0 = System.nanoTime();
    SourceCompiler.Compilation own =
        compiler.compile(Map.of(meta.sourcePath(), text), List.of(), student, true);
    List<Diagnostic> diagnostics = new ArrayList<>();
    own.diagnostics().forEach(d -> diagnostics.add(d.diagnostic()));
    if (!own.succeeded()) {
      long errors = diagnostics.stream().filter(d -> d.severity().equals("error")).count();
      return early(
          pack,
          includeHidden,
          Verdict.COMPILE_ERROR,
          errors == 1
              ? "Your file does not compile (1 error)."
              : "Your file does not compile (" + errors + " errors).",
          max,
          plan,
          diagnostics,
          List.of(),
          start,
          ms(t0),
          0);
    }
    Path expected = student.resolve(meta.studentClass().replace('.', '/') + ".class");
    if (!Files.exists(expected)) {
      String message =
          "Your file must declare the public class "
              + meta.studentClass()
              + " (package "
              + meta.packageName()
              + ";).";
      return early(
          pack,
          includeHidden,
          Verdict.COMPILE_ERROR,
          message,
          max,
          plan,
          List.of(new Diagnostic(1, 1, "error", message)),
          List.of(),
          start,
          ms(t0),
          0);
    }
    long compileMillis = ms(t0);

    long t1 = System.nanoTime();
    progress.update(GradingProgress.Phase.CHECKING, 0, plan.size());
    CodePolicy policy =
        new CodePolicy(
            meta.packageName(),
            meta.allowedApis(),
            pack.reservedClassNames(),
            pack.testTypeNames());
    List<PolicyViolation> violations = policyChecked ? policy.check(student) : List.of();
    long policyMillis = ms(t1);
    if (!violations.isEmpty()) {
      return early(
          pack,
          includeHidden,
          Verdict.POLICY_VIOLATION,
          violations.size() == 1
              ? "Your code uses something this exercise does not allow."
              : "Your code uses " + violations.size() + " things this exercise does not allow.",
          max,
          plan,
          diagnostics,
          violations,
          start,
          compileMillis,
          policyMillis);
    }

    long t2 = System.nanoTime();
    SourceCompiler.Compilation testCompile;
    if (pack.referenceApi().equals(own.api())) {
      // javac would write the same test classes for this submission as for the reference.
      pack.writeTestClasses(tests, includeHidden);
      testCompile = new SourceCompiler.Compilation(List.of(), null);
    } else {
      testCompile = compiler.compile(pack.testSources(includeHidden), List.of(student), tests);
    }
    compileMillis += ms(t2);
    if (!testCompile.succeeded()) {
      List<Diagnostic> mismatch = new ArrayList<>(diagnostics);
      for (var d : testCompile.diagnostics()) {
        if (d.diagnostic().severity().equals("error")) {
          boolean hiddenFile = pack.hiddenTests().containsKey(d.file());
          // A hidden test's line must not leak; its message says what is missing.
          String where =
              hiddenFile
                  ? "a hidden test"
                  : d.file().substring(d.file().lastIndexOf('/') + 1)
                      + " line "
                      + d.diagnostic().line();
          mismatch.add(
              new Diagnostic(
                  0,
                  0,
                  "error",
                  "Your class does not provide what "
                      + where
                      + " uses: "
                      + firstLine(d.diagnostic().message())));
        }
      }
      return early(
          pack,
          includeHidden,
          Verdict.COMPILE_ERROR,
          "Your class compiles, but it lacks a method, field or type the tests use (check the"
              + " names and parameter types against the starter code).",
          max,
          plan,
          mismatch,
          List.of(),
          start,
          compileMillis,
          policyMillis);
    }

    SandboxSession.Outcome outcome;
    try {
      SandboxClasspath.makeReadableByAll(job);
      progress.update(GradingProgress.Phase.RUNNING, 0, plan.size());
      outcome =
          SandboxSession.run(
              sandbox,
              job.resolve("classes"),
              plan,
              classNames(student),
              limits,
              new TestCounter(plan, progress),
              options);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the sandbox", e);
    }
    Verdict verdict = outcome.verdict();
    ResultAssembler.Assembled a =
        ResultAssembler.assemble(plan, outcome.messages(), outcome.endReason());
    double score = a.tests().stream().mapToDouble(TestResult::points).sum();
    long passed = a.tests().stream().filter(TestResult::passed).count();
    String summary =
        String.format(Locale.ROOT, "%d of %d tests passed", passed, a.tests().size())
            + (verdict == Verdict.OK ? "." : "; " + limitNote(verdict, a.tests(), limits) + ".");
    long engine = a.engineMillis();
    Timings timings =
        new Timings(
            compileMillis,
            policyMillis,
            Math.max(0, outcome.firstLineMillis() - engine / Math.max(1, outcome.jvms())),
            engine,
            a.testMillis(),
            ms(start));
    return new GradingResult(
        pack.id(),
        includeHidden,
        verdict,
        summary,
        score,
        max,
        diagnostics,
        List.of(),
        a.tests(),
        a.metrics(),
        a.pictures(),
        a.outsideTests(),
        timings);
  }

  /** What stopped the run, in words, for the summary. */
  private static String limitNote(Verdict verdict, List<TestResult> tests, Limits limits) {
    long stopped =
        tests.stream()
            .filter(t -> t.message() != null && t.message().startsWith("Time limit"))
            .count();
    return switch (verdict) {
      case TIME_LIMIT ->
          stopped == 1
              ? "1 test was stopped at its time limit of " + limits.perTestSeconds() + " seconds"
              : stopped
                  + " tests were stopped at the time limit ("
                  + limits.perTestSeconds()
                  + " seconds a test, "
                  + limits.wallSeconds()
                  + " for the run)";
      case MEMORY_LIMIT ->
          "the test JVM ran out of memory (" + limits.heapMegabytes() + " MB of heap)";
      case OUTPUT_LIMIT -> "the run sent more than the limit of " + limits.outputBytes() + " bytes";
      case CRASHED -> "the test JVM ended early (did the code exit the JVM or crash it?)";
      case CANCELLED -> "the run was cancelled";
      default -> verdict.label();
    };
  }

  /** The names of the compiled classes under {@code folder}. */
  private static List<String> classNames(Path folder) {
    try (var files = Files.walk(folder)) {
      return files
          .filter(f -> f.toString().endsWith(".class"))
          .map(f -> folder.relativize(f).toString())
          .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Limits limits(GradingPack pack) {
    Limits d = Limits.defaults();
    var m = pack.metadata();
    return new Limits(
        m.wallSeconds(),
        m.perTestSeconds(),
        m.heapMegabytes(),
        Math.max(d.nativeMegabytes(), 4 * m.heapMegabytes()),
        d.processes(),
        d.outputBytes(),
        d.tmpBytes());
  }

  private static GradingResult early(
      GradingPack pack,
      boolean hidden,
      Verdict verdict,
      String summary,
      double max,
      List<PlannedTest> plan,
      List<Diagnostic> diagnostics,
      List<PolicyViolation> violations,
      long start,
      long compile,
      long policy) {
    List<TestResult> tests = new ArrayList<>();
    for (PlannedTest t : plan) {
      tests.add(
          new TestResult(
              t.id(),
              t.displayName(),
              TestStatus.FAILED,
              0,
              t.points(),
              "Not run: " + verdict.label() + ".",
              0,
              t.visibility(),
              t.hidden(),
              null));
    }
    return new GradingResult(
        pack.id(),
        hidden,
        verdict,
        summary,
        0,
        max,
        diagnostics,
        violations,
        tests,
        Map.of(),
        List.of(),
        "",
        new Timings(compile, policy, 0, 0, 0, ms(start)));
  }

  private static long ms(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}

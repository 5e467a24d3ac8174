package org.pruninglab.grading;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.pruninglab.exercise.GradingPack;
import org.pruninglab.exercise.KnownWrongVariant;
import org.pruninglab.exercise.PlannedTest;

/**
 * Checks a loaded pack through the real pipeline: the reference scores full marks on public and
 * hidden tests, the starter scores 0 on the hidden tests, and each known-wrong variant fails
 * exactly the tests named in its variant.json.
 *
 * <p>All packs share one pool of gradings: a pack whose last grading is still running does not keep
 * the next pack's first ones waiting.
 */
public final class PackValidator implements AutoCloseable {

  /** One check and what it found; {@code problem} is null when it held. */
  public record Check(String pack, String what, String problem) {
    public boolean ok() {
      return problem == null;
    }
  }

  private final Grader grader;
  private final ExecutorService gradings;

  public PackValidator(Grader grader) {
    this(grader, 1);
  }

  /**
   * @param parallelGradings how many gradings run at once: each is its own sandbox process, and
   *     much of one (JVM start, engine load) uses one core, so two at once fill a two-core machine
   *     better than one
   */
  public PackValidator(Grader grader, int parallelGradings) {
    if (parallelGradings < 1) {
      throw new IllegalArgumentException("at least one grading at a time");
    }
    this.grader = grader;
    this.gradings =
        Executors.newFixedThreadPool(
            parallelGradings,
            r -> {
              Thread t = new Thread(r, "pack-validation");
              t.setDaemon(true);
              return t;
            });
  }

  public List<Check> validate(GradingPack pack) {
    return start(pack).get();
  }

  /**
   * Queues the pack's gradings behind those already queued and returns at once; the supplier waits
   * for them and returns the pack's checks.
   */
  public Supplier<List<Check>> start(GradingPack pack) {
    List<String> sources = new ArrayList<>();
    sources.add(pack.reference());
    sources.add(pack.starter());
    pack.wrongVariants().forEach(v -> sources.add(v.source()));
    List<Future<GradingResult>> queued =
        sources.stream().map(s -> gradings.submit(() -> grade(pack, s))).toList();
    return () -> checks(pack, results(pack, queued));
  }

  @Override
  public void close() {
    gradings.shutdownNow();
  }

  private List<Check> checks(GradingPack pack, List<GradingResult> results) {
    List<Check> out = new ArrayList<>();
    GradingResult ref = results.get(0);
    out.add(
        new Check(
            pack.id(),
            "reference scores full marks",
            ref.verdict() == Verdict.OK
                    && failed(ref).isEmpty()
                    && ref.score() == pack.metadata().points()
                ? null
                : "scored "
                    + ref.score()
                    + " of "
                    + pack.metadata().points()
                    + " ("
                    + ref.verdict().label()
                    + "); failed: "
                    + failed(ref)
                    + messages(ref)));
    GradingResult starter = results.get(1);
    double hiddenPoints =
        starter.tests().stream().filter(TestResult::hidden).mapToDouble(TestResult::points).sum();
    out.add(
        new Check(
            pack.id(),
            "starter scores 0 on the hidden tests",
            starter.verdict() == Verdict.OK && hiddenPoints == 0
                ? null
                : "scored " + hiddenPoints + " hidden points (" + starter.verdict().label() + ")"));
    for (int i = 0; i < pack.wrongVariants().size(); i++) {
      KnownWrongVariant v = pack.wrongVariants().get(i);
      GradingResult r = results.get(2 + i);
      Set<String> expected = new TreeSet<>(v.caughtBy());
      Set<String> actual = failed(r);
      double lost =
          pack.plan(true).stream()
              .filter(t -> expected.contains(t.className() + "#" + t.methodName()))
              .mapToDouble(PlannedTest::points)
              .sum();
      boolean ok =
          r.verdict() == Verdict.OK
              && actual.equals(expected)
              && r.score() == pack.metadata().points() - lost;
      out.add(
          new Check(
              pack.id(),
              "wrong/" + v.name() + " is caught by " + expected,
              ok ? null : "failed " + actual + " (" + r.verdict().label() + ")"));
    }
    return out;
  }

  /** The results in the order of the sources. */
  private static List<GradingResult> results(GradingPack pack, List<Future<GradingResult>> queued) {
    try {
      List<GradingResult> out = new ArrayList<>();
      for (Future<GradingResult> f : queued) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("validation of " + pack.id() + " interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a grading of " + pack.id() + " failed", e.getCause());
    }
  }

  private GradingResult grade(GradingPack pack, String source) {
    return grader.grade(pack, source.getBytes(StandardCharsets.UTF_8), true);
  }

  /** What the failed tests said, for the pack's author: one line each. */
  private static String messages(GradingResult r) {
    return r.tests().stream()
        .filter(t -> !t.passed())
        .map(t -> "\n  " + shortName(t.id()) + ": " + t.message())
        .collect(Collectors.joining());
  }

  /** Class#method of every failed test. */
  public static Set<String> failed(GradingResult r) {
    return r.tests().stream()
        .filter(t -> !t.passed())
        .map(t -> shortName(t.id()))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  static String shortName(String uniqueId) {
    String cls = uniqueId.replaceAll(".*\\[class:([^\\]]+)].*", "$1");
    String method = uniqueId.replaceAll(".*\\[(?:method|test-template):([^(\\]]+)\\(.*", "$1");
    return cls + "#" + method;
  }
}

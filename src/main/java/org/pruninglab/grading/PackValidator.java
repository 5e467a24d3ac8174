package org.pruninglab.grading;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.pruninglab.exercise.GradingPack;
import org.pruninglab.exercise.KnownWrongVariant;
import org.pruninglab.exercise.PlannedTest;

/**
 * Checks a loaded pack through the real pipeline: the reference scores full marks on public and
 * hidden tests, the starter scores 0 on the hidden tests, and each known-wrong variant fails
 * exactly the tests named in its variant.json.
 */
public final class PackValidator {

  /** One check and what it found; {@code problem} is null when it held. */
  public record Check(String pack, String what, String problem) {
    public boolean ok() {
      return problem == null;
    }
  }

  private final Grader grader;

  public PackValidator(Grader grader) {
    this.grader = grader;
  }

  public List<Check> validate(GradingPack pack) {
    List<Check> out = new ArrayList<>();
    GradingResult ref = grade(pack, pack.reference());
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
                    + failed(ref)));
    GradingResult starter = grade(pack, pack.starter());
    double hiddenPoints =
        starter.tests().stream().filter(TestResult::hidden).mapToDouble(TestResult::points).sum();
    out.add(
        new Check(
            pack.id(),
            "starter scores 0 on the hidden tests",
            starter.verdict() == Verdict.OK && hiddenPoints == 0
                ? null
                : "scored " + hiddenPoints + " hidden points (" + starter.verdict().label() + ")"));
    for (KnownWrongVariant v : pack.wrongVariants()) {
      GradingResult r = grade(pack, v.source());
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

  private GradingResult grade(GradingPack pack, String source) {
    return grader.grade(pack, source.getBytes(StandardCharsets.UTF_8), true);
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

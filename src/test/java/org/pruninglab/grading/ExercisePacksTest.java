package org.pruninglab.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.pruninglab.exercise.ExercisePack;
import org.pruninglab.exercise.KnownWrongVariant;
import org.pruninglab.exercise.PlannedTest;

/**
 * Every exercise pack of the repository through the real pipeline (compiler, policy check,
 * bubblewrap sandbox, harness): the reference scores full marks on public and hidden tests, the
 * starter scores 0 on the hidden tests, and every known-wrong variant fails exactly the tests that
 * are meant to catch it — and passes all others.
 */
class ExercisePacksTest {

  @TestFactory
  Stream<DynamicNode> every_pack_grades_as_designed() throws IOException {
    List<String> ids;
    try (Stream<Path> dirs = Files.list(Path.of("exercises"))) {
      ids = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(ids).isNotEmpty();
    return ids.stream().map(id -> DynamicContainer.dynamicContainer(id, tests(id)));
  }

  private Stream<DynamicNode> tests(String id) {
    List<DynamicNode> nodes = new ArrayList<>();
    nodes.add(
        dynamicTest(
            "the reference scores full marks",
            () -> {
              ExercisePack pack = GradingFixture.get().pack(id);
              GradingResult r = grade(pack, pack.reference());
              assertThat(r.verdict()).isEqualTo(Verdict.OK);
              assertThat(failed(r)).as("failed tests of the reference").isEmpty();
              assertThat(r.score())
                  .isEqualTo(pack.maxPoints(true))
                  .isEqualTo(pack.metadata().points());
            }));
    nodes.add(
        dynamicTest(
            "the starter compiles and scores 0 on the hidden tests",
            () -> {
              ExercisePack pack = GradingFixture.get().pack(id);
              GradingResult r = grade(pack, pack.starter());
              assertThat(r.verdict()).isEqualTo(Verdict.OK);
              assertThat(
                      r.tests().stream()
                          .filter(TestResult::hidden)
                          .mapToDouble(TestResult::points)
                          .sum())
                  .isZero();
            }));
    ExercisePack pack = GradingFixture.get().pack(id);
    for (KnownWrongVariant v : pack.wrongVariants()) {
      nodes.add(
          dynamicTest(
              "wrong/" + v.name() + " loses exactly the points of " + v.caughtBy(),
              () -> {
                GradingResult r = grade(pack, v.source());
                assertThat(r.verdict()).isEqualTo(Verdict.OK);
                assertThat(failed(r)).as(v.why()).isEqualTo(new TreeSet<>(v.caughtBy()));
                double lost =
                    pack.plan(true).stream()
                        .filter(t -> v.caughtBy().contains(t.className() + "#" + t.methodName()))
                        .mapToDouble(PlannedTest::points)
                        .sum();
                assertThat(r.score()).isEqualTo(pack.metadata().points() - lost);
              }));
    }
    return nodes.stream();
  }

  private static GradingResult grade(ExercisePack pack, String source) {
    return GradingFixture.get().grader.grade(pack, source.getBytes(StandardCharsets.UTF_8), true);
  }

  private static Set<String> failed(GradingResult r) {
    return PackValidator.failed(r);
  }
}

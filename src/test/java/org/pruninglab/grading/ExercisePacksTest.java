package org.pruninglab.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;
import org.pruninglab.exercise.PlannedTest;
import org.pruninglab.exercise.Visibility;

/**
 * Every exercise pack of the repository through the real pipeline (compiler, policy check,
 * bubblewrap sandbox, harness), with the checks of the {@code validate} command, one test each: the
 * reference scores full marks with no failed test, the starter scores 0 on the hidden tests, and
 * every known-wrong variant fails exactly the tests that are meant to catch it — and passes all
 * others.
 */
@Needs(Need.SANDBOX)
class ExercisePacksTest {

  private static PackValidator validator;

  @Test
  void hidden_tests_are_shown_to_students_only_after_release_and_public_ones_always() {
    for (String id : List.of("kthvalue", "mask-fine-tune", "filter-pruning")) {
      List<PlannedTest> plan = GradingFixture.get().pack(id).plan(true);
      assertThat(plan)
          .as(id)
          .filteredOn(PlannedTest::hidden)
          .isNotEmpty()
          .allMatch(t -> t.visibility() == Visibility.AFTER_RELEASE);
      assertThat(plan)
          .as(id)
          .filteredOn(t -> !t.hidden())
          .isNotEmpty()
          .allMatch(t -> t.visibility() == Visibility.VISIBLE);
    }
  }

  @TestFactory
  Stream<DynamicNode> every_pack_grades_as_designed() throws IOException {
    List<String> ids;
    try (Stream<Path> dirs = Files.list(Path.of("exercises"))) {
      ids = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }
    // -Dtest.packs=a,b validates only those packs (while writing one); the build checks them all.
    String only = System.getProperty("test.packs", "");
    if (!only.isBlank()) {
      List<String> wanted = List.of(only.split(","));
      assertThat(ids).as("packs named by -Dtest.packs").containsAll(wanted);
      ids = wanted;
    }
    assertThat(ids).isNotEmpty();
    // Two gradings at a time, all packs in one queue: the same checks, in about two thirds of the
    // time on two cores. (-Dtest.packs.parallel=N to measure another number.)
    validator =
        new PackValidator(
            GradingFixture.get().grader, Integer.getInteger("test.packs.parallel", 2));
    // Every pack's gradings are queued now; each container waits for its own.
    Map<String, Supplier<List<PackValidator.Check>>> pending = new LinkedHashMap<>();
    for (String id : ids) {
      pending.put(id, validator.start(GradingFixture.get().pack(id)));
    }
    return ids.stream()
        .map(
            id ->
                DynamicContainer.dynamicContainer(
                    id,
                    Stream.of(id)
                        .flatMap(i -> pending.get(i).get().stream())
                        .map(
                            check ->
                                dynamicTest(
                                    check.what(),
                                    () -> assertThat(check.problem()).as(check.what()).isNull()))));
  }

  @AfterAll
  static void stopTheGradings() {
    if (validator != null) {
      validator.close();
    }
  }
}

package org.pruninglab.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;
import org.pruninglab.TestFiles;
import org.pruninglab.grading.GradingFixture;
import org.pruninglab.grading.GradingResult;
import org.pruninglab.grading.PackValidator;
import org.pruninglab.grading.RecordedPicture;
import org.pruninglab.grading.Verdict;
import org.pruninglab.grading.harness.ResultNames;
import org.pruninglab.labkit.fixtures.FixtureBuilders;

/**
 * The acceptance test of docs/pack-format.md: a new exercise written from that contract alone (in
 * {@code src/test/resources/contract-pack}: its own id, statement, starter, public and hidden tests
 * sharing a helper class, reference, one known-wrong variant, the {@code trained-mlp} fixture, one
 * metric and one picture) is offered by the catalog every feature asks, graded by the real sandbox
 * and drawn by the workspace's picture reader, with no change to the application's code.
 */
@Needs(Need.SANDBOX)
class NewPackFromTheContractTest {

  @TempDir Path dir;

  @Test
  void a_pack_written_from_the_contract_alone_is_offered_graded_and_drawn() throws IOException {
    Path exercises = dir.resolve("exercises");
    Path grader = dir.resolve("grader");
    TestFiles.copy(Path.of("src/test/resources/contract-pack/exercises"), exercises);
    TestFiles.copy(Path.of("src/test/resources/contract-pack/grader"), grader);
    GradingFixture f = GradingFixture.get();
    ExerciseCatalog catalog =
        new ExerciseCatalog(exercises, grader, dir.resolve("work"), f.compiler);

    // Offered: the catalog lists it, with what the pages show.
    assertThat(catalog.reload()).isEmpty();
    Exercise exercise = catalog.find("threshold").orElseThrow();
    assertThat(exercise.title()).isEqualTo("Pruning below a threshold");
    assertThat(exercise.statement()).contains("magnitude");
    assertThat(exercise.metadata().fixtures()).containsExactly(FixtureBuilders.TRAINED_MLP);
    assertThat(exercise.plan(false)).hasSize(1);
    assertThat(exercise.plan(true))
        .extracting(PlannedTest::displayName)
        .containsExactly(
            "prune: positive weights below 0.1 become 0",
            "prune: negative weights are pruned by their magnitude",
            "prune: the trained MLP's first layer at a threshold of 0.02");
    assertThat(exercise.maxPoints(true)).isEqualTo(4);
    GradingPack pack = catalog.gradingPack("threshold").orElseThrow();
    assertThat(pack.supportSources()).containsOnlyKeys("lab/Zeros.java");
    assertThat(pack.practiceClasses()).containsKey("lab/Zeros.class");

    // Graded: a practice run has the public test and the shared helper, and no hidden test.
    GradingResult practice = f.grader.grade(pack, bytes(pack.reference()), false);
    assertThat(practice.verdict()).isEqualTo(Verdict.OK);
    assertThat(practice.tests()).hasSize(1);
    assertThat(practice.score()).isEqualTo(1);

    // The reference scores full marks, with the metric and the picture its tests record.
    GradingResult reference = f.grader.grade(pack, bytes(pack.reference()), true);
    assertThat(reference.verdict()).as(reference.summary()).isEqualTo(Verdict.OK);
    assertThat(PackValidator.failed(reference)).isEmpty();
    assertThat(reference.score()).isEqualTo(4);
    assertThat(((Number) reference.metrics().get(ResultNames.SPARSITY)).doubleValue())
        .isBetween(0.01, 0.99);
    assertThat(((Number) reference.metrics().get(ResultNames.ACCURACY_DENSE)).doubleValue())
        .isBetween(0.3, 1.0);

    // Drawn: the one picture codec turns the recorded histograms back into pictures.
    Map<String, RecordedPicture> pictures =
        reference.pictures().stream().collect(Collectors.toMap(RecordedPicture::name, p -> p));
    assertThat(pictures)
        .containsKeys(ResultNames.before("fc1.weight"), ResultNames.after("fc1.weight"));
    var before = pictures.get(ResultNames.before("fc1.weight")).histogram();
    var after = pictures.get(ResultNames.after("fc1.weight")).histogram();
    assertThat(before).isPresent();
    assertThat(after).isPresent();
    assertThat(after.get().zeros()).isGreaterThan(before.get().zeros());

    // The declared fixture was built for it, by the trusted side.
    assertThat(
            FixtureBuilders.find(FixtureBuilders.TRAINED_MLP)
                .orElseThrow()
                .builtIn(f.classpath.fixtures()))
        .isTrue();

    // The known-wrong variant loses exactly the test its variant.json names.
    KnownWrongVariant signed = pack.wrongVariants().get(0);
    GradingResult wrong = f.grader.grade(pack, bytes(signed.source()), true);
    assertThat(wrong.verdict()).isEqualTo(Verdict.OK);
    assertThat(PackValidator.failed(wrong))
        .containsExactly("lab.ThresholdPruningHiddenTest#negative_weights");
    assertThat(wrong.score()).isEqualTo(2);

    // The starter earns nothing on the hidden tests.
    GradingResult starter = f.grader.grade(pack, bytes(pack.starter()), true);
    assertThat(starter.score()).isZero();
  }

  private static byte[] bytes(String source) {
    return source.getBytes(StandardCharsets.UTF_8);
  }
}

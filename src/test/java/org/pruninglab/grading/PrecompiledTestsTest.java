package org.pruninglab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;
import org.pruninglab.exercise.GradingPack;
import org.pruninglab.exercise.KnownWrongVariant;

/**
 * Tests compiled once, when the pack loads, against the reference: reused exactly when they would
 * compile the same, and never with the hidden ones in a practice run.
 */
@Needs(Need.SANDBOX)
class PrecompiledTestsTest {

  @TempDir Path dir;

  @Test
  void submissions_with_the_references_api_reuse_the_tests_and_practice_runs_get_no_hidden_ones() {
    GradingPack pack = GradingFixture.get().pack("kthvalue");
    assertThat(pack.hiddenClasses().keySet()).contains("lab/KthvaluePruningHiddenTest.class");
    assertThat(pack.practiceClasses().keySet())
        .contains("lab/KthvaluePruningPublicTest.class")
        .noneMatch(name -> name.contains("Hidden"));

    pack.writeTestClasses(dir.resolve("practice"), false);
    pack.writeTestClasses(dir.resolve("graded"), true);
    assertThat(dir.resolve("practice/lab/KthvaluePruningPublicTest.class")).exists();
    assertThat(dir.resolve("practice/lab/KthvaluePruningHiddenTest.class")).doesNotExist();
    assertThat(dir.resolve("graded/lab/KthvaluePruningHiddenTest.class")).exists();

    assertThat(api(pack, pack.reference(), "reference")).isEqualTo(pack.referenceApi());
    for (KnownWrongVariant v : pack.wrongVariants()) {
      assertThat(api(pack, v.source(), v.name())).as(v.name()).isEqualTo(pack.referenceApi());
    }
    String extra =
        pack.reference().replaceFirst("\\}\\s*$", "  public static int extra() { return 1; }\n}\n");
    assertThat(api(pack, extra, "extra")).isNotEqualTo(pack.referenceApi());
  }

  @Test
  void the_precompiled_classes_are_what_javac_makes_of_the_tests_against_the_reference()
      throws Exception {
    GradingFixture f = GradingFixture.get();
    GradingPack pack = f.pack("kthvalue");
    Path reference = dir.resolve("reference");
    f.compiler.compile(
        Map.of(pack.metadata().sourcePath(), pack.reference()), List.of(), reference);
    Path tests = dir.resolve("tests");
    assertThat(f.compiler.compile(pack.testSources(true), List.of(reference), tests).succeeded())
        .isTrue();
    for (var e : pack.hiddenClasses().entrySet()) {
      assertThat(Files.readAllBytes(tests.resolve(e.getKey())))
          .as(e.getKey())
          .isEqualTo(e.getValue());
    }
    for (var e : pack.practiceClasses().entrySet()) {
      assertThat(Files.readAllBytes(tests.resolve(e.getKey())))
          .as(e.getKey())
          .isEqualTo(e.getValue());
    }
  }

  @Test
  void a_submission_with_another_api_gets_its_tests_compiled_against_it() {
    GradingFixture f = GradingFixture.get();
    GradingPack pack = f.pack("kthvalue");
    // kthSmallest takes longs: the tests' calls with ints compile against it as they stand, but the
    // test classes compiled against the reference call (int, int) and would fail on this one.
    String signature = "public static float kthSmallest(float[] values, int n, int k) {";
    assertThat(pack.reference()).contains(signature);
    String widened =
        pack.reference()
            .replace(
                signature,
                "public static float kthSmallest(float[] values, long n, long k) {\n"
                    + "    return kthSmallestOfInts(values, (int) n, (int) k);\n"
                    + "  }\n\n"
                    + "  private static float kthSmallestOfInts(float[] values, int n, int k) {");
    assertThat(api(pack, widened, "widened")).isNotEqualTo(api(pack, pack.reference(), "ref"));

    GradingResult result = f.grader.grade(pack, widened.getBytes(StandardCharsets.UTF_8), false);
    assertThat(result.verdict()).as(result.summary()).isEqualTo(Verdict.OK);
    assertThat(result.score()).isEqualTo(pack.maxPoints(false));
  }

  private String api(GradingPack pack, String source, String name) {
    return GradingFixture.get()
        .compiler
        .compile(Map.of(pack.metadata().sourcePath(), source), List.of(), dir.resolve(name), true)
        .api();
  }
}

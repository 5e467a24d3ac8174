package org.pruninglab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;
import org.pruninglab.exercise.ExercisePack;
import org.pruninglab.exercise.KnownWrongVariant;

/** Tests compiled once against the reference: reused exactly when they would compile the same. */
@Needs(Need.SANDBOX)
class PrecompiledTestsTest {

  @TempDir Path dir;

  @Test
  void submissions_with_the_references_api_reuse_the_tests_and_practice_runs_get_no_hidden_ones() {
    GradingFixture f = GradingFixture.get();
    ExercisePack pack = f.pack("kthvalue");
    PrecompiledTests precompiled = new PrecompiledTests(f.compiler, dir.resolve("scratch"));
    Map<String, String> all = new LinkedHashMap<>(pack.publicTests());
    all.putAll(pack.hiddenTests());

    PrecompiledTests.Compiled hidden = precompiled.of(pack, all, true);
    PrecompiledTests.Compiled practice = precompiled.of(pack, pack.publicTests(), false);
    assertThat(hidden).isNotNull();
    assertThat(precompiled.of(pack, all, true)).as("kept, not compiled again").isSameAs(hidden);
    assertThat(hidden.classes().keySet())
        .contains("lab/KthvaluePruningHiddenTest.class", "lab/KthvaluePruningPublicTest.class");
    assertThat(practice.classes().keySet())
        .contains("lab/KthvaluePruningPublicTest.class")
        .noneMatch(name -> name.contains("Hidden"));

    for (KnownWrongVariant v : pack.wrongVariants()) {
      assertThat(api(pack, v.source(), v.name())).as(v.name()).isEqualTo(hidden.api());
    }
    String extra =
        pack.reference().replaceFirst("\\}\\s*$", "  public static int extra() { return 1; }\n}\n");
    assertThat(api(pack, extra, "extra")).isNotEqualTo(hidden.api());
  }

  @Test
  void a_submission_with_another_api_gets_its_tests_compiled_against_it() {
    GradingFixture f = GradingFixture.get();
    ExercisePack pack = f.pack("kthvalue");
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

  private String api(ExercisePack pack, String source, String name) {
    return GradingFixture.get()
        .compiler
        .compile(Map.of(pack.metadata().sourcePath(), source), List.of(), dir.resolve(name), true)
        .api();
  }
}

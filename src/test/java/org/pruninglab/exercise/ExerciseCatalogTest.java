package org.pruninglab.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;
import org.pruninglab.TestFiles;
import org.pruninglab.grading.GradingFixture;

/**
 * The catalog: broken packs are kept out with a reason an instructor can act on; the others stay.
 */
@Needs(Need.SANDBOX)
class ExerciseCatalogTest {

  @TempDir Path dir;

  @Test
  void a_pack_that_breaks_is_withdrawn_with_its_reason_and_comes_back_when_fixed()
      throws IOException {
    Path exercises = dir.resolve("exercises");
    Path grader = dir.resolve("grader");
    TestFiles.copy(Path.of("exercises/kthvalue"), exercises.resolve("kthvalue"));
    TestFiles.copy(Path.of("grader/kthvalue"), grader.resolve("kthvalue"));
    TestFiles.copy(Path.of("exercises/kthvalue"), exercises.resolve("second"));
    TestFiles.copy(Path.of("grader/kthvalue"), grader.resolve("second"));
    Path meta = exercises.resolve("second/exercise.json");
    Files.writeString(meta, Files.readString(meta).replace("\"kthvalue\"", "\"second\""));
    ExerciseCatalog catalog = catalog(exercises, grader);

    assertThat(catalog.reload()).isEmpty();
    assertThat(ids(catalog)).containsExactly("kthvalue", "second");

    Files.writeString(meta, "{ \"id\": \"second\", ");
    assertThat(catalog.reload()).containsOnlyKeys("second");
    assertThat(catalog.problems().get("second")).startsWith("exercise.json is not valid: ");
    assertThat(ids(catalog)).containsExactly("kthvalue");
    assertThat(catalog.find("second")).isEmpty();

    TestFiles.copy(Path.of("exercises/kthvalue/exercise.json"), meta);
    Files.writeString(
        meta,
        Files.readString(meta)
            .replace("\"kthvalue\"", "\"second\"")
            .replace("\"points\": 26", "\"points\": 27"));
    assertThat(catalog.reload())
        .containsEntry("second", "the tests' points add up to 26 but exercise.json says 27");

    // What an exercise teaches is one line that the exercises page shows in full.
    String fitting = Files.readString(meta);
    Files.writeString(
        meta,
        fitting
            .replace("\"points\": 27", "\"points\": 26")
            .replaceFirst("\"teaches\": \"[^\"]*\"", "\"teaches\": \"" + "x".repeat(121) + "\""));
    assertThat(catalog.reload())
        .containsEntry(
            "second", "exercise.json: teaches is one line of at most 120 characters (it has 121)");
    Files.writeString(meta, fitting);

    Path hidden = grader.resolve("second/tests/KthvaluePruningHiddenTest.java");
    Files.writeString(meta, Files.readString(meta).replace("\"points\": 27", "\"points\": 26"));
    Files.writeString(
        hidden,
        Files.readString(hidden)
            .replace(
                "class KthvaluePruningHiddenTest",
                "class KthvaluePruningHiddenTest extends Missing"));
    assertThat(catalog.reload().get("second"))
        .startsWith("the hidden tests do not compile: ")
        .contains("cannot find symbol");

    TestFiles.copy(Path.of("grader/kthvalue/tests/KthvaluePruningHiddenTest.java"), hidden);
    assertThat(catalog.reload()).isEmpty();
    assertThat(ids(catalog)).containsExactly("kthvalue", "second");
  }

  @Test
  void the_catalog_lists_exercises_in_course_order_and_finds_them_by_id() throws IOException {
    Path exercises = dir.resolve("exercises");
    Path grader = dir.resolve("grader");
    for (String id : new String[] {"kthvalue", "mask-fine-tune", "filter-pruning"}) {
      TestFiles.copy(Path.of("exercises", id), exercises.resolve(id));
      TestFiles.copy(Path.of("grader", id), grader.resolve(id));
    }
    ExerciseCatalog catalog = catalog(exercises, grader);

    assertThat(catalog.reload()).isEmpty();
    assertThat(ids(catalog)).containsExactly("kthvalue", "mask-fine-tune", "filter-pruning");
    Exercise kthvalue = catalog.find("kthvalue").orElseThrow();
    assertThat(kthvalue.points()).isEqualTo(26);
    assertThat(kthvalue.hiddenTestCount()).isPositive();
    assertThat(catalog.find("nope")).isEmpty();
    GradingPack pack = catalog.gradingPack("kthvalue").orElseThrow();
    assertThat(pack.exercise()).isSameAs(kthvalue);
    assertThat(pack.hiddenTests()).containsKey("lab/KthvaluePruningHiddenTest.java");
  }

  @Test
  void a_test_without_a_display_name_or_an_unknown_fixture_keeps_the_pack_out() throws IOException {
    Path exercises = dir.resolve("exercises");
    Path grader = dir.resolve("grader");
    TestFiles.copy(Path.of("exercises/kthvalue"), exercises.resolve("kthvalue"));
    TestFiles.copy(Path.of("grader/kthvalue"), grader.resolve("kthvalue"));
    ExerciseCatalog catalog = catalog(exercises, grader);
    Path publicTest = exercises.resolve("kthvalue/tests/KthvaluePruningPublicTest.java");
    String original = Files.readString(publicTest);
    String withoutNames = original.replaceAll("(?m)^\\s*@DisplayName\\(.*\\)\\s*$", "");
    assertThat(withoutNames).isNotEqualTo(original);
    Files.writeString(publicTest, withoutNames);

    assertThat(catalog.reload().get("kthvalue")).contains("needs a @DisplayName");

    Files.writeString(publicTest, original);
    Path meta = exercises.resolve("kthvalue/exercise.json");
    Files.writeString(
        meta, Files.readString(meta).replace("\"fixtures\": [", "\"fixtures\": [\"dragon\", "));
    assertThat(catalog.reload().get("kthvalue"))
        .contains("there is no fixture 'dragon'")
        .contains("trained-cnn");
  }

  @Test
  void the_content_hash_changes_with_any_file_of_the_pack_and_only_then() throws IOException {
    Path exercises = dir.resolve("exercises");
    Path grader = dir.resolve("grader");
    TestFiles.copy(Path.of("exercises/kthvalue"), exercises.resolve("kthvalue"));
    TestFiles.copy(Path.of("grader/kthvalue"), grader.resolve("kthvalue"));
    ExerciseCatalog catalog = catalog(exercises, grader);
    catalog.reload();
    String first = catalog.gradingPack("kthvalue").orElseThrow().contentHash();
    assertThat(first).matches("[0-9a-f]{64}");

    catalog.reload();
    assertThat(catalog.gradingPack("kthvalue").orElseThrow().contentHash()).isEqualTo(first);

    Path variant = grader.resolve("kthvalue/wrong/exactly-k/variant.json");
    Files.writeString(variant, Files.readString(variant) + "\n");
    catalog.reload();
    String second = catalog.gradingPack("kthvalue").orElseThrow().contentHash();
    assertThat(second).isNotEqualTo(first);
    assertThat(catalog.find("kthvalue").orElseThrow().contentHash()).isEqualTo(second);
  }

  private ExerciseCatalog catalog(Path exercises, Path grader) {
    return new ExerciseCatalog(
        exercises, grader, dir.resolve("work"), GradingFixture.get().compiler);
  }

  private static List<String> ids(ExerciseCatalog catalog) {
    return catalog.all().stream().map(Exercise::id).toList();
  }
}

package org.pruninglab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pruninglab.Environment;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;
import org.pruninglab.TestFiles;

/** Broken packs are kept out with a reason an instructor can act on; the others stay. */
@Needs(Need.SANDBOX)
class PackCatalogTest {

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
    GradingFixture f = GradingFixture.get();
    GradingConfig config =
        new GradingConfig(
            exercises,
            grader,
            dir.resolve("work"),
            Environment.BWRAP,
            2,
            false,
            Environment.FASHION_MNIST,
            f.classpath.folder());
    PackCatalog catalog = new PackCatalog(config, f.compiler);

    assertThat(catalog.reload()).isEmpty();
    assertThat(catalog.packs()).containsOnlyKeys("kthvalue", "second");

    Files.writeString(meta, "{ \"id\": \"second\", ");
    assertThat(catalog.reload()).containsOnlyKeys("second");
    assertThat(catalog.problems().get("second")).startsWith("exercise.json is not valid: ");
    assertThat(catalog.packs()).containsOnlyKeys("kthvalue");

    TestFiles.copy(Path.of("exercises/kthvalue/exercise.json"), meta);
    Files.writeString(
        meta,
        Files.readString(meta)
            .replace("\"kthvalue\"", "\"second\"")
            .replace("\"points\": 26", "\"points\": 27"));
    assertThat(catalog.reload())
        .containsEntry("second", "the tests' points add up to 26 but exercise.json says 27");

    Path hidden = grader.resolve("second/tests/KthvaluePruningHiddenTest.java");
    Files.writeString(meta, Files.readString(meta).replace("\"points\": 27", "\"points\": 26"));
    Files.writeString(
        hidden,
        Files.readString(hidden)
            .replace(
                "class KthvaluePruningHiddenTest",
                "class KthvaluePruningHiddenTest extends Missing"));
    assertThat(catalog.reload().get("second"))
        .startsWith("the tests does not compile: ")
        .contains("cannot find symbol");

    TestFiles.copy(Path.of("grader/kthvalue/tests/KthvaluePruningHiddenTest.java"), hidden);
    assertThat(catalog.reload()).isEmpty();
    assertThat(catalog.packs()).containsOnlyKeys("kthvalue", "second");
  }
}

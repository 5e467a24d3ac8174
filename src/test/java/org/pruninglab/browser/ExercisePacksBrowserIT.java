package org.pruninglab.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;
import org.pruninglab.TestFiles;

/**
 * An instructor sees which packs are offered and why a broken one is not; fixing the pack and
 * reading the packs again brings it back. Students cannot open the page.
 */
@Needs(Need.CHROMIUM)
@LabServers.Shared(ExercisePacksBrowserIT.OneBrokenPack.class)
class ExercisePacksBrowserIT {

  private static final Path PACKS = LabServers.folder(OneBrokenPack.class).resolve("packs");

  private static LabServer server;
  private static Chromium chromium;

  /**
   * kthvalue and a copy of it whose points do not add up, read once an hour, in unsafe local mode
   * (also to show that it is announced on every page).
   */
  static final class OneBrokenPack implements LabServers.Family {
    @Override
    public LabServer start(Path folder) throws IOException {
      Path packs = folder.resolve("packs");
      TestFiles.copyPack("kthvalue", packs, "kthvalue");
      TestFiles.copyPack("kthvalue", packs, "broken");
      Path meta = packs.resolve("exercises/broken/exercise.json");
      Files.writeString(meta, Files.readString(meta).replace("\"points\": 26", "\"points\": 30"));
      return LabServer.start(
          folder.resolve("data"),
          "--lab.grading.exercises-dir=" + packs.resolve("exercises"),
          "--lab.grading.grader-dir=" + packs.resolve("grader"),
          "--lab.grading.pack-check-interval=1h",
          "--lab.grading.unsafe-local=true");
    }
  }

  @Test
  void the_instructor_sees_the_broken_pack_with_its_reason_and_brings_it_back() throws IOException {
    Page page = chromium.newPage();
    Chromium.signInAndWait(page, server, "instructor", "demo-instructor");
    page.navigate(server.url("/packs"));
    page.locator("#packs-grid").waitFor();

    assertThat(page.locator("#packs-summary").textContent()).startsWith("1 offered, 1 not offered");
    assertThat(page.locator("#unsafe-local").textContent())
        .isEqualTo("Unsafe local mode: submissions run without a sandbox");
    String grid = page.locator("#packs-grid").innerText();
    assertThat(grid)
        .contains(
            "kthvalue",
            "Magnitude pruning with a kthvalue threshold",
            "Offered",
            "18 tests, 9 known-wrong variants");
    assertThat(grid)
        .contains("Not offered: the tests' points add up to 26 but exercise.json" + " says 30");
    // The tests' version, as the review page shows it beside each result.
    assertThat(grid).containsPattern("\\b[0-9a-f]{12}\\b");
    Chromium.screenshot(page, "exercise-packs-broken");

    Path meta = PACKS.resolve("exercises/broken/exercise.json");
    Files.writeString(meta, Files.readString(meta).replace("\"points\": 30", "\"points\": 26"));
    page.locator("#reload-packs").click();
    page.waitForCondition(
        () -> page.locator("#packs-summary").textContent().startsWith("2 offered, 0 not offered"));
  }

  @Test
  void a_student_is_refused_the_page() {
    Page page = chromium.newPage();
    Chromium.signInAndWait(page, server, "alice", "demo-student");
    page.navigate(server.url("/packs"));
    page.waitForCondition(() -> page.content().contains("Access denied"));
    assertThat(page.locator("#packs-grid").count()).isZero();
  }
}

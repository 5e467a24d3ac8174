package org.pruninglab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pruninglab.Environment;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;
import org.pruninglab.exercise.GradingPack;

/** The class-data archive that sandbox JVMs map: made, mapped, and never in the way. */
@Needs(Need.SANDBOX)
class SandboxArchiveTest {

  @Test
  void it_is_made_once_for_the_class_path_and_sandbox_jvms_map_it() throws Exception {
    GradingFixture f = GradingFixture.get();
    assertThat(f.archive).as("bubblewrap works here, so the archive must be made").isNotNull();
    assertThat(f.archive.getParent()).isEqualTo(f.classpath.folder().resolve("cds"));
    assertThat(f.archive.getFileName().toString())
        .isEqualTo("sandbox-" + SandboxArchive.key(f.classpath) + ".jsa");
    long modified = Files.getLastModifiedTime(f.archive).toMillis();
    SandboxSettings settings =
        SandboxSettings.forThisHost(Environment.BWRAP, 2, Environment.FASHION_MNIST, false);
    assertThat(SandboxPreparation.prepareArchive(settings, f.classpath)).isEqualTo(f.archive);
    assertThat(Files.getLastModifiedTime(f.archive).toMillis()).isEqualTo(modified);

    // -Xshare:on fails unless the archive maps inside the sandbox, as the sandbox user.
    Process check =
        new ProcessBuilder(new Sandbox(settings, f.classpath, f.archive).archiveCheckCommand())
            .redirectErrorStream(true)
            .start();
    String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor()).as(out).isZero();
    assertThat(out).contains("sharing");

    List<String> command = f.sandbox.command(Path.of("/job"), Limits.defaults());
    assertThat(command)
        .contains("-XX:SharedArchiveFile=" + Sandbox.ARCHIVE_IN_SANDBOX)
        .containsSubsequence("--ro-bind-try", f.archive.toString(), Sandbox.ARCHIVE_IN_SANDBOX);
    String cp = command.get(command.indexOf("-cp") + 1);
    assertThat(cp)
        .as("the archived jars first, the student's classes last")
        .startsWith("/sandbox/cp/")
        .endsWith(":/sandbox/job/tests:/sandbox/job/student");
  }

  @Test
  void an_unusable_or_removed_archive_only_costs_speed(@TempDir Path dir) throws Exception {
    GradingFixture f = GradingFixture.get();
    Path broken = dir.resolve("broken.jsa");
    Files.write(broken, new byte[4096]);
    broken.toFile().setReadable(true, false);
    dir.toFile().setExecutable(true, false);
    // Removed: a newer build on the same host replaced it while this one still grades.
    Path removed = dir.resolve("removed.jsa");
    SandboxSettings settings =
        SandboxSettings.forThisHost(Environment.BWRAP, 2, Environment.FASHION_MNIST, false);
    GradingPack pack = f.pack("kthvalue");
    for (Path archive : List.of(broken, removed)) {
      Grader grader =
          new Grader(
              f.compiler,
              new Sandbox(settings, f.classpath, archive),
              Path.of("target", "grading", "jobs").toAbsolutePath());
      GradingResult result =
          grader.grade(pack, pack.reference().getBytes(StandardCharsets.UTF_8), false);
      assertThat(result.verdict()).as(archive.toString()).isEqualTo(Verdict.OK);
      assertThat(result.score()).isEqualTo(pack.maxPoints(false));
    }
  }

  @Test
  void unsafe_local_mode_has_none() {
    GradingFixture f = GradingFixture.get();
    SandboxSettings unsafe =
        SandboxSettings.forThisHost(Environment.BWRAP, 2, Environment.FASHION_MNIST, true);
    assertThat(SandboxPreparation.prepareArchive(unsafe, f.classpath)).isNull();
    assertThat(
            new Sandbox(unsafe, f.classpath, f.archive).command(Path.of("/job"), Limits.defaults()))
        .noneMatch(a -> a.contains("SharedArchiveFile"));
  }
}

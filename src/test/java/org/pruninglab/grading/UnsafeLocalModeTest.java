package org.pruninglab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.pruninglab.Environment;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;
import org.pruninglab.exercise.GradingPack;

/** Without bubblewrap (unsafe local mode) the same harness, protocol and plan grade alike. */
@Needs(Need.SANDBOX)
class UnsafeLocalModeTest {

  @Test
  void the_reference_scores_full_marks_and_the_starter_nothing() {
    GradingFixture f = GradingFixture.get();
    SandboxSettings unsafe =
        SandboxSettings.forThisHost(Environment.BWRAP, 2, Environment.FASHION_MNIST, true);
    Grader grader =
        new Grader(
            f.compiler,
            new Sandbox(unsafe, f.classpath),
            Path.of("target", "grading", "jobs").toAbsolutePath());
    GradingPack pack = f.pack("kthvalue");

    assertThat(new Sandbox(unsafe, f.classpath).command(Path.of("/job"), Limits.defaults()))
        .doesNotContain("bwrap", "setpriv");
    GradingResult ref = grader.grade(pack, pack.reference().getBytes(StandardCharsets.UTF_8), true);
    assertThat(ref.verdict()).isEqualTo(Verdict.OK);
    assertThat(ref.score()).isEqualTo(26.0);
    GradingResult starter =
        grader.grade(pack, pack.starter().getBytes(StandardCharsets.UTF_8), true);
    assertThat(starter.score()).isZero();
  }
}

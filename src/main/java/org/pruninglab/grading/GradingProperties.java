package org.pruninglab.grading;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Grading settings under {@code lab.grading.*} (the README's table documents them).
 *
 * @param exercisesDir the students' side of the packs
 * @param graderDir the hidden side of the packs
 * @param bwrap the bubblewrap executable
 * @param threads CPU threads per sandbox JVM
 * @param workers grading jobs this node runs at once
 * @param maxQueuedPerStudent submissions of one student that may wait or run at once
 * @param unsafeLocal grade without bubblewrap; for a single-user machine only, shown on every page
 */
@ConfigurationProperties("lab.grading")
public record GradingProperties(
    @DefaultValue("exercises") Path exercisesDir,
    @DefaultValue("grader") Path graderDir,
    @DefaultValue("bwrap") String bwrap,
    @DefaultValue("2") int threads,
    @DefaultValue("1") int workers,
    @DefaultValue("3") int maxQueuedPerStudent,
    @DefaultValue("false") boolean unsafeLocal,
    Path sandboxDir) {

  public GradingProperties {
    if (threads < 1 || workers < 1 || maxQueuedPerStudent < 1) {
      throw new IllegalArgumentException(
          "lab.grading.threads, workers and max-queued-per-student must be at least 1");
    }
  }

  GradingConfig toConfig(Path dataDir, Path fashionMnistDir) {
    return new GradingConfig(
        exercisesDir.toAbsolutePath(),
        graderDir.toAbsolutePath(),
        dataDir.resolve("grading").toAbsolutePath(),
        bwrap,
        threads,
        unsafeLocal,
        fashionMnistDir,
        (sandboxDir != null ? sandboxDir : dataDir.resolve("grading/sandbox")).toAbsolutePath());
  }
}

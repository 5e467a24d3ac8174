package org.pruninglab.grading;

import java.nio.file.Path;

/**
 * Where packs live and how sandboxes start; built from {@code lab.grading.*} in the app and from
 * system properties of the same names in the command-line tools.
 *
 * @param exercisesDir the students' side of the packs
 * @param graderDir the hidden side of the packs
 * @param workDir compiled packs, the sandbox class path and job folders
 * @param bwrap the bubblewrap executable
 * @param threads CPU threads per sandbox
 * @param unsafeLocal grade without bubblewrap (a single-user machine only; shown prominently)
 * @param fashionMnistDir the data set, bound read-only into sandboxes
 * @param sandboxDir the sandbox class path and engine cache (shareable between data directories)
 */
public record EngineSettings(
    Path exercisesDir,
    Path graderDir,
    Path workDir,
    String bwrap,
    int threads,
    boolean unsafeLocal,
    Path fashionMnistDir,
    Path sandboxDir) {

  /** From system properties, as the commands read them (defaults: the working directory). */
  public static EngineSettings fromSystemProperties() {
    Path data = Path.of(System.getProperty("lab.data-dir", "data"));
    return new EngineSettings(
        Path.of(System.getProperty("lab.grading.exercises-dir", "exercises")).toAbsolutePath(),
        Path.of(System.getProperty("lab.grading.grader-dir", "grader")).toAbsolutePath(),
        data.resolve("grading").toAbsolutePath(),
        System.getProperty("lab.grading.bwrap", "bwrap"),
        Integer.getInteger("lab.grading.threads", 2),
        Boolean.getBoolean("lab.grading.unsafe-local"),
        Path.of(
            System.getProperty("lab.data.fashion-mnist-dir", "/usr/share/datasets/fashion-mnist")),
        Path.of(
                System.getProperty(
                    "lab.grading.sandbox-dir", data.resolve("grading/sandbox").toString()))
            .toAbsolutePath());
  }
}

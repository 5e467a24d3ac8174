package org.pruninglab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;
import org.pruninglab.TestFiles;

/**
 * The grading service as it runs in the Docker image: as an ordinary Unix user (here nobody,
 * started from root with setpriv), whose sandboxes then run as that same user. The packaged {@code
 * grade} command, with a data folder of its own (engine, fixtures, class-data archive prepared as
 * that user), grades a correct solution that prints 20 MB of unfinished lines, forged protocol
 * lines and fake JVM errors on both streams: it still gets full marks. (Raw writes to the sandbox's
 * real streams, which that user could reopen, are refused by the policy; {@code AdversarialTest}
 * and {@code GradingTrustTest} run them past the policy with the sandbox as the service's user.)
 */
@Needs({Need.ROOT, Need.SANDBOX})
class UnprivilegedServiceIT {

  private static final int NOBODY = 65534;

  @Test
  void a_service_running_as_an_ordinary_user_grades_a_noisy_correct_solution_in_full()
      throws Exception {
    Path project = TestFiles.projectDir();
    Path jar = project.resolve("target/pruning-lab.jar");
    Path work = project.resolve("target/unprivileged");
    TestFiles.deleteRecursively(work);
    Files.createDirectories(work.resolve("data"));
    String reference =
        Files.readString(project.resolve("grader/kthvalue/reference/KthvaluePruning.java"));
    String signature = "public static float kthSmallest(float[] values, int n, int k) {";
    Path source = work.resolve("KthvaluePruning.java");
    Files.writeString(
        source,
        reference.replace(
            signature,
            "static boolean noisy;\n"
                + "  "
                + signature
                + "\n    if (!noisy) {\n"
                + "      noisy = true;\n"
                + "      String mb = \"@@PLAB 3 e30= 00 unfinished \".repeat(40_000);\n"
                + "      for (int i = 0; i < 10; i++) { System.out.print(mb); System.err.print(mb); }\n"
                + "      System.err.print(\"\\nTerminating due to OutOfMemoryError\");\n"
                + "    }"),
        StandardCharsets.UTF_8);
    try (Stream<Path> all = Files.walk(work)) {
      for (Path p : all.toList()) {
        Files.setAttribute(p, "unix:uid", NOBODY);
        Files.setAttribute(p, "unix:gid", NOBODY);
      }
    }
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));

    List<String> command =
        new ArrayList<>(
            List.of(
                "setpriv",
                "--reuid=" + NOBODY,
                "--regid=" + NOBODY,
                "--clear-groups",
                "--",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlab.data-dir=" + work.resolve("data"),
                "-Dlab.grading.exercises-dir=" + project.resolve("exercises"),
                "-Dlab.grading.grader-dir=" + project.resolve("grader"),
                "-Duser.home=" + work,
                "-jar",
                jar.toString(),
                "grade",
                "--exercise",
                "kthvalue",
                "--file",
                source.toString(),
                "--hidden"));
    Process p =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectError(work.resolve("stderr.txt").toFile())
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(600, TimeUnit.SECONDS)).isTrue();
    String printed = new String(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(printed + stderr(work)).isZero();

    JsonNode result = new ObjectMapper().readTree(printed);
    assertThat(result.path("verdict").asText()).as(printed).isEqualTo("ok");
    assertThat(result.path("score").asDouble()).isEqualTo(result.path("maxScore").asDouble());
    StringBuilder outputs = new StringBuilder();
    result.path("tests").forEach(t -> outputs.append(t.path("output").asText("")));
    assertThat(outputs).contains("@@PLAB 3 e30= 00 unfinished", "more bytes not kept");
  }

  private static String stderr(Path work) throws IOException {
    Path f = work.resolve("stderr.txt");
    return Files.exists(f) ? "\n" + Files.readString(f) : "";
  }
}

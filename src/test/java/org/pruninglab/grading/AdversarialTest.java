package org.pruninglab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pruninglab.exercise.ExercisePack;

/**
 * Hostile submissions, one or more per attack class of threats.md (A forging, B reading, C
 * availability, D escaping). Each is graded twice: through the whole pipeline, where the policy
 * check should already refuse most of them with a plain message, and with the policy check switched
 * off, where the sandbox alone must contain them. An attack "wins" if it earns a point: its
 * kthSmallest is correct only when the attack worked. In both runs it must earn nothing, get the
 * expected verdict, leave no process and no job folder behind, and the service must grade the
 * reference correctly afterwards.
 */
class AdversarialTest {

  private static final GradingFixture F = GradingFixture.get();
  private static final ExercisePack PACK = F.pack("kthvalue");
  private static final Limits TIGHT = new Limits(15, 4, 256, 2048, 128, 2L << 20, 4L << 20);
  private static final Set<Verdict> CONTAINED = EnumSet.of(Verdict.OK);

  /** A hostile submission. {@code attack} is a method body returning true if the attack worked. */
  record Attack(
      String name,
      String imports,
      String attack,
      String policyMessage,
      Set<Verdict> sandboxVerdicts) {
    @Override
    public String toString() {
      return name;
    }

    String source() {
      return "package lab;\n\nimport ai.djl.ndarray.NDArray;\nimport java.util.Map;\n"
          + imports
          + "\n\npublic final class KthvaluePruning {\n"
          + "  static boolean attack() throws Exception {\n"
          + attack
          + "\n  }\n\n"
          + "  public static float kthSmallest(float[] values, int n, int k) {\n"
          + "    boolean won;\n"
          + "    try {\n      won = attack();\n    } catch (Exception e) {\n      won = false;\n"
          + "    }\n"
          + "    if (!won) {\n      throw new IllegalStateException(\"contained\");\n    }\n"
          + "    java.util.Arrays.sort(values, 0, n);\n    return values[k - 1];\n  }\n\n"
          + "  public static NDArray prune(NDArray weight, double sparsity) {\n"
          + "    throw new IllegalStateException(\"not attempted\");\n  }\n\n"
          + "  public static Map<String, NDArray> pruneGlobally(Map<String, NDArray> w, double s) {\n"
          + "    throw new IllegalStateException(\"not attempted\");\n  }\n}\n";
    }
  }

  static Stream<Attack> attacks() {
    String forged = "\"@@PLAB 0 eyJ0eXBlIjoicmVzdWx0In0= 00\"";
    return Stream.of(
        // A. Forging
        new Attack(
            "A1 prints forged protocol lines",
            "",
            "for (int i = 0; i < 100; i++) { System.out.println(" + forged + "); }\nreturn false;",
            "calls System.out",
            CONTAINED),
        new Attack(
            "A2 exits the JVM before the tests report",
            "",
            "System.exit(0);\nreturn true;",
            "calls System.exit",
            EnumSet.of(Verdict.CRASHED)),
        new Attack(
            "A3 halts the runtime",
            "",
            "Runtime.getRuntime().halt(0);\nreturn true;",
            "uses java.lang.Runtime",
            EnumSet.of(Verdict.CRASHED)),
        new Attack(
            "A4 shutdown hook rewrites results",
            "",
            "Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("
                + forged
                + ")));\nSystem.exit(0);\nreturn true;",
            "uses java.lang.Runtime",
            EnumSet.of(Verdict.CRASHED)),
        new Attack(
            "A5 steals the secret from standard input and the environment",
            "",
            // The environment holds only what the sandbox sets itself, nothing from the service.
            "byte[] b = new byte[64];\nint n = System.in.read(b);\n"
                + "return n > 0 || !java.util.Set.of(\"HOME\", \"LANG\", \"PWD\","
                + " \"OMP_WAIT_POLICY\", \"MALLOC_MMAP_THRESHOLD_\", \"MALLOC_TRIM_THRESHOLD_\","
                + " \"MALLOC_TOP_PAD_\").containsAll(System.getenv().keySet());",
            "calls System.in",
            CONTAINED),
        new Attack(
            "A6 reads the secret from /proc/self",
            "import java.nio.file.*;",
            "String env = new String(Files.readAllBytes(Paths.get(\"/proc/self/environ\")));\n"
                + "String fd0 = new String(Files.readAllBytes(Paths.get(\"/proc/self/fd/0\")));\n"
                + "return env.contains(\"DATA\") || fd0.length() > 10;",
            "uses java.nio.file",
            CONTAINED),
        new Attack(
            "A7 aborts instead of failing",
            "",
            "throw new org.opentest4j.TestAbortedException(\"skip me\");",
            "uses org.opentest4j.TestAbortedException",
            CONTAINED),
        new Attack(
            "A8 records its own pruning results",
            "",
            "org.pruninglab.grading.harness.PruningResults.record(\"sparsity\", 1.0);\nreturn false;",
            "uses org.pruninglab.grading.harness.PruningResults",
            CONTAINED),
        new Attack(
            "A9 reflects into the harness",
            "",
            "Class<?> c = Class.forName(\"org.pruninglab.grading.harness.HarnessMain\");\n"
                + "return c.getDeclaredFields().length >= 0;",
            "calls Class.forName",
            null),
        // B. Reading
        new Attack(
            "B1 reads the reference solution and the data directory",
            "import java.nio.file.*;",
            "return Files.exists(Paths.get(\"/work\")) || Files.exists(Paths.get(\"/root\"))"
                + " || Files.exists(Paths.get(\""
                + Path.of("grader").toAbsolutePath()
                + "\"))"
                + " || Files.exists(Paths.get(\"/etc/passwd\"));",
            "uses java.nio.file",
            CONTAINED),
        new Attack(
            "B2 connects to the host's database port",
            "import java.net.*;",
            "try (Socket s = new Socket()) {\n"
                + "  s.connect(new InetSocketAddress(\"127.0.0.1\", 5432), 1000);\n"
                + "  return true;\n}",
            "uses java.net",
            CONTAINED),
        new Attack(
            "B3 resolves a name and reaches the internet",
            "import java.net.*;",
            "return InetAddress.getByName(\"deb.debian.org\").getAddress().length > 0;",
            "uses java.net",
            CONTAINED),
        // C. Availability
        new Attack("C1 loops forever", "", "while (true) { Math.sqrt(2.0); }", null, CONTAINED),
        new Attack(
            "C2 fills the heap",
            "",
            "java.util.List<long[]> hog = new java.util.ArrayList<>();\n"
                + "while (true) { hog.add(new long[10_000_000]); }",
            null,
            EnumSet.of(Verdict.MEMORY_LIMIT)),
        new Attack(
            "C3 fills native memory with tensors",
            "",
            "ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager();\n"
                + "java.util.List<NDArray> hog = new java.util.ArrayList<>();\n"
                + "while (true) { hog.add(m.ones(new ai.djl.ndarray.types.Shape(1L << 27))); }",
            null,
            EnumSet.of(Verdict.OK, Verdict.MEMORY_LIMIT, Verdict.CRASHED)),
        new Attack(
            "C4 starts a thread bomb",
            "",
            "while (true) { Thread t = new Thread(() -> { while (true) { } });\n"
                + "t.setDaemon(true); t.start(); }",
            "uses java.lang.Thread",
            EnumSet.of(Verdict.MEMORY_LIMIT, Verdict.CRASHED, Verdict.OK, Verdict.TIME_LIMIT)),
        new Attack(
            "C5 floods standard output through the file descriptor",
            "import java.io.*;",
            "OutputStream o = new FileOutputStream(FileDescriptor.out);\n"
                + "byte[] line = new byte[1 << 16];\n"
                + "while (true) { o.write(line); }",
            "uses java.io",
            EnumSet.of(Verdict.OUTPUT_LIMIT)),
        new Attack(
            "C6 throws a giant message with a deep stack",
            "",
            "return deep(0);\n  }\n  static boolean deep(int d) {\n"
                + "    if (d > 2000) { throw new Error(\"x\".repeat(20_000_000)); }\n"
                + "    return deep(d + 1);",
            null,
            CONTAINED),
        new Attack(
            "C7 fills /tmp and leaves a file for the next job",
            "import java.nio.file.*;",
            "Path left = Paths.get(\"/tmp/left-by-an-earlier-job\");\n"
                + "if (Files.exists(left)) { return true; }\n"
                + "Files.write(left, new byte[1]);\n"
                + "Files.write(Paths.get(\"/tmp/big\"), new byte[64 << 20]);\n"
                + "return false;",
            "uses java.nio.file",
            CONTAINED),
        new Attack(
            "C8 a message that never finishes formatting",
            "",
            "throw new Error() {\n"
                + "  @Override public String getMessage() { while (true) { } }\n};",
            null,
            EnumSet.of(Verdict.TIME_LIMIT)),
        // D. Escaping
        new Attack(
            "D1 starts a background process",
            "",
            "new ProcessBuilder(\"/bin/sh\", \"-c\", \"sleep 4242 &\").start().waitFor();\n"
                + "return true;",
            "uses java.lang.ProcessBuilder",
            CONTAINED),
        new Attack(
            "D2 loads native code",
            "",
            "System.load(\"/usr/lib/x86_64-linux-gnu/libz.so.1\");\nreturn true;",
            "calls System.load",
            null),
        new Attack(
            "D3 plants a symbolic link in the job folder",
            "import java.nio.file.*;",
            "Files.createSymbolicLink(Paths.get(\"/sandbox/job/student/evil\"),"
                + " Paths.get(\"/etc/shadow\"));\nreturn true;",
            "uses java.nio.file",
            CONTAINED),
        new Attack(
            "D4 hides code from readers in a unicode escape",
            "",
            "// \\u000a System.exit(0);\nreturn false;",
            "calls System.exit",
            EnumSet.of(Verdict.CRASHED)),
        new Attack(
            "D5 uses sun.misc.Unsafe",
            "",
            "java.lang.reflect.Field f = sun.misc.Unsafe.class.getDeclaredField(\"theUnsafe\");\n"
                + "return f != null;",
            "uses sun.misc.Unsafe",
            null),
        new Attack(
            "D6 injects markup and terminal escapes into its report",
            "",
            "throw new Error(\"<script>alert(1)</script>\\u001b[2J\\r\\n" + "@@PLAB 0 x y\");",
            null,
            CONTAINED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void the_pipeline_refuses_or_contains_it(Attack attack) throws IOException {
    GradingResult r = F.grader.grade(PACK, bytes(attack), false, TIGHT);

    assertThat(r.score()).as("points earned").isZero();
    if (attack.policyMessage() != null) {
      assertThat(r.verdict()).isEqualTo(Verdict.POLICY_VIOLATION);
      assertThat(r.violations())
          .anySatisfy(
              v -> {
                assertThat(v.className()).isEqualTo("lab.KthvaluePruning");
                assertThat(v.message())
                    .contains(attack.policyMessage().replace("calls ", "").replace("uses ", ""));
                assertThat(v.line()).isPositive();
              });
    }
    assertNothingLeft();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void the_sandbox_alone_contains_it(Attack attack) throws IOException {
    if (attack.sandboxVerdicts() == null) {
      return; // Reflection, Unsafe, native code: refused by the policy check; see the README.
    }
    GradingResult r = F.unchecked.grade(PACK, bytes(attack), false, TIGHT);

    assertThat(r.score()).as("points earned").isZero();
    assertThat(r.verdict()).as(r.summary()).isIn(attack.sandboxVerdicts());
    assertThat(r.tests()).noneMatch(TestResult::passed);
    assertNothingLeft();
    if (attack.name().startsWith("D6")) {
      assertThat(r.tests().get(0).message()).contains("<script>alert(1)</script>\u001b[2J");
    }
  }

  @AfterAll
  static void the_service_still_grades_correctly() {
    GradingResult r = F.grader.grade(PACK, PACK.reference().getBytes(StandardCharsets.UTF_8), true);
    assertThat(r.verdict()).isEqualTo(Verdict.OK);
    assertThat(r.score()).isEqualTo(PACK.metadata().points());
  }

  private static byte[] bytes(Attack attack) {
    return attack.source().getBytes(StandardCharsets.UTF_8);
  }

  private static void assertNothingLeft() throws IOException {
    List<String> survivors =
        ProcessHandle.allProcesses()
            .map(p -> p.info().commandLine().orElse(""))
            .filter(
                c -> c.contains("HarnessMain") || c.contains("sleep 4242") || c.contains("bwrap"))
            .toList();
    assertThat(survivors).as("processes of the job").isEmpty();
    try (Stream<Path> jobs = Files.list(Path.of("target", "grading", "jobs"))) {
      assertThat(jobs.toList()).as("job folders").isEmpty();
    }
  }
}

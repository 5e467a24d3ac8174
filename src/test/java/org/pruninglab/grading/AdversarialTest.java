package org.pruninglab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;
import org.pruninglab.exercise.GradingPack;

/**
 * Hostile submissions, one or more per attack class of threats.md (A forging, B reading, C
 * availability, D escaping). Each is graded through the whole pipeline, where the policy check
 * should already refuse most of them with a plain message, and, where it does, a second time with
 * the policy check switched off, where the sandbox alone must contain them (one the policy lets
 * through meets the sandbox alone in the first run already). An attack "wins" if it earns a point:
 * its kthSmallest is correct only when the attack worked. In every run it must earn nothing, get
 * the expected verdict, leave no process and no job folder behind, and the service must grade the
 * reference correctly afterwards.
 *
 * <p>The cases run two at a time, each with a jobs folder of its own, as concurrent gradings run in
 * production: the process limit counts per sandbox (each has a user namespace of its own), so a
 * thread bomb does not starve the grading beside it.
 */
@Needs(Need.SANDBOX)
// The class runs in turn with the others; its cases, two at a time, among themselves.
@Execution(ExecutionMode.SAME_THREAD)
class AdversarialTest {

  private static final GradingFixture F = GradingFixture.get();
  private static final GradingPack PACK = F.pack("kthvalue");
  private static final Limits TIGHT = new Limits(15, 4, 256, 2048, 128, 2L << 20, 4L << 20);
  private static final Set<Verdict> CONTAINED = EnumSet.of(Verdict.OK);
  private static final Path JOBS = Path.of("target", "grading", "adversarial").toAbsolutePath();

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

    /** "C4" of "C4 starts a thread bomb". */
    String code() {
      return name.substring(0, name.indexOf(' '));
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
            // Printing is allowed: it lands in the test's captured output, never in the protocol.
            "for (int i = 0; i < 100; i++) { System.out.println("
                + forged
                + "); }\n"
                + "System.err.print(\"@@PLAB 1 \");\nreturn false;",
            null,
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
        new Attack(
            "A10 looks for the tests' arrays through the tensor managers",
            "",
            "ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager();\n"
                + "try {\n"
                + "  return m.getParentManager().getManagedArrays().size() > 1_000_000;\n"
                + "} finally { m.close(); }",
            "calls NDManager.getParentManager",
            CONTAINED),
        new Attack(
            "A11 writes forged and unfinished lines to the real standard streams",
            "",
            "for (String where : new String[] {\"/dev/stdout\", \"/dev/stderr\"}) {\n"
                + "  try (java.util.Formatter f = new java.util.Formatter(where)) {\n"
                + "    f.format(\"%s%nTerminating due to OutOfMemoryError%n@@PLAB 2 \","
                + " "
                + forged
                + ");\n"
                + "  }\n"
                + "}\n"
                + "return false;",
            "creates a Formatter that writes a file",
            CONTAINED),
        // B. Reading
        new Attack(
            "B4 reads class-path resources as a bundle",
            "",
            "return java.util.ResourceBundle.getBundle(\"lab.KthvaluePruningPublicTest\") != null;",
            "uses java.util.ResourceBundle",
            CONTAINED),
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
        new Attack(
            "C1 loops forever",
            "",
            "while (true) { Math.sqrt(2.0); }",
            null,
            EnumSet.of(Verdict.TIME_LIMIT)),
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
            // The real streams are drained and dropped: the flood only costs the test its time.
            EnumSet.of(Verdict.TIME_LIMIT)),
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
        new Attack(
            "C9 writes files into every mount it can see",
            "",
            "long outside = 0, tmp = 0;\n"
                + "for (String dir : new String[] {\"/\", \"/sandbox\", \"/sandbox/job\","
                + " \"/sandbox/job/student\", \"/sandbox/channel\", \"/sandbox/engine\","
                + " \"/dev\", \"/dev/shm\", \"/proc\", \"/tmp\"}) {\n"
                + "  String chunk = \"x\".repeat(1 << 20);\n"
                + "  for (int i = 0; i < 64; i++) {\n"
                + "    try (java.util.Formatter f = new java.util.Formatter(dir + \"/fill\" + i)) {\n"
                + "      f.format(\"%s\", chunk); f.flush();\n"
                + "      if (f.ioException() != null) { break; }\n"
                + "      if (dir.equals(\"/tmp\")) { tmp += chunk.length(); }"
                + " else { outside += chunk.length(); }\n"
                + "    } catch (Exception e) { break; }\n"
                + "  }\n"
                + "}\n"
                + "System.out.println(\"outside /tmp: \" + outside + \", /tmp: \" + tmp);\n"
                + "return outside > 0 || tmp > (16 << 20);",
            "creates a Formatter that writes a file",
            CONTAINED),
        new Attack(
            "C10 runs out of memory while its message is formatted",
            "",
            "throw new Error() {\n"
                + "  @Override public String getMessage() {\n"
                + "    java.util.List<long[]> hog = new java.util.ArrayList<>();\n"
                + "    while (true) { hog.add(new long[10_000_000]); }\n"
                + "  }\n};",
            null,
            EnumSet.of(Verdict.MEMORY_LIMIT)),
        new Attack(
            "C11 waits forever, ignoring interrupts",
            "",
            "Object lock = new Object();\n"
                + "while (true) {\n"
                + "  try { synchronized (lock) { lock.wait(); } } catch (InterruptedException e) { }\n"
                + "}",
            null,
            EnumSet.of(Verdict.TIME_LIMIT)),
        new Attack(
            "C12 spins in a parallel stream",
            "",
            "java.util.stream.IntStream.range(0, 8).parallel().forEach(i -> { while (true) { } });\n"
                + "return true;",
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
  @Execution(ExecutionMode.CONCURRENT)
  void the_pipeline_refuses_or_contains_it(Attack attack) throws IOException {
    Path jobs = jobsOf(attack);
    GradingResult r = grade(attack, F.grader(jobs, true, false));

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
    } else {
      // The policy lets it through: this run is the sandbox alone meeting it, as root.
      assertThat(r.violations()).isEmpty();
      assertContained(attack, r);
    }
    assertNothingLeft(attack, jobs);
  }

  /**
   * Attacks on what the operating system lets the sandbox's user do (its streams, files, /proc,
   * processes): they run a second time with the sandbox as the service's own user, as where the
   * service is not root. The others do not depend on the user.
   */
  private static final Set<String> USER_DEPENDENT =
      Set.of("A5", "A6", "A11", "B1", "B2", "C5", "C7", "C9", "D1", "D3");

  /**
   * Each attack as the sandbox alone meets it, as root and, where it matters, as its own user. An
   * attack that the policy lets through met the sandbox alone as root in the pipeline already (the
   * two graders differ only by the check, which found nothing): it is not run a second time so.
   */
  static Stream<Arguments> attacksOnTheSandbox() {
    return attacks()
        .filter(a -> a.sandboxVerdicts() != null)
        .flatMap(
            a -> {
              Stream<Arguments> asRoot =
                  a.policyMessage() == null
                      ? Stream.empty()
                      : Stream.of(Arguments.of(a, "service as root", false));
              return USER_DEPENDENT.contains(a.code())
                  ? Stream.concat(
                      asRoot, Stream.of(Arguments.of(a, "service as its own user", true)))
                  : asRoot;
            });
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("attacksOnTheSandbox")
  @Execution(ExecutionMode.CONCURRENT)
  void the_sandbox_alone_contains_it(Attack attack, String service, boolean asServiceUser)
      throws IOException {
    // Reflection, Unsafe, native code (no sandbox verdicts): refused by the policy check.
    Path jobs = jobsOf(attack);
    GradingResult r = grade(attack, F.grader(jobs, false, asServiceUser));

    assertThat(r.score()).as("points earned").isZero();
    assertContained(attack, r);
    assertNothingLeft(attack, jobs);
  }

  private static final AtomicInteger CASES = new AtomicInteger();

  /**
   * A jobs folder of the case's own (cases run two at a time), as open as the shared one: the
   * sandbox's user must read it.
   */
  private static Path jobsOf(Attack attack) throws IOException {
    return Files.createDirectories(JOBS.resolve(attack.code() + "-" + CASES.incrementAndGet()));
  }

  /**
   * Attacks that keep more than one core busy are graded alone: beside them, a neighbour's per-test
   * limit would measure the attack instead of the neighbour.
   */
  private static final Set<String> ALONE = Set.of("C4", "C12");

  private static final ReadWriteLock CORES = new ReentrantReadWriteLock(true);

  private static GradingResult grade(Attack attack, Grader grader) {
    Lock turn = ALONE.contains(attack.code()) ? CORES.writeLock() : CORES.readLock();
    turn.lock();
    try {
      return grader.grade(PACK, bytes(attack), false, TIGHT);
    } finally {
      turn.unlock();
    }
  }

  /**
   * The verdict the attack must get where the sandbox meets it, no test passed, and, where the
   * verdict is OK, evidence that the attack ran to its end and lost: every planned test reported
   * (no forged line took one's place), and one of them failed with what the attack's own code threw
   * ("contained", or the error it throws itself).
   */
  private static void assertContained(Attack attack, GradingResult r) {
    assertThat(r.verdict()).as(r.summary()).isIn(attack.sandboxVerdicts());
    assertThat(r.tests()).noneMatch(TestResult::passed);
    if (attack.sandboxVerdicts().equals(CONTAINED)) {
      String evidence = EVIDENCE.getOrDefault(attack.code(), "contained");
      assertThat(r.tests())
          .as("the tests, all planned and reported")
          .hasSize(PACK.plan(false).size())
          .anySatisfy(t -> assertThat(t.message()).as(t.name()).contains(evidence));
    }
  }

  /** What the tests report of attacks that throw instead of returning (Errors are not caught). */
  private static final Map<String, String> EVIDENCE =
      Map.of("C6", "xxxxxxxxxx", "D6", "<script>alert(1)</script>\u001b[2J");

  @AfterAll
  static void the_service_still_grades_correctly() throws IOException {
    Path jobs = Files.createDirectories(JOBS.resolve("reference"));
    GradingResult r =
        F.grader(jobs, true, false)
            .grade(PACK, PACK.reference().getBytes(StandardCharsets.UTF_8), true);
    assertThat(r.verdict()).isEqualTo(Verdict.OK);
    assertThat(r.score()).isEqualTo(PACK.metadata().points());
    // Nothing of any case is left, D1's process included.
    assertNothingLeft(null, jobs);
    List<String> all =
        ProcessHandle.current()
            .descendants()
            .map(AdversarialTest::commandLine)
            .filter(c -> c.contains(JOBS.toString()))
            .toList();
    assertThat(all).as("processes of any case").isEmpty();
  }

  private static byte[] bytes(Attack attack) {
    return attack.source().getBytes(StandardCharsets.UTF_8);
  }

  private static String commandLine(ProcessHandle p) {
    return p.info().commandLine().orElse("");
  }

  /**
   * No process of the case's jobs (bubblewrap's command line names the job folder, and the JVM in
   * it dies with its namespace), no process D1 tried to leave behind, and no job folder.
   */
  private static void assertNothingLeft(Attack attack, Path jobs) throws IOException {
    String folder = jobs.toString();
    Stream<String> ours =
        ProcessHandle.current()
            .descendants()
            .map(AdversarialTest::commandLine)
            .filter(c -> c.contains(folder));
    // D1's process is looked for after D1 only: it may be running while D1 is graded beside us.
    Stream<String> leftBehind =
        attack == null || attack.code().equals("D1")
            ? ProcessHandle.allProcesses()
                .map(AdversarialTest::commandLine)
                .filter(c -> c.contains("sleep 4242"))
            : Stream.empty();
    assertThat(Stream.concat(ours, leftBehind).toList()).as("processes of the job").isEmpty();
    try (Stream<Path> left = Files.list(jobs)) {
      assertThat(left.toList()).as("job folders").isEmpty();
    }
  }
}

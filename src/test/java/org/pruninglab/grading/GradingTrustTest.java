package org.pruninglab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;
import org.pruninglab.exercise.GradingPack;

/**
 * Correct and nearly correct solutions that do awkward things: write to the sandbox's real standard
 * streams, print a lot, hang in one test, run out of memory. What they write never changes a
 * verdict; a hanging or out-of-memory test costs that test, not the run; and the service's own user
 * does not matter (the sandbox runs as the service's user where the service is not root).
 */
@Needs(Need.SANDBOX)
class GradingTrustTest {

  private static final GradingFixture F = GradingFixture.get();
  private static final GradingPack PACK = F.pack("kthvalue");

  /** The signature line of the method every variant changes. */
  private static final String KTH =
      "public static float kthSmallest(float[] values, int n, int k) {";

  /** The public test "the 3rd smallest of [5, 1, 4, 2, 3]" and no other test's call. */
  private static final String ONLY_THE_FIRST_PUBLIC_TEST =
      "values.length == 5 && values[0] == 5f && values[1] == 1f && k == 3";

  static Stream<Arguments> services() {
    return Stream.of(
        Arguments.of("service as root", F.unchecked),
        Arguments.of("service as an unprivileged user", F.uncheckedAsServiceUser));
  }

  /** The reference with {@code code} run at the start of kthSmallest. */
  private static String withKthPrologue(String code, String extraMembers) {
    String reference = PACK.reference();
    assertThat(reference).contains(KTH);
    return reference.replace(KTH, extraMembers + "\n  " + KTH + "\n" + code + "\n");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void what_student_code_writes_to_the_real_streams_changes_nothing(String how, Grader grader) {
    String noise =
        "  static boolean noisy;\n"
            + "  static void noise() {\n"
            + "    if (noisy) { return; }\n"
            + "    noisy = true;\n"
            + "    String mb = \"@@PLAB 7 x y \\u001b[2J\".repeat(1 << 16);\n"
            + "    for (String where : new String[] {\"/dev/stdout\", \"/dev/stderr\","
            + " \"/proc/self/fd/1\", \"/proc/self/fd/2\"}) {\n"
            + "      try (java.util.Formatter f = new java.util.Formatter(where)) {\n"
            + "        f.format(\"partial line without an end @@PLAB 3 \");\n"
            + "        f.format(\"%njava.lang.OutOfMemoryError: Java heap space%n\");\n"
            + "        f.format(\"Terminating due to OutOfMemoryError: Java heap space\");\n"
            + "        for (int i = 0; i < 3; i++) { f.format(\"%s\", mb); }\n"
            + "        f.format(\"\\n{\\\"type\\\":\\\"end\\\"} unfinished\");\n"
            + "        f.flush();\n"
            + "        if (f.ioException() == null) { System.out.println(\"RAW WRITE to \" + where); }\n"
            + "      } catch (Exception e) {\n"
            + "        System.out.println(\"no raw write to \" + where + \": \" + e);\n"
            + "      }\n"
            + "    }\n"
            + "    for (int i = 0; i < 5; i++) { System.out.print(mb); System.err.print(mb); }\n"
            + "    System.err.print(\"java.lang.OutOfMemoryError: Java heap space\");\n"
            + "  }\n";
    byte[] source = withKthPrologue("    noise();", noise).getBytes(StandardCharsets.UTF_8);

    GradingResult r = grader.grade(PACK, source, true);

    assertThat(r.verdict()).as(r.summary()).isEqualTo(Verdict.OK);
    assertThat(r.score()).as(how).isEqualTo(PACK.metadata().points());
    String printed =
        String.join("\n", r.tests().stream().map(t -> String.valueOf(t.output())).toList());
    if (how.contains("unprivileged")) {
      // The attack really reached the streams: the same user may reopen them.
      assertThat(printed).contains("RAW WRITE to /dev/stdout", "RAW WRITE to /proc/self/fd/2");
    }
    assertThat(printed).contains("more bytes not kept");
  }

  @Test
  void a_test_that_hangs_costs_that_test_only_and_the_run_ends_soon_after_its_limit() {
    byte[] source =
        withKthPrologue(
                "    if (" + ONLY_THE_FIRST_PUBLIC_TEST + ") { while (true) { Math.sqrt(2.0); } }",
                "")
            .getBytes(StandardCharsets.UTF_8);
    int perTest = PACK.metadata().perTestSeconds();

    long start = System.nanoTime();
    GradingResult r = F.grader.grade(PACK, source, false);
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;

    assertThat(seconds).as("practice run seconds").isLessThanOrEqualTo(perTest + 10);
    assertThat(r.verdict()).isEqualTo(Verdict.TIME_LIMIT);
    assertThat(r.tests()).hasSize(2);
    TestResult hung = test(r, "3rd smallest");
    assertThat(hung.passed()).isFalse();
    assertThat(hung.message()).startsWith("Time limit: stopped after " + perTest + " s");
    assertThat(test(r, "worked example").passed()).isTrue();
    assertThat(r.summary()).contains("1 test was stopped at its time limit of " + perTest);
  }

  static Stream<Arguments> hangs() {
    return Stream.of(
        Arguments.of(
            "waits, ignoring interrupts",
            "Object lock = new Object();\n"
                + "while (true) {\n"
                + "  try { synchronized (lock) { lock.wait(); } } catch (InterruptedException e) { }\n"
                + "}"),
        Arguments.of(
            "spins in a parallel stream",
            "java.util.stream.IntStream.range(0, 8).parallel().forEach(i -> { while (true) { } });"),
        Arguments.of(
            "throws an exception whose message never finishes",
            "throw new RuntimeException() {\n"
                + "  @Override public String getMessage() { while (true) { } }\n"
                + "};"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hangs")
  void every_kind_of_hang_in_one_test_leaves_the_other_tests_scored(String kind, String hang) {
    byte[] source =
        withKthPrologue("    if (" + ONLY_THE_FIRST_PUBLIC_TEST + ") {\n" + hang + "\n    }", "")
            .getBytes(StandardCharsets.UTF_8);
    Limits quick = new Limits(60, 5, 512, 3072, 256, 8L << 20, 16L << 20);

    long start = System.nanoTime();
    GradingResult r = F.grader.grade(PACK, source, true, quick);
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;

    assertThat(r.score()).as(kind + ": " + r.summary()).isEqualTo(PACK.metadata().points() - 1);
    assertThat(test(r, "3rd smallest").passed()).isFalse();
    assertThat(r.verdict()).isEqualTo(Verdict.TIME_LIMIT);
    assertThat(seconds).as("seconds").isLessThan(60);
  }

  @Test
  void running_out_of_memory_in_one_test_is_a_memory_limit_in_words_and_the_others_still_run() {
    byte[] source =
        withKthPrologue(
                "    if ("
                    + ONLY_THE_FIRST_PUBLIC_TEST
                    + ") {\n"
                    + "      java.util.List<long[]> hog = new java.util.ArrayList<>();\n"
                    + "      while (true) { hog.add(new long[10_000_000]); }\n"
                    + "    }",
                "")
            .getBytes(StandardCharsets.UTF_8);
    Limits small = new Limits(60, 20, 256, 3072, 256, 8L << 20, 16L << 20);

    GradingResult r = F.grader.grade(PACK, source, false, small);

    assertThat(r.verdict()).as(r.summary()).isEqualTo(Verdict.MEMORY_LIMIT);
    assertThat(r.summary()).contains("ran out of memory (256 MB of heap)");
    TestResult oom = test(r, "3rd smallest");
    assertThat(oom.message())
        .isEqualTo("Memory limit: the test JVM ran out of its 256 MB of heap while this test ran.");
    assertThat(test(r, "worked example").passed()).isTrue();
  }

  /**
   * Two gradings at once, as a worker with two slots runs them: one holds every process its sandbox
   * may have (sleeping threads, so that it takes no CPU from its neighbour), the other is the
   * reference, started while the first holds them, and it scores full marks. The process limit
   * counts per sandbox, each having a user namespace of its own; were it counted per user (every
   * sandbox runs as the same one), the reference's JVM could not start its threads.
   */
  @Test
  void a_grading_that_uses_up_its_processes_leaves_the_grading_beside_it_untouched()
      throws Exception {
    byte[] holder =
        withKthPrologue(
                "    if (" + ONLY_THE_FIRST_PUBLIC_TEST + ") { holdEveryProcess(); }",
                "  static void holdEveryProcess() {\n"
                    + "    int started = 0;\n"
                    + "    try {\n"
                    + "      while (true) {\n"
                    + "        Thread t = new Thread(() -> {\n"
                    + "          try { Thread.sleep(60_000); } catch (InterruptedException e) { }\n"
                    + "        });\n"
                    + "        t.setDaemon(true);\n"
                    + "        t.start();\n"
                    + "        started++;\n"
                    + "      }\n"
                    + "    } catch (Throwable e) {\n"
                    + "      System.out.println(\"threads started: \" + started);\n"
                    + "      long end = System.nanoTime() + 12_000_000_000L;\n"
                    + "      while (System.nanoTime() < end) {\n"
                    + "        try { Thread.sleep(100); } catch (InterruptedException x) { }\n"
                    + "      }\n"
                    + "    }\n"
                    + "  }\n")
            .getBytes(StandardCharsets.UTF_8);
    ExecutorService beside = Executors.newSingleThreadExecutor();
    try {
      // Threads are refused by the policy check: the sandbox alone meets this one.
      Future<GradingResult> holding = beside.submit(() -> F.unchecked.grade(PACK, holder, false));
      Thread.sleep(4000);
      GradingResult reference =
          F.grader.grade(PACK, PACK.reference().getBytes(StandardCharsets.UTF_8), true);
      assertThat(holding.isDone()).as("the first grading still holds its processes").isFalse();

      assertThat(reference.verdict()).isEqualTo(Verdict.OK);
      assertThat(reference.score()).isEqualTo(PACK.metadata().points());
      GradingResult held = holding.get(2, TimeUnit.MINUTES);
      String started = test(held, "3rd smallest").output();
      assertThat(started).as("what the holder printed").startsWith("threads started: ");
      int threads = Integer.parseInt(started.strip().substring("threads started: ".length()));
      assertThat(threads)
          .as("threads it started before the process limit stopped it")
          .isPositive()
          .isLessThan(Limits.defaults().processes());
    } finally {
      beside.shutdownNow();
    }
  }

  @Test
  void students_may_print_and_each_test_keeps_what_it_printed() {
    byte[] source =
        withKthPrologue(
                "    System.out.println(\"kthSmallest n=\" + n + \" k=\" + k);\n"
                    + "    System.err.printf(\"red \\u001b[31malert\\u001b[0m%n\");\n"
                    + "    System.out.print(\"no line end\");",
                "")
            .getBytes(StandardCharsets.UTF_8);

    GradingResult r = F.grader.grade(PACK, source, false);

    assertThat(r.violations()).isEmpty();
    assertThat(r.verdict()).isEqualTo(Verdict.OK);
    assertThat(r.score()).isEqualTo(PACK.maxPoints(false));
    TestResult first = test(r, "3rd smallest");
    assertThat(first.output())
        .startsWith("kthSmallest n=5 k=3\nred \u001b[31malert\u001b[0m\nno line end");
    assertThat(test(r, "worked example").output()).contains("kthSmallest n=25 k=19");
    assertThat(r.output()).doesNotContain("kthSmallest");
  }

  @Test
  void a_flood_of_printing_is_cut_not_a_crash() {
    byte[] source =
        withKthPrologue(
                "    for (int i = 0; i < 20_000; i++) { System.out.println(\"line \" + i"
                    + " + \" of a flood that goes on and on and on and on and on and on\"); }",
                "")
            .getBytes(StandardCharsets.UTF_8);

    GradingResult r = F.grader.grade(PACK, source, false);

    assertThat(r.verdict()).isEqualTo(Verdict.OK);
    assertThat(r.score()).isEqualTo(PACK.maxPoints(false));
    long kept =
        r.tests().stream().mapToLong(t -> t.output() == null ? 0 : t.output().length()).sum();
    assertThat(kept).isLessThan(70 * 1024);
    assertThat(r.tests())
        .anySatisfy(t -> assertThat(t.output()).contains("a run keeps at most 64 KB of output"));
  }

  @Test
  void classes_named_like_those_the_tests_use_are_refused() {
    for (String name :
        List.of(
            "IllegalArgumentException", "AssertionError", "StringBuffer", "Test", "Assertions")) {
      String source =
          PACK.reference()
              + "\nclass "
              + name
              + " extends RuntimeException {\n  "
              + name
              + "(String m) {\n    super(m);\n  }\n}\n";

      GradingResult r = F.grader.grade(PACK, source.getBytes(StandardCharsets.UTF_8), true);

      assertThat(r.verdict()).as(name).isEqualTo(Verdict.POLICY_VIOLATION);
      assertThat(r.score()).isZero();
      assertThat(r.violations())
          .anySatisfy(
              v -> {
                assertThat(v.className()).isEqualTo("lab." + name);
                assertThat(v.message()).contains("has the name of a class the tests use");
              });
    }
  }

  @Test
  void failure_messages_point_into_the_students_code_never_into_a_test() {
    byte[] source =
        withKthPrologue(
                "    if (" + ONLY_THE_FIRST_PUBLIC_TEST + ") { return helper(values); }",
                "  static float helper(float[] v) {\n"
                    + "    throw new IllegalStateException(\"from the helper\");\n"
                    + "  }\n")
            .getBytes(StandardCharsets.UTF_8);

    GradingResult r = F.grader.grade(PACK, source, true);

    TestResult failed = test(r, "3rd smallest");
    assertThat(failed.message())
        .startsWith("IllegalStateException: from the helper (at KthvaluePruning.helper, line ");
    assertThat(r.tests())
        .allSatisfy(
            t -> assertThat(String.valueOf(t.message())).doesNotContain("Test.", "HiddenTest"));
  }

  @Test
  void the_tests_expected_values_cannot_be_fetched_through_the_tensor_managers() throws Exception {
    // A prune with no algorithm: it applies whatever boolean array of the weight's shape it finds
    // through getManager()/getParentManager()/getManagedArrays(). It earned 6 points that way.
    byte[] attack =
        Files.readAllBytes(
            Path.of("src/test/resources/attacks/kthvalue-managed-arrays/KthvaluePruning.java"));

    GradingResult refused = F.grader.grade(PACK, attack, true);
    GradingResult alone = F.unchecked.grade(PACK, attack, true);

    assertThat(refused.verdict()).isEqualTo(Verdict.POLICY_VIOLATION);
    assertThat(refused.violations())
        .anySatisfy(v -> assertThat(v.message()).contains("getManagedArrays"));
    // Past the policy, only the one test a prune that changes nothing passes honestly.
    assertThat(alone.tests().stream().filter(TestResult::passed).map(TestResult::name))
        .as(alone.summary())
        .allSatisfy(name -> assertThat(name).isEqualTo("prune: only the given tensor changes"));
  }

  private static TestResult test(GradingResult r, String nameContains) {
    return r.tests().stream()
        .filter(t -> t.name().contains(nameContains))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no test named like " + nameContains));
  }
}

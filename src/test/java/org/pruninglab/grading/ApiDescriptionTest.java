package org.pruninglab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pruninglab.compile.SourceCompiler;

/**
 * When a submission may reuse the tests compiled against the reference: exactly when nothing the
 * tests could see differs.
 */
class ApiDescriptionTest {

  private static final String REFERENCE =
      """
      package lab;
      import java.util.List;
      public final class Pruning {
        public static final int LIMIT = 10;
        public static float kthSmallest(float[] values, int n, int k) { return values[k - 1]; }
        public static <T extends Comparable<T>> List<T> sorted(List<T> in) { return in; }
        static void helper() {}
      }
      """;

  @TempDir Path dir;
  private final SourceCompiler compiler = new SourceCompiler(List.of());
  private int n;

  private String api(String source) {
    var c =
        compiler.compile(
            Map.of("lab/Pruning.java", source), List.of(), dir.resolve("c" + n++), true);
    assertThat(c.succeeded()).as(c.diagnostics().toString()).isTrue();
    return c.api();
  }

  @Test
  void bodies_private_members_private_and_anonymous_classes_do_not_count() {
    String other =
        """
        package lab;
        import java.util.List;
        public final class Pruning {
          public static final int LIMIT = 10;
          private static int calls;
          private static final class Scratch { float[] copy; }
          public static float kthSmallest(float[] values, int n, int k) {
            Runnable r = new Runnable() { public void run() { calls++; } };
            r.run();
            return select(values.clone(), k);
          }
          private static float select(float[] v, int k) { java.util.Arrays.sort(v); return v[k - 1]; }
          public static <T extends Comparable<T>> List<T> sorted(List<T> in) { return List.copyOf(in); }
          static void helper() { calls = 0; }
        }
        """;
    assertThat(api(other)).isEqualTo(api(REFERENCE)).contains("kthSmallest");
  }

  @Test
  void anything_the_tests_could_see_counts() {
    String reference = api(REFERENCE);
    List<String> changed =
        List.of(
            REFERENCE.replace("int k)", "Integer k)"),
            REFERENCE.replace("LIMIT = 10", "LIMIT = 11"),
            REFERENCE.replace("static float kthSmallest", "float kthSmallest"),
            REFERENCE.replace("{ return values[k - 1]; }", "throws Exception { return 0; }"),
            REFERENCE.replace("T extends Comparable<T>", "T"),
            REFERENCE.replace("static void helper() {}", "static void helper(int... x) {}"),
            REFERENCE.replace("static void helper() {}", "public static void helper() {}"),
            REFERENCE.replace("static void helper() {}", "static void helper() {} void more() {}"),
            REFERENCE.replace("final class", "class"),
            REFERENCE + "class Extra {}",
            REFERENCE.replace("static void helper() {}", "static class Nested {}"));
    for (String source : changed) {
      assertThat(api(source)).as(source).isNotEqualTo(reference);
    }
  }

  @Test
  void a_line_break_in_a_constant_cannot_imitate_another_member() {
    String a =
        REFERENCE.replace(
            "public static final int LIMIT = 10;", "static final String S = \"x\\nmethod\";");
    String b =
        REFERENCE.replace("public static final int LIMIT = 10;", "static final String S = \"x\";");
    assertThat(api(a)).isNotEqualTo(api(b)).doesNotContain("x\nmethod");
  }

  @Test
  void sources_that_do_not_compile_have_no_description() {
    var c =
        compiler.compile(
            Map.of("lab/Pruning.java", REFERENCE.replace("return values", "return valuez")),
            List.of(),
            dir.resolve("broken"),
            true);
    assertThat(c.succeeded()).isFalse();
    assertThat(c.api()).isNull();
  }
}

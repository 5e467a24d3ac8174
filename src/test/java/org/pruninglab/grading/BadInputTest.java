package org.pruninglab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;
import org.pruninglab.exercise.GradingPack;

/** Whatever bytes arrive, the answer is a stored compile error with a specific message. */
@Needs(Need.SANDBOX)
class BadInputTest {

  private final GradingFixture f = GradingFixture.get();
  private final GradingPack pack = f.pack("kthvalue");

  private GradingResult grade(byte[] bytes) {
    return f.grader.grade(pack, bytes, false);
  }

  private GradingResult grade(String source) {
    return grade(source.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void an_empty_file() {
    GradingResult r = grade(new byte[0]);
    assertThat(r.verdict()).isEqualTo(Verdict.COMPILE_ERROR);
    assertThat(r.summary()).isEqualTo("The file is empty.");
    assertThat(r.score()).isZero();
    assertThat(r.tests()).hasSize(2).allMatch(t -> t.message().equals("Not run: compile error."));
  }

  @Test
  void a_file_of_white_space() {
    assertThat(grade("  \n\t\n").summary()).isEqualTo("The file holds only white space.");
  }

  @Test
  void bytes_that_are_not_utf8_name_the_byte_and_line() {
    byte[] latin1 = "package lab;\n// Größe\n".getBytes(StandardCharsets.ISO_8859_1);
    GradingResult r = grade(latin1);
    assertThat(r.verdict()).isEqualTo(Verdict.COMPILE_ERROR);
    assertThat(r.summary())
        .isEqualTo("The file is not UTF-8 text: byte 18 (line 2) is 0xF6. Save it as UTF-8.");
  }

  @Test
  void a_five_megabyte_source_is_refused_before_compiling() {
    byte[] big = ("package lab;\n" + "// x\n".repeat(1_000_000)).getBytes(StandardCharsets.UTF_8);
    GradingResult r = grade(big);
    assertThat(r.verdict()).isEqualTo(Verdict.COMPILE_ERROR);
    assertThat(r.summary())
        .isEqualTo("The file is 5,000,013 bytes; the limit is 262,144 bytes" + " (256 KB).");
    assertThat(r.timings().compile()).isZero();
  }

  @Test
  void a_class_with_the_wrong_name_gets_the_compilers_message_with_its_line() {
    GradingResult r = grade("package lab;\n\npublic class Kthvalue {\n}\n");
    assertThat(r.verdict()).isEqualTo(Verdict.COMPILE_ERROR);
    assertThat(r.diagnostics())
        .anySatisfy(
            d -> {
              assertThat(d.line()).isEqualTo(3);
              assertThat(d.message())
                  .contains(
                      "class Kthvalue is public, should be declared in a file"
                          + " named Kthvalue.java");
            });
  }

  @Test
  void a_class_in_the_wrong_package_is_named_in_the_message() {
    GradingResult r = grade("public class KthvaluePruning {\n}\n");
    assertThat(r.verdict()).isEqualTo(Verdict.COMPILE_ERROR);
    assertThat(r.summary())
        .isEqualTo("Your file must declare the public class lab.KthvaluePruning (package lab;).");
  }

  @Test
  void missing_methods_are_named_without_showing_hidden_test_code() {
    GradingResult r =
        f.grader.grade(
            pack,
            ("package lab;\n"
                    + "public final class KthvaluePruning {\n"
                    + "  public static float kthSmallest(float[] v, int n, int k) { return 0; }\n"
                    + "}\n")
                .getBytes(StandardCharsets.UTF_8),
            true);
    assertThat(r.verdict()).isEqualTo(Verdict.COMPILE_ERROR);
    assertThat(r.summary()).startsWith("Your class compiles, but it lacks a method");
    assertThat(r.diagnostics())
        .anySatisfy(
            d ->
                assertThat(d.message())
                    .startsWith(
                        "Your class does not provide what KthvaluePruningPublicTest.java line")
                    .contains("cannot find symbol"));
    assertThat(r.diagnostics())
        .anySatisfy(
            d ->
                assertThat(d.message())
                    .startsWith("Your class does not provide what a hidden test uses"));
    assertThat(r.diagnostics()).noneMatch(d -> d.message().contains("HiddenTest.java"));
  }

  @Test
  void a_syntax_error_has_line_and_column() {
    GradingResult r = grade("package lab;\npublic final class KthvaluePruning {\n  int x = ;\n}\n");
    assertThat(r.verdict()).isEqualTo(Verdict.COMPILE_ERROR);
    assertThat(r.summary()).isEqualTo("Your file does not compile (1 error).");
    assertThat(r.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.line()).isEqualTo(3);
              assertThat(d.column()).isEqualTo(11);
              assertThat(d.message()).isEqualTo("illegal start of expression");
            });
  }
}

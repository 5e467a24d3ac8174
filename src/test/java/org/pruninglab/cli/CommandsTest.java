package org.pruninglab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;

class CommandsTest {

  @TempDir Path dir;

  @Test
  void options_are_checked_with_a_specific_message() {
    Set<String> flags = Set.of("--smoke");
    Set<String> valued = Set.of("--out");

    assertThat(Options.problem(List.of("--smoke", "--out", "x"), flags, valued)).isNull();
    assertThat(Options.problem(List.of("--out"), flags, valued)).isEqualTo("--out needs a value");
    assertThat(Options.problem(List.of("--out", "--smoke"), flags, valued))
        .isEqualTo("--out needs a value");
    assertThat(Options.problem(List.of("--fast"), flags, valued))
        .isEqualTo("unknown option --fast; the options are --out, --smoke");
    assertThat(Options.value(List.of("--out", "x"), "--out", "d")).isEqualTo("x");
    assertThat(Options.value(List.of(), "--out", "d")).isEqualTo("d");
  }

  @Test
  void a_bad_option_exits_with_2_before_any_work() throws Exception {
    assertThat(ReproduceCommand.run(List.of("--only"))).isEqualTo(2);
    assertThat(ReproduceCommand.run(List.of("--only", "iterative", "--model", "vgg"))).isEqualTo(2);
    assertThat(ReproduceCommand.run(List.of("--only", "gradual", "--model", "cnn"))).isEqualTo(2);
    assertThat(PicturesCommand.run(List.of("--colour", "red"))).isEqualTo(2);
    assertThat(BenchCommand.run(List.of("--slow"))).isEqualTo(2);
  }

  @Test
  void grade_prints_the_stored_result_as_json_and_exits_0_for_any_verdict() throws Exception {
    String before = System.getProperty("lab.data-dir");
    System.setProperty("lab.data-dir", Path.of("target", "cli-data").toString());
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    Path broken = dir.resolve("KthvaluePruning.java");
    Files.writeString(
        broken, "package lab;\npublic final class KthvaluePruning {\n  int x = ;\n}\n");
    try {
      System.setOut(new PrintStream(captured, true, "UTF-8"));
      int exit = GradeCommand.run(List.of("--exercise", "kthvalue", "--file", broken.toString()));
      assertThat(exit).isZero();
    } finally {
      System.setOut(out);
      if (before == null) {
        System.clearProperty("lab.data-dir");
      } else {
        System.setProperty("lab.data-dir", before);
      }
    }
    // The jar logs to standard error (logback-cli.xml); this JVM's test logging writes to
    // standard output, where a log line of loading the packs may come first.
    String printed = captured.toString("UTF-8");
    var json = GradeCommand.JSON.readTree(printed.substring(printed.indexOf("\n{") + 1));
    assertThat(json.path("verdict").asText()).isEqualTo("compile error");
    assertThat(json.path("diagnostics").get(0).path("line").asInt()).isEqualTo(3);
    assertThat(json.path("score").asDouble()).isZero();
    assertThat(GradeCommand.run(List.of("--exercise", "kthvalue"))).isEqualTo(2);
    assertThat(GradeCommand.run(List.of("--exercise", "kthvalue", "--file", "no/such.java")))
        .isEqualTo(2);
  }

  @Test
  @Needs(Need.FASHION_MNIST)
  void pictures_command_writes_every_picture_as_svg_and_an_index() throws Exception {
    Path out = dir.resolve("pictures");

    int exit =
        PicturesCommand.run(
            List.of(
                "--smoke", "--checkpoints", dir.resolve("ck").toString(), "--out", out.toString()));

    assertThat(exit).isZero();
    List<String> files;
    try (var list = Files.list(out)) {
      files = list.map(p -> p.getFileName().toString()).sorted().toList();
    }
    // MLP: 4 weights × (histogram + mask); CNN: 4 weights × 2 + kernels; one curve; the index.
    assertThat(files).hasSize(8 + 9 + 1 + 1);
    assertThat(files)
        .contains(
            "cnn-conv1-kernels.svg",
            "mlp-fc1.weight-histogram.svg",
            "cnn-fc1.weight-mask-90.svg",
            "accuracy-vs-sparsity.svg",
            "index.html");
    String kernels = Files.readString(out.resolve("cnn-conv1-kernels.svg"));
    assertThat(kernels).contains("Kernel 32").doesNotContain("Kernel 33");
    assertThat(Files.readString(out.resolve("index.html"))).contains("<img src='mlp-fc1.weight");
  }
}

package org.pruninglab.exercise;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.pruninglab.compile.FileTrees;
import org.pruninglab.compile.SourceCompiler;
import org.pruninglab.compile.TestTypeNames;
import org.pruninglab.grading.harness.ResultNames;
import org.pruninglab.labkit.fixtures.FixtureBuilders;

/**
 * Reads and checks one exercise pack: {@code exercises/<id>/} (exercise.json, statement.md,
 * starter/, tests/, optionally support/) and {@code grader/<id>/} (tests/, reference/,
 * wrong/<variant>/ with a variant.json). The reference and all tests must compile, every test must
 * carry its points, the points must add up to the metadata's, and every known-wrong variant must
 * name existing tests.
 */
public final class PackLoader {

  /** The folder of helper classes that public and hidden tests share, beside {@code tests/}. */
  public static final String SUPPORT = "support";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final SourceCompiler compiler;

  public PackLoader(SourceCompiler compiler) {
    this.compiler = compiler;
  }

  /**
   * Loads {@code id}, compiling into {@code work/<id>/}: the reference and the starter once each,
   * the public tests with the shared helpers once, the hidden tests once; throws PackException with
   * the reason.
   */
  public GradingPack load(Path exercisesRoot, Path graderRoot, String id, Path work) {
    Path ex = exercisesRoot.resolve(id);
    Path gr = graderRoot.resolve(id);
    ExerciseMetadata meta = metadata(id, ex.resolve("exercise.json"));
    String statement = text(id, ex.resolve("statement.md"));
    String starter = text(id, ex.resolve("starter").resolve(meta.file()));
    Map<String, String> publicTests = sources(id, meta, ex.resolve("tests"));
    Map<String, String> support = sources(id, meta, ex.resolve(SUPPORT));
    Map<String, String> hiddenTests = sources(id, meta, gr.resolve("tests"));
    String reference = text(id, gr.resolve("reference").resolve(meta.file()));
    if (publicTests.isEmpty()) {
      throw new PackException(id, "exercises/" + id + "/tests/ holds no public test");
    }
    Path packWork = work.resolve(id);
    try {
      FileTrees.deleteRecursively(packWork);
    } catch (IOException e) {
      throw new PackException(id, "cannot clear " + packWork + ": " + e.getMessage());
    }
    Path referenceClasses = packWork.resolve("reference");
    Path practiceClasses = packWork.resolve("tests-public");
    Path hiddenClasses = packWork.resolve("tests-hidden");
    String referenceApi =
        compileOrFail(
                id,
                "the reference solution",
                Map.of(meta.sourcePath(), reference),
                List.of(),
                referenceClasses,
                true)
            .api();
    compileOrFail(
        id,
        "the starter code",
        Map.of(meta.sourcePath(), starter),
        List.of(),
        packWork.resolve("starter"),
        false);
    Map<String, String> practiceSources = new LinkedHashMap<>(publicTests);
    practiceSources.putAll(support);
    compileOrFail(
        id,
        support.isEmpty() ? "the public tests" : "the public tests and helpers",
        practiceSources,
        List.of(referenceClasses),
        practiceClasses,
        false);
    if (!hiddenTests.isEmpty()) {
      compileOrFail(
          id,
          "the hidden tests",
          hiddenTests,
          List.of(referenceClasses, practiceClasses),
          hiddenClasses,
          false);
    }

    List<PlannedTest> plan =
        TestPlanner.plan(
            id,
            List.of(practiceClasses, hiddenClasses, referenceClasses),
            classNames(publicTests),
            classNames(hiddenTests));
    double sum = plan.stream().mapToDouble(PlannedTest::points).sum();
    if (Math.abs(sum - meta.points()) > 1e-9) {
      throw new PackException(
          id,
          "the tests' points add up to "
              + fmt(sum)
              + " but exercise.json says "
              + fmt(meta.points()));
    }
    List<KnownWrongVariant> variants = variants(id, meta, gr.resolve("wrong"), plan);
    Exercise exercise =
        new Exercise(meta, statement, starter, publicTests, plan, ContentHash.of(id, ex, gr));
    return new GradingPack(
        exercise,
        support,
        hiddenTests,
        reference,
        variants,
        classFiles(id, practiceClasses),
        classFiles(id, hiddenClasses),
        referenceApi,
        TestTypeNames.of(
            List.of(practiceClasses, hiddenClasses).stream().filter(Files::isDirectory).toList(),
            meta.packageName()));
  }

  /** The class files under {@code folder} (relative path → bytes); none if it does not exist. */
  private static Map<String, byte[]> classFiles(String id, Path folder) {
    Map<String, byte[]> classes = new LinkedHashMap<>();
    if (!Files.isDirectory(folder)) {
      return classes;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        classes.put(folder.relativize(f).toString(), Files.readAllBytes(f));
      }
    } catch (IOException e) {
      throw new PackException(id, "cannot read the compiled tests: " + e.getMessage());
    }
    return classes;
  }

  private SourceCompiler.Compilation compileOrFail(
      String id,
      String what,
      Map<String, String> sources,
      List<Path> extra,
      Path out,
      boolean describeApi) {
    SourceCompiler.Compilation c = compiler.compile(sources, extra, out, describeApi);
    if (!c.succeeded()) {
      String first =
          c.diagnostics().stream()
              .filter(d -> d.diagnostic().severity().equals("error"))
              .limit(3)
              .map(d -> d.file() + ":" + d.diagnostic().line() + ": " + d.diagnostic().message())
              .collect(Collectors.joining("; "));
      throw new PackException(
          id, what + (what.endsWith("s") ? " do" : " does") + " not compile: " + first);
    }
    return c;
  }

  public static ExerciseMetadata metadata(String id, Path file) {
    ExerciseMetadata meta;
    try {
      meta = JSON.readValue(text(id, file), ExerciseMetadata.class);
    } catch (IOException e) {
      throw new PackException(id, "exercise.json is not valid: " + firstLine(e.getMessage()));
    }
    List<String> problems = new ArrayList<>();
    if (!id.equals(meta.id())) {
      problems.add("its id '" + meta.id() + "' differs from the folder name '" + id + "'");
    }
    if (!id.matches("[a-z0-9][a-z0-9-]{0,39}")) {
      problems.add("the id must be lower-case letters, digits and dashes (at most 40)");
    }
    if (meta.title() == null || meta.title().isBlank()) {
      problems.add("the title is missing");
    }
    if (meta.teaches().length() > ExerciseMetadata.TEACHES_MAX || meta.teaches().contains("\n")) {
      problems.add(
          "teaches is one line of at most "
              + ExerciseMetadata.TEACHES_MAX
              + " characters (it has "
              + meta.teaches().length()
              + (meta.teaches().contains("\n") ? ", on several lines)" : ")"));
    }
    if (meta.file() == null || !meta.file().matches("[A-Z][A-Za-z0-9]*\\.java")) {
      problems.add("file must name a Java source like KthvaluePruning.java");
    }
    if (meta.packageName() == null
        || !meta.packageName().matches("([a-z][a-z0-9]*)(\\.[a-z][a-z0-9]*)*")) {
      problems.add("packageName must be a lower-case Java package such as 'lab'");
    }
    if (meta.points() <= 0) {
      problems.add("points must be positive");
    }
    if (meta.deadline() == null) {
      problems.add("the default deadline is missing");
    }
    if (meta.wallSeconds() < 5 || meta.wallSeconds() > 1800) {
      problems.add("wallSeconds must be between 5 and 1800");
    }
    if (meta.perTestSeconds() < 1 || meta.perTestSeconds() > meta.wallSeconds()) {
      problems.add("perTestSeconds must be between 1 and wallSeconds");
    }
    if (meta.heapMegabytes() < 64 || meta.heapMegabytes() > 8192) {
      problems.add("heapMegabytes must be between 64 and 8192");
    }
    if (!meta.device().equals("cpu") && !meta.gpuPreferred()) {
      problems.add(
          "device must be 'cpu' or '"
              + ExerciseMetadata.GPU_PREFERRED
              + "', not '"
              + meta.device()
              + "'");
    }
    for (String fixture : meta.fixtures()) {
      if (FixtureBuilders.find(fixture).isEmpty()) {
        problems.add(
            "there is no fixture '"
                + fixture
                + "' (there are "
                + FixtureBuilders.all().stream()
                    .map(FixtureBuilders.Fixture::name)
                    .collect(Collectors.joining(", "))
                + ")");
      }
    }
    for (String metric : List.of(meta.tradeOff().x(), meta.tradeOff().y())) {
      if (metric == null || !metric.matches("[a-z0-9][a-z0-9.\\-]{0,63}")) {
        problems.add("tradeOff needs two metric names, x and y (such as 'sparsity')");
      } else if (metric.equals(ResultNames.DEVICE)) {
        problems.add("tradeOff compares numbers; 'device' is text");
      }
    }
    if (!problems.isEmpty()) {
      throw new PackException(id, "exercise.json: " + String.join("; ", problems));
    }
    return meta;
  }

  private Map<String, String> sources(String id, ExerciseMetadata meta, Path folder) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!Files.isDirectory(folder)) {
      return out;
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".java")) {
          String path = meta.packageName().replace('.', '/') + "/" + name;
          out.put(path, text(id, f));
        }
      }
    } catch (IOException e) {
      throw new PackException(id, "cannot list " + folder + ": " + e.getMessage());
    }
    return out;
  }

  private List<KnownWrongVariant> variants(
      String id, ExerciseMetadata meta, Path wrong, List<PlannedTest> plan) {
    List<KnownWrongVariant> out = new ArrayList<>();
    if (!Files.isDirectory(wrong)) {
      return out;
    }
    Set<String> tests =
        plan.stream().map(t -> t.className() + "#" + t.methodName()).collect(Collectors.toSet());
    try (Stream<Path> dirs = Files.list(wrong)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        String name = dir.getFileName().toString();
        JsonNode v;
        try {
          v = JSON.readTree(text(id, dir.resolve("variant.json")));
        } catch (IOException e) {
          throw new PackException(id, "wrong/" + name + "/variant.json is not valid JSON");
        }
        List<String> caught = new ArrayList<>();
        v.path("caughtBy").forEach(n -> caught.add(n.asText()));
        if (caught.isEmpty()) {
          throw new PackException(id, "wrong/" + name + " names no test in caughtBy");
        }
        for (String t : caught) {
          if (!tests.contains(t)) {
            throw new PackException(
                id,
                "wrong/"
                    + name
                    + " names the test "
                    + t
                    + ", which does not exist (tests are named Class#method)");
          }
        }
        out.add(
            new KnownWrongVariant(
                name, v.path("why").asText(""), text(id, dir.resolve(meta.file())), caught));
      }
    } catch (IOException e) {
      throw new PackException(id, "cannot list " + wrong + ": " + e.getMessage());
    }
    return out;
  }

  private static List<String> classNames(Map<String, String> sources) {
    return sources.keySet().stream()
        .map(p -> p.substring(0, p.length() - ".java".length()).replace('/', '.'))
        .toList();
  }

  static String text(String id, Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (NoSuchFileException e) {
      throw new PackException(id, "the file " + file + " is missing");
    } catch (CharacterCodingException e) {
      throw new PackException(id, "the file " + file + " is not UTF-8 text");
    } catch (IOException e) {
      throw new PackException(id, "cannot read " + file + ": " + e.getMessage());
    }
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}

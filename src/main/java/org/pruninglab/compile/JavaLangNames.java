package org.pruninglab.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The simple names of the running JDK's top-level {@code java.lang} types: every Java file sees
 * them without an import, so a student class with one of these names in the tests' package would
 * stand in for the JDK's in the tests ({@code assertThrows(IllegalArgumentException.class, …)}).
 */
final class JavaLangNames {

  private static final Set<String> NAMES = load();

  private JavaLangNames() {}

  static boolean contains(String simpleName) {
    return NAMES.contains(simpleName);
  }

  private static Set<String> load() {
    FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
    Path lang = jrt.getPath("/packages/java.lang");
    try (Stream<Path> modules = Files.list(lang)) {
      return modules
          .flatMap(JavaLangNames::classesIn)
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".class") && !n.contains("$"))
          .map(n -> n.substring(0, n.length() - ".class".length()))
          .filter(n -> !n.equals("package-info") && !n.equals("module-info"))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<Path> classesIn(Path module) {
    try {
      return Files.list(module.resolve("java/lang")).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.pruninglab.compile;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The simple names of the types an exercise's tests refer to outside the exercise's own package
 * (JUnit's, the lab kit's, the JDK's), read from the tests as compiled against the reference. A
 * student class of that name in the tests' package would be what those names mean when the tests
 * are compiled against the student's classes: the policy refuses such names. Read once, when the
 * pack loads.
 */
public final class TestTypeNames {

  private TestTypeNames() {}

  /** The names, from the class files under {@code compiledTests} of tests in {@code own}. */
  public static Set<String> of(List<Path> compiledTests, String own) {
    JavaClasses tests =
        ArchConfiguration.withThreadLocalScope(
            (ArchConfiguration config) -> {
              config.setResolveMissingDependenciesFromClassPath(false);
              return new ClassFileImporter().importPaths(compiledTests);
            });
    Set<String> names = new TreeSet<>();
    for (JavaClass test : tests) {
      for (var dependency : test.getDirectDependenciesFromSelf()) {
        JavaClass target = dependency.getTargetClass().getBaseComponentType();
        if (!target.isPrimitive() && !target.getPackageName().equals(own)) {
          String name = target.getName();
          String top = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
          names.add(top.substring(top.lastIndexOf('.') + 1));
        }
      }
    }
    return Collections.unmodifiableSet(names);
  }
}

package org.pruninglab.grading;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import org.pruninglab.exercise.ExercisePack;

/**
 * The simple names of the types an exercise's tests refer to outside the exercise's own package
 * (JUnit's, the lab kit's, the JDK's), read from the tests as compiled against the reference. A
 * student class of that name in the tests' package would be what those names mean when the tests
 * are compiled against the student's classes: the policy refuses such names.
 */
final class TestTypeNames {

  private static final Map<ExercisePack, Set<String>> CACHE =
      Collections.synchronizedMap(new WeakHashMap<>());

  private TestTypeNames() {}

  static Set<String> of(ExercisePack pack) {
    return CACHE.computeIfAbsent(pack, TestTypeNames::read);
  }

  private static Set<String> read(ExercisePack pack) {
    String own = pack.metadata().packageName();
    JavaClasses tests =
        ArchConfiguration.withThreadLocalScope(
            (ArchConfiguration config) -> {
              config.setResolveMissingDependenciesFromClassPath(false);
              return new ClassFileImporter().importPath(pack.compiledTests());
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

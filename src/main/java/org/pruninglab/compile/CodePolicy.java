package org.pruninglab.compile;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What student code may use, checked on its compiled classes before any of it runs: an allow-list
 * of packages and classes, with {@code java.lang} narrowed (no System but its harmless methods, no
 * Runtime, threads, class loaders, reflection or processes), no native methods, no finalizers, and
 * only the exercise's own package and class names. Every violation is reported in plain words with
 * class, member and line. The sandbox is the boundary; this is the feedback (and a second wall in
 * front of JNI, which DJL needs and students must not reach).
 */
public final class CodePolicy {

  /** Packages every exercise allows (exactly these packages, not their sub-packages). */
  public static final List<String> BASE_PACKAGES =
      List.of(
          "java.lang",
          "java.util",
          "java.util.function",
          "java.util.stream",
          "java.math",
          "ai.djl.ndarray",
          "ai.djl.ndarray.types",
          "ai.djl.ndarray.index");

  /** java.lang types student code may not touch at all. */
  private static final Set<String> FORBIDDEN_CLASSES =
      Set.of(
          "java.lang.Runtime",
          "java.lang.Thread",
          "java.lang.ThreadGroup",
          "java.lang.InheritableThreadLocal",
          "java.lang.ClassLoader",
          "java.lang.ProcessBuilder",
          "java.lang.Process",
          "java.lang.ProcessHandle",
          "java.lang.Module",
          "java.lang.ModuleLayer",
          "java.lang.StackWalker",
          "java.lang.SecurityManager",
          "java.lang.ClassValue",
          "java.lang.Compiler",
          "java.util.ServiceLoader",
          // Reads class-path resources (the tests' among them).
          "java.util.ResourceBundle",
          "java.util.PropertyResourceBundle",
          "java.util.ListResourceBundle",
          // Tracks every array made on a thread; nothing an exercise needs.
          "ai.djl.ndarray.NDScope",
          "java.util.Timer",
          "java.util.TimerTask",
          "ai.djl.ndarray.NDSerializer");

  /**
   * The only members of java.lang.System that student code may use: {@code out} and {@code err}
   * print into the harness's per-test capture.
   */
  private static final Set<String> SYSTEM_ALLOWED =
      Set.of(
          "arraycopy",
          "nanoTime",
          "currentTimeMillis",
          "identityHashCode",
          "lineSeparator",
          "out",
          "err");

  /** What student code may do with System.out and System.err: print. */
  private static final String PRINT_STREAM = "java.io.PrintStream";

  private static final Set<String> PRINT_ALLOWED =
      Set.of("print", "println", "printf", "format", "flush");

  /**
   * Members of the tensor managers that list or reach arrays the code was not handed (a test's
   * expected values among them), or hook into the managers' bookkeeping.
   */
  private static final Set<String> MANAGER_INTROSPECTION =
      Set.of(
          "getManagedArrays",
          "getParentManager",
          "debugDump",
          "attachInternal",
          "attachUncappedInternal",
          "tempAttachInternal",
          "detachInternal",
          "invoke",
          "getEngine");

  /** The only methods of java.lang.Class that student code may call (no reflection). */
  private static final Set<String> CLASS_ALLOWED =
      Set.of("getName", "getSimpleName", "isInstance", "cast", "desiredAssertionStatus");

  /** Package prefixes no student class may be declared in. */
  private static final List<String> RESERVED_PREFIXES =
      List.of(
          "java.",
          "javax.",
          "jdk.",
          "sun.",
          "com.sun.",
          "org.junit.",
          "org.opentest4j.",
          "org.apiguardian.",
          "ai.djl.",
          "org.pruninglab.",
          "com.google.",
          "org.slf4j.");

  /** First parameter types of the Formatter constructors that open a file. */
  private static final Set<String> WRITES_FILES = Set.of("java.lang.String", "java.io.File");

  private final String studentPackage;
  private final Set<String> allowedPackages;
  private final Set<String> allowedClasses;
  private final Set<String> reservedClassNames;
  private final Set<String> reservedSimpleNames;

  /**
   * @param studentPackage the package the exercise's classes live in ("" for the default package)
   * @param extraAllowed the exercise's extra APIs: package names, or class names (a name whose last
   *     segment starts with an upper-case letter)
   * @param reservedClassNames fully qualified names students may not declare (the test classes)
   */
  public CodePolicy(
      String studentPackage, List<String> extraAllowed, Set<String> reservedClassNames) {
    this(studentPackage, extraAllowed, reservedClassNames, Set.of());
  }

  /**
   * @param reservedSimpleNames simple names no student class may have besides those of {@code
   *     java.lang}: the types the tests refer to, which a same-named class in the tests' package
   *     would replace
   */
  public CodePolicy(
      String studentPackage,
      List<String> extraAllowed,
      Set<String> reservedClassNames,
      Set<String> reservedSimpleNames) {
    this.studentPackage = studentPackage;
    this.allowedPackages = new LinkedHashSet<>(BASE_PACKAGES);
    this.allowedClasses = new LinkedHashSet<>();
    for (String api : extraAllowed) {
      String last = api.substring(api.lastIndexOf('.') + 1);
      if (!last.isEmpty() && Character.isUpperCase(last.charAt(0))) {
        allowedClasses.add(api);
      } else {
        allowedPackages.add(api);
      }
    }
    this.reservedClassNames = Set.copyOf(reservedClassNames);
    this.reservedSimpleNames = Set.copyOf(reservedSimpleNames);
  }

  public List<PolicyViolation> check(Path compiledStudentClasses) {
    // Only the names of what student code refers to matter here: importing the referenced JDK and
    // DJL classes from the class path as well (ArchUnit's default) cost more than compiling the
    // submission, in every grading.
    JavaClasses classes =
        ArchConfiguration.withThreadLocalScope(
            (ArchConfiguration config) -> {
              config.setResolveMissingDependenciesFromClassPath(false);
              return new ClassFileImporter().importPath(compiledStudentClasses);
            });
    List<PolicyViolation> out = new ArrayList<>();
    for (JavaClass c : classes) {
      checkDeclaration(c, out);
      for (JavaMethod m : c.getMethods()) {
        if (m.getModifiers().contains(JavaModifier.NATIVE)) {
          out.add(
              violation(
                  c,
                  m,
                  lineOf(m),
                  "declares the native method "
                      + m.getName()
                      + ", and exercises may not use native code"));
        }
        if (m.getName().equals("finalize") && m.getRawParameterTypes().isEmpty()) {
          out.add(
              violation(
                  c,
                  m,
                  lineOf(m),
                  "overrides finalize(), which exercises may not use (it runs outside any test)"));
        }
      }
      for (JavaAccess<?> access : accesses(c)) {
        String problem = problem(access.getTarget());
        if (problem != null) {
          out.add(violation(c, access.getOrigin(), access.getLineNumber(), problem));
        }
      }
      for (var dependency : c.getDirectDependenciesFromSelf()) {
        JavaClass target = dependency.getTargetClass().getBaseComponentType();
        if (isOwn(target, classes)) {
          continue;
        }
        if (target.getName().equals(PRINT_STREAM)) {
          continue; // Checked per member: printing only.
        }
        String why = classProblem(target.getName());
        if (why != null) {
          out.add(
              new PolicyViolation(
                  c.getName(),
                  null,
                  dependency.getSourceCodeLocation().getLineNumber(),
                  "uses " + target.getName() + ": " + why));
        }
      }
    }
    return dedupe(out);
  }

  private void checkDeclaration(JavaClass c, List<PolicyViolation> out) {
    String name = c.getName();
    if (!c.getPackageName().equals(studentPackage)) {
      out.add(
          new PolicyViolation(
              name,
              null,
              0,
              "is declared in the package '"
                  + c.getPackageName()
                  + "'; this exercise's classes belong in the package '"
                  + studentPackage
                  + "'"));
    }
    for (String prefix : RESERVED_PREFIXES) {
      if (name.startsWith(prefix)) {
        out.add(
            new PolicyViolation(name, null, 0, "uses a reserved package name (" + prefix + "…)"));
      }
    }
    String top = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
    String simple = top.substring(top.lastIndexOf('.') + 1);
    if (JavaLangNames.contains(simple) || reservedSimpleNames.contains(simple)) {
      out.add(
          new PolicyViolation(
              name,
              null,
              0,
              "has the name of a class the tests use ("
                  + (JavaLangNames.contains(simple) ? "java.lang." + simple : simple)
                  + "), which would replace it in the tests' package; choose another name"));
    }
    if (reservedClassNames.contains(top)) {
      out.add(
          new PolicyViolation(
              name,
              null,
              0,
              "has the name of one of the exercise's test classes; choose another name"));
    }
  }

  private static List<JavaAccess<?>> accesses(JavaClass c) {
    List<JavaAccess<?>> all = new ArrayList<>();
    for (JavaCodeUnit unit : c.getCodeUnits()) {
      all.addAll(unit.getAccessesFromSelf());
      all.addAll(unit.getMethodReferencesFromSelf());
      all.addAll(unit.getConstructorReferencesFromSelf());
    }
    return all;
  }

  /** Why calling or reading {@code target} is not allowed, or null. */
  private String problem(AccessTarget target) {
    String owner = target.getOwner().getBaseComponentType().getName();
    if (owner.startsWith(studentPackage.isEmpty() ? "\u0000" : studentPackage + ".")
        && !owner.substring(studentPackage.length() + 1).contains(".")) {
      return null;
    }
    String member = target.getName();
    if (owner.equals("java.lang.System") && !SYSTEM_ALLOWED.contains(member)) {
      return "calls System."
          + member
          + ", which exercises may not use (allowed from System: "
          + String.join(", ", SYSTEM_ALLOWED.stream().sorted().toList())
          + ")";
    }
    if (owner.equals(PRINT_STREAM) && !PRINT_ALLOWED.contains(member)) {
      return "uses PrintStream."
          + (member.equals("<init>") ? "new" : member)
          + "; only printing with System.out and System.err is allowed ("
          + String.join(", ", PRINT_ALLOWED.stream().sorted().toList())
          + ")";
    }
    if (owner.equals("java.util.Formatter")
        && member.equals("<init>")
        && target instanceof AccessTarget.CodeUnitAccessTarget unit
        && !unit.getRawParameterTypes().isEmpty()
        && WRITES_FILES.contains(unit.getRawParameterTypes().get(0).getName())) {
      return "creates a Formatter that writes a file; exercises may not write files (format into a"
          + " String with String.format or a StringBuilder instead)";
    }
    if (owner.startsWith("ai.djl.ndarray.") && MANAGER_INTROSPECTION.contains(member)) {
      return "calls "
          + target.getOwner().getSimpleName()
          + "."
          + member
          + ", which reaches tensors the code was not handed; exercises may not use it";
    }
    if (owner.equals("java.lang.Class") && !CLASS_ALLOWED.contains(member)) {
      return "calls Class." + member + "; reflection is not allowed in exercises";
    }
    if (owner.equals("java.lang.Object") && member.equals("finalize")) {
      return "calls finalize(), which exercises may not use";
    }
    return null;
  }

  /** Why a class may not be used, or null when it may. */
  private String classProblem(String className) {
    if (className.equals("java.lang.System") || className.equals("java.lang.Class")) {
      return null; // Checked per member.
    }
    if (FORBIDDEN_CLASSES.contains(className)) {
      return "threads, processes, class loading and the runtime are not available to exercises";
    }
    if (allowedClasses.contains(className)) {
      return null;
    }
    String pkg = className.contains(".") ? className.substring(0, className.lastIndexOf('.')) : "";
    if (allowedPackages.contains(pkg)) {
      return null;
    }
    if (className.matches("^(boolean|byte|char|short|int|long|float|double|void)$")) {
      return null;
    }
    return "this exercise allows only "
        + String.join(", ", allowedPackages)
        + (allowedClasses.isEmpty() ? "" : ", " + String.join(", ", allowedClasses));
  }

  private boolean isOwn(JavaClass target, JavaClasses classes) {
    return classes.contain(target.getName());
  }

  private static int lineOf(JavaMember m) {
    return m.getSourceCodeLocation().getLineNumber();
  }

  private static PolicyViolation violation(
      JavaClass c, JavaMember member, int line, String message) {
    String name =
        member == null
            ? null
            : member instanceof JavaField
                ? member.getName()
                : member.getName()
                    + "("
                    + String.join(
                        ", ",
                        ((JavaCodeUnit) member)
                            .getRawParameterTypes().stream().map(JavaClass::getSimpleName).toList())
                    + ")";
    if ("<init>".equals(member == null ? null : member.getName())) {
      name = "constructor";
    } else if ("<clinit>".equals(member == null ? null : member.getName())) {
      name = "static initialiser";
    }
    return new PolicyViolation(c.getName(), name, line, message);
  }

  private static List<PolicyViolation> dedupe(List<PolicyViolation> all) {
    return List.copyOf(new LinkedHashSet<>(all));
  }
}

package org.pruninglab.exercise;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Discovers an exercise's tests from their compiled classes (compiled against the reference
 * solution, which is trusted) and reads their points and visibility from tags:
 * {@code @Tag("points=2")} on every test method, optionally
 * {@code @Tag("visibility=after_due_date")} on the method or its class. Public tests default to
 * {@code visible}, hidden ones to {@code after_release}: a hidden test's row appears only once
 * grades are released, unless the pack says otherwise. Every test method must carry a
 * {@code @DisplayName}: it is what students read.
 */
final class TestPlanner {

  private TestPlanner() {}

  static List<PlannedTest> plan(
      String packId,
      List<Path> classFolders,
      List<String> publicClasses,
      List<String> hiddenClasses) {
    Launcher launcher = launcher();
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    List<PlannedTest> plan = new ArrayList<>();
    URL[] urls = new URL[classFolders.size()];
    try {
      for (int i = 0; i < urls.length; i++) {
        urls[i] = classFolders.get(i).toUri().toURL();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (URLClassLoader loader = new URLClassLoader(urls, TestPlanner.class.getClassLoader())) {
      // Where JUnit looks a test's method up again (for its @DisplayName) it uses this loader.
      Thread.currentThread().setContextClassLoader(loader);
      for (String className : concat(publicClasses, hiddenClasses)) {
        boolean hidden = hiddenClasses.contains(className);
        Class<?> testClass;
        try {
          testClass = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
          throw new PackException(
              packId, "the test class " + className + " cannot be loaded: " + e);
        }
        TestPlan discovered =
            launcher.discover(
                LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(testClass))
                    .configurationParameter(
                        "junit.jupiter.extensions.autodetection.enabled", "false")
                    .build());
        int before = plan.size();
        for (TestIdentifier root : discovered.getRoots()) {
          collect(packId, discovered, root, className, hidden, plan);
        }
        if (plan.size() == before) {
          throw new PackException(packId, "the test class " + className + " has no tests");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      Thread.currentThread().setContextClassLoader(context);
    }
    return plan;
  }

  private static void collect(
      String packId,
      TestPlan discovered,
      TestIdentifier id,
      String className,
      boolean hidden,
      List<PlannedTest> plan) {
    if (id.getSource().orElse(null) instanceof MethodSource method) {
      if (!method.getJavaMethod().isAnnotationPresent(DisplayName.class)) {
        throw new PackException(
            packId,
            className
                + "#"
                + method.getMethodName()
                + " needs a @DisplayName: it is what students read");
      }
      plan.add(planned(packId, id, className, method.getMethodName(), hidden));
      return;
    }
    for (TestIdentifier child : discovered.getChildren(id)) {
      collect(packId, discovered, child, className, hidden, plan);
    }
  }

  private static PlannedTest planned(
      String packId, TestIdentifier id, String className, String method, boolean hidden) {
    Double points = null;
    Visibility visibility = hidden ? Visibility.AFTER_RELEASE : Visibility.VISIBLE;
    Set<TestTag> tags = id.getTags();
    for (TestTag tag : tags) {
      String t = tag.getName();
      try {
        if (t.startsWith("points=")) {
          points = Double.parseDouble(t.substring("points=".length()));
        } else if (t.startsWith("visibility=")) {
          visibility = Visibility.ofLabel(t.substring("visibility=".length()));
        }
      } catch (IllegalArgumentException e) {
        throw new PackException(
            packId, className + "#" + method + " has a bad tag '" + t + "': " + e.getMessage());
      }
    }
    if (points == null || points < 0 || points.isNaN()) {
      throw new PackException(
          packId, className + "#" + method + " needs a @Tag(\"points=N\") with N ≥ 0");
    }
    return new PlannedTest(
        id.getUniqueId(), className, method, id.getDisplayName(), points, visibility, hidden);
  }

  /**
   * A launcher with the Jupiter engine only and nothing found by service loading, configured as the
   * harness's {@code JupiterLauncher} inside the sandbox (which the catalog, outside grading, does
   * not depend on): the same discovery on both sides.
   */
  private static Launcher launcher() {
    return LauncherFactory.create(
        LauncherConfig.builder()
            .enableTestEngineAutoRegistration(false)
            .enableTestExecutionListenerAutoRegistration(false)
            .enableLauncherSessionListenerAutoRegistration(false)
            .enableLauncherDiscoveryListenerAutoRegistration(false)
            .enablePostDiscoveryFilterAutoRegistration(false)
            .addTestEngines(new JupiterTestEngine())
            .build());
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}

package org.pruninglab.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.pruninglab.TestFiles;

/**
 * The browser tests' app servers and browser, shared: one Chromium for the whole test run, and one
 * started app per {@link Family} — a server configuration that several test classes can share (same
 * data directory, packs, time zone, properties) — instead of one app per class. A class names its
 * family with {@link Shared}; before its first test, its static fields of type {@link LabServer}
 * and {@link Chromium} are set to the family's app and the run's browser.
 *
 * <p>An app takes about 20 s to start and the build machine has two cores, so only one family's app
 * runs at a time: the first class of another family (or a class that starts apps of its own, such
 * as {@code DurabilityBrowserIT}) stops it, and {@link ByFamily} (Failsafe's class orderer) runs
 * the classes of one family one after the other. Classes that share an app use accounts and
 * exercises of their own, or only read what others may change.
 */
final class LabServers implements BeforeAllCallback, AfterAllCallback {

  /** A server configuration; its app is started once per test run, in {@link #folder}. */
  interface Family {
    /** Starts the app; {@code folder} is empty and the family's own (data, packs). */
    LabServer start(Path folder) throws IOException;
  }

  /** The family whose app the annotated class shares. */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @ExtendWith(LabServers.class)
  @interface Shared {
    Class<? extends Family> value();
  }

  /**
   * The demo course with a lab room of {@link #LAB_ROOM} more students ({@code student001} …,
   * password {@code demo-student}), on the jar that the build packaged ({@code java -jar}, as a
   * course runs it). A {@code -Ddev} build packages a jar for development that cannot serve pages
   * on its own: there the app runs from the classes instead (and the test of the jar fails).
   */
  static final class DemoCourse implements Family {
    static final int LAB_ROOM = 40;

    @Override
    public LabServer start(Path folder) {
      Path data = folder.resolve("data");
      String room = "--lab.demo.extra-students=" + LAB_ROOM;
      LabServer server =
          LabServer.packagedForProduction()
              ? LabServer.startPackaged(data, room)
              : LabServer.start(data, room);
      // The demo course is made after the app starts serving (one bcrypt hash an account).
      if (!server.awaitLog(Pattern.compile("Demo course created"), Duration.ofMinutes(3))) {
        server.close();
        throw new IllegalStateException("No demo course; the log:\n" + server.log());
      }
      return server;
    }
  }

  /** The family's folder under {@code target/lab-servers}: its data directory, its packs. */
  static Path folder(Class<? extends Family> family) {
    return LabServer.projectDir().resolve("target/lab-servers").resolve(family.getSimpleName());
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    Class<?> test = context.getRequiredTestClass();
    Shared shared = AnnotationSupport.findAnnotation(test, Shared.class).orElse(null);
    State state = state(context);
    if (shared == null) {
      // The class starts apps of its own: not beside another one.
      state.stopServer();
    }
    for (Field field :
        ReflectionSupport.findFields(
            test, f -> Modifier.isStatic(f.getModifiers()), HierarchyTraversalMode.TOP_DOWN)) {
      if (field.getType() == Chromium.class) {
        field.setAccessible(true);
        field.set(null, state.chromium());
      } else if (field.getType() == LabServer.class && shared != null) {
        field.setAccessible(true);
        field.set(null, state.server(shared.value()));
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    state(context).chromium().closePages();
  }

  private static State state(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(LabServers.class))
        .getOrComputeIfAbsent(State.class, k -> new State(), State.class);
  }

  /** What the whole run shares; closed by JUnit when the run ends. */
  private static final class State implements ExtensionContext.Store.CloseableResource {
    private Chromium chromium;
    private Class<? extends Family> family;
    private LabServer server;

    synchronized Chromium chromium() {
      if (chromium == null) {
        chromium = new Chromium();
      }
      return chromium;
    }

    synchronized LabServer server(Class<? extends Family> wanted) {
      if (wanted.equals(family) && server.isAlive()) {
        return server;
      }
      stopServer();
      Path folder = folder(wanted);
      try {
        TestFiles.deleteRecursively(folder);
        Files.createDirectories(folder);
        server = wanted.getDeclaredConstructor().newInstance().start(folder);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(wanted + " needs a constructor without parameters", e);
      }
      family = wanted;
      return server;
    }

    synchronized void stopServer() {
      if (server != null) {
        server.close();
      }
      server = null;
      family = null;
    }

    @Override
    public synchronized void close() {
      stopServer();
      if (chromium != null) {
        chromium.close();
      }
    }
  }

  /**
   * Runs the classes of one family one after the other (where the first of them stood), the others
   * in the order given: so that each family's app starts once.
   */
  public static final class ByFamily implements ClassOrderer {
    @Override
    public void orderClasses(ClassOrdererContext context) {
      Map<Object, Integer> firstPlace = new HashMap<>();
      for (ClassDescriptor d : context.getClassDescriptors()) {
        firstPlace.putIfAbsent(family(d), firstPlace.size());
      }
      // A stable sort: the classes of a family keep their order among themselves.
      context.getClassDescriptors().sort(Comparator.comparing(d -> firstPlace.get(family(d))));
    }

    private static Object family(ClassDescriptor d) {
      return d.findAnnotation(Shared.class).<Object>map(Shared::value).orElse(d.getTestClass());
    }
  }
}

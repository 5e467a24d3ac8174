package org.pruninglab.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.pruninglab.compile.FileTrees;

/**
 * The class path of the sandbox JVM, gathered from the running application into one folder: the
 * jars of DJL, the PyTorch natives and the JUnit Platform, plus the lab kit's and the harness's
 * classes alone (no other application class, no configuration, no reference solution). Works the
 * same from {@code target/classes} (tests, {@code spring-boot:run}) and from the executable jar,
 * whose nested jars are copied out.
 */
public final class SandboxClasspath {

  /** A class or resource of each jar the sandbox needs. */
  private static final List<String> ANCHORS =
      List.of(
          "ai/djl/ndarray/NDArray.class",
          "ai/djl/pytorch/engine/PtEngine.class",
          "native/lib/pytorch.properties",
          "jnilib/pytorch.properties",
          "com/google/gson/Gson.class",
          "org/slf4j/LoggerFactory.class",
          "org/junit/platform/launcher/Launcher.class",
          "org/junit/platform/engine/TestEngine.class",
          "org/junit/platform/commons/util/ReflectionUtils.class",
          "org/junit/jupiter/api/Test.class",
          "org/junit/jupiter/engine/JupiterTestEngine.class",
          "org/junit/jupiter/params/ParameterizedTest.class",
          "org/opentest4j/AssertionFailedError.class",
          "org/apiguardian/api/API.class");

  /** The application's own packages that the sandbox gets. */
  static final List<String> OWN_PACKAGES =
      List.of("org/pruninglab/labkit/", "org/pruninglab/grading/harness/");

  /** The service file that registers the harness's Jupiter extension inside the sandbox. */
  static final String EXTENSION_SERVICE =
      "META-INF/services/org.junit.jupiter.api.extension.Extension";

  private final Path folder;
  private final List<Path> jars;
  private final Path classes;

  private SandboxClasspath(Path folder, List<Path> jars, Path classes) {
    this.folder = folder;
    this.jars = jars;
    this.classes = classes;
  }

  /**
   * Gathers (or refreshes) the class path into {@code folder}. The classes a running sandbox binds
   * are replaced only when this build's differ (another process of the same build may be grading
   * from them); {@link SandboxPreparation} makes processes on one host take turns here.
   */
  static SandboxClasspath prepare(Path folder) {
    try {
      return prepareClasses(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the sandbox class path in " + folder, e);
    }
  }

  private static SandboxClasspath prepareClasses(Path folder) throws IOException {
    Path lib = Files.createDirectories(folder.resolve("lib"));
    Path classes = folder.resolve("classes");
    Path fresh = folder.resolve("classes.new");
    FileTrees.deleteRecursively(fresh);
    Files.createDirectories(fresh);
    ClassLoader loader = SandboxClasspath.class.getClassLoader();
    Set<Path> jars = new LinkedHashSet<>();
    for (String anchor : ANCHORS) {
      URL url = loader.getResource(anchor);
      if (url == null) {
        if (anchor.startsWith("jnilib/") || anchor.startsWith("native/")) {
          continue; // natives may come from the engine cache instead
        }
        throw new IllegalStateException(
            "the sandbox needs " + anchor + ", which is not on the application's class path");
      }
      jars.add(jarOf(url, anchor, lib));
    }
    copyOwnClasses(loader, fresh);
    if (Files.isDirectory(classes) && digest(classes).equals(digest(fresh))) {
      FileTrees.deleteRecursively(fresh); // the same build: leave the folder running sandboxes bind
    } else {
      FileTrees.deleteRecursively(classes);
      Files.move(fresh, classes);
    }
    Files.createDirectories(folder.resolve("engine"));
    makeReadableByAll(folder);
    return new SandboxClasspath(folder, List.copyOf(jars), classes);
  }

  /** A digest of a folder's files: their relative paths and contents. */
  private static String digest(Path root) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        sha.update(root.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(Files.readAllBytes(f));
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  public Path folder() {
    return folder;
  }

  /** Pre-trained models for hidden tests, made once by a trusted process. */
  public Path fixtures() {
    return folder.resolve("fixtures");
  }

  /** Where the engine's native libraries are unpacked, once, by a trusted process. */
  public Path engineCache() {
    return folder.resolve("engine");
  }

  /** Jars and the classes folder, as paths on this machine (for compiling and for binding). */
  public List<Path> entries() {
    List<Path> all = new ArrayList<>(jars);
    all.add(classes);
    return all;
  }

  private static Path jarOf(URL url, String anchor, Path lib) throws IOException {
    String s = url.toString();
    if (s.startsWith("jar:")) {
      String inner = s.substring(4, s.lastIndexOf("!/"));
      if (inner.startsWith("file:")) {
        // Copied, not referenced: the sandbox user cannot read a build user's private Maven
        // repository, and the sandbox sees only this folder.
        Path source = toPath(inner);
        Path target = lib.resolve(source.getFileName().toString());
        if (!Files.exists(target)
            || Files.size(target) != Files.size(source)
            || !Files.getLastModifiedTime(target).equals(Files.getLastModifiedTime(source))) {
          Path tmp = lib.resolve(source.getFileName() + ".part");
          Files.copy(
              source, tmp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
          Files.move(
              tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return target;
      }
      // A jar nested in the executable jar (Spring Boot's "nested:" URLs): copy it out once.
      String name = inner.substring(inner.lastIndexOf('/') + 1);
      Path target = lib.resolve(name);
      if (!Files.exists(target)) {
        Path tmp = lib.resolve(name + ".part");
        try (InputStream in = new URL(inner).openStream()) {
          Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      }
      return target;
    }
    if (s.startsWith("file:")) {
      // A resource in a folder on the class path (an IDE or test run): that folder.
      Path root = toPath(s);
      for (int i = 0; i < anchor.split("/").length; i++) {
        root = root.getParent();
      }
      return root;
    }
    throw new IllegalStateException("cannot locate the jar of " + url);
  }

  private static void copyOwnClasses(ClassLoader loader, Path target) throws IOException {
    URL here = loader.getResource("org/pruninglab/labkit/LabEngine.class");
    if (here == null) {
      throw new IllegalStateException("the lab kit's classes are not on the class path");
    }
    String s = here.toString();
    if (s.startsWith("file:")) {
      Path root = toPath(s).getParent().getParent().getParent().getParent();
      copyPackages(root, target);
    } else if (s.startsWith("jar:")) {
      // Inside the executable jar: BOOT-INF/classes/... of the outer jar.
      String outer = s.substring(4, s.indexOf("!/"));
      if (outer.startsWith("nested:")) {
        outer = "file:" + outer.substring("nested:".length());
        outer = outer.substring(0, outer.indexOf("/!"));
      }
      try (FileSystem jar = FileSystems.newFileSystem(toPath(outer), Map.of())) {
        Path root = jar.getPath("/BOOT-INF/classes");
        if (!Files.isDirectory(root)) {
          root = jar.getPath("/");
        }
        copyPackages(root, target);
      }
    } else {
      throw new IllegalStateException("cannot copy the lab kit's classes from " + here);
    }
  }

  private static void copyPackages(Path root, Path target) throws IOException {
    Path service = root.resolve(EXTENSION_SERVICE);
    Path serviceTarget = target.resolve(EXTENSION_SERVICE);
    Files.createDirectories(serviceTarget.getParent());
    Files.copy(service, serviceTarget, StandardCopyOption.REPLACE_EXISTING);
    for (String pkg : OWN_PACKAGES) {
      Path from = root.resolve(pkg);
      try (Stream<Path> files = Files.walk(from)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Path to = target.resolve(root.relativize(f).toString());
          if (Files.isDirectory(f)) {
            Files.createDirectories(to);
          } else {
            Files.createDirectories(to.getParent());
            Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
  }

  private static Path toPath(String fileUrl) {
    try {
      return Path.of(new URI(fileUrl));
    } catch (URISyntaxException e) {
      throw new IllegalStateException("not a file URL: " + fileUrl, e);
    }
  }

  /** The sandbox runs as another user where the service runs as root; it must read these. */
  static void makeReadableByAll(Path folder) throws IOException {
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        p.toFile().setReadable(true, false);
        if (Files.isDirectory(p)) {
          p.toFile().setExecutable(true, false);
        }
      }
    }
  }
}

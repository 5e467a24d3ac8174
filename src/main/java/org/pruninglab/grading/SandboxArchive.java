package org.pruninglab.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.pruninglab.compile.FileTrees;
import org.pruninglab.grading.harness.ArchiveWarmUp;
import org.pruninglab.grading.harness.HarnessMain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The class-data-sharing archive (AppCDS) that every sandbox JVM maps read-only: the JDK's, JUnit's
 * and DJL's classes a grading loads, parsed and verified once per build instead of in every grading
 * (about 0.2 of the 2 core-seconds a kthvalue grading costs). Made by trusted processes only: a
 * harness run on {@link ArchiveWarmUp} lists the classes, a JVM in bubblewrap — where the jars have
 * the paths every sandbox sees, which the archive records — dumps them, and a sandbox JVM that must
 * map it checks the result. Without one (unsafe local mode, or any step failing) sandboxes run as
 * before.
 */
final class SandboxArchive {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxArchive.class);
  private static final String PREFIX = "sandbox-";
  private static final String SUFFIX = ".jsa";

  private SandboxArchive() {}

  /**
   * The archive for this class path and JDK, made now if missing; null where sandboxes go without.
   * Callers hold the sandbox folder's preparation lock.
   */
  static Path prepareLocked(SandboxSettings settings, SandboxClasspath cp) {
    if (settings.unsafeLocal()) {
      return null;
    }
    Path folder = cp.folder().resolve("cds");
    Path archive = folder.resolve(PREFIX + key(cp) + SUFFIX);
    if (Files.exists(archive)) {
      return archive;
    }
    Path work = null;
    try {
      Files.createDirectories(folder);
      work = Files.createTempDirectory(folder, "new-");
      Path classList = work.resolve("classes.list");
      listClasses(cp, classList);
      SandboxPreparation.run(
          new Sandbox(settings, cp).archiveCommand(classList, work, "sandbox.jsa"), 300);
      Path made = work.resolve("sandbox.jsa");
      SandboxClasspath.makeReadableByAll(work);
      SandboxPreparation.run(new Sandbox(settings, cp, made).archiveCheckCommand(), 60);
      Files.move(made, archive, StandardCopyOption.ATOMIC_MOVE);
      removeOthers(folder, archive);
      return archive;
    } catch (IOException | RuntimeException e) {
      LOG.warn("Sandbox JVMs start without a class-data archive (slower): {}", e.getMessage());
      return null;
    } finally {
      if (work != null) {
        try {
          FileTrees.deleteRecursively(work);
        } catch (IOException e) {
          // A leftover working folder holds only the class list.
        }
      }
    }
  }

  /** The JDK and the jars: what the archive depends on. */
  static String key(SandboxClasspath cp) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(System.getProperty("java.home").getBytes(StandardCharsets.UTF_8));
      sha.update(System.getProperty("java.vm.version").getBytes(StandardCharsets.UTF_8));
      for (Path p : cp.entries()) {
        if (Files.isRegularFile(p)) {
          sha.update(
              (p.getFileName()
                      + " "
                      + Files.size(p)
                      + " "
                      + Files.getLastModifiedTime(p).toMillis())
                  .getBytes(StandardCharsets.UTF_8));
        }
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A trusted harness run on the warm-up class, writing the names of the classes it loads. */
  private static void listClasses(SandboxClasspath cp, Path classList) throws IOException {
    String input =
        HexFormat.of().formatHex(new byte[32])
            + "\nseconds 60\nclass "
            + ArchiveWarmUp.class.getName()
            + "\n\n";
    String output =
        SandboxPreparation.runTrusted(
            cp,
            120,
            List.of(
                "-XX:DumpLoadedClassList=" + classList,
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Dlab.threads=1",
                "-Dlab.device=cpu",
                "-Dlab.pictures=false"),
            input,
            HarnessMain.class.getName());
    if (!output.contains("@@PLAB")) {
      throw new IllegalStateException("the warm-up run reported nothing");
    }
    if (!Files.isRegularFile(classList) || Files.size(classList) == 0) {
      throw new IllegalStateException("the warm-up run listed no classes");
    }
  }

  /** Archives of earlier builds: a sandbox that mapped one keeps it mapped after it is gone. */
  private static void removeOthers(Path folder, Path keep) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (!f.equals(keep) && name.startsWith(PREFIX) && name.endsWith(SUFFIX)) {
          Files.deleteIfExists(f);
        }
      }
    }
  }
}

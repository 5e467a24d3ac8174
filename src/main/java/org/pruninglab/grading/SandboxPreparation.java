package org.pruninglab.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.pruninglab.grading.harness.PrepareEngine;
import org.pruninglab.grading.harness.PrepareFixtures;
import org.pruninglab.labkit.fixtures.FixtureBuilders;

/**
 * Start-up work before any sandbox runs: gather the class path, unpack the engine's natives into
 * the read-only cache (a trusted JVM, outside the sandbox), and check that bubblewrap can create
 * its namespaces here.
 */
public final class SandboxPreparation {

  private SandboxPreparation() {}

  /**
   * The class path in {@code folder}, with the engine cache filled (fixtures are built for the
   * packs that declare them: {@link #prepareFixtures}). Processes on one host that share the folder
   * (a web node and its workers) take turns under a file lock.
   */
  public static SandboxClasspath prepare(Path folder) {
    return locked(folder, () -> prepareLocked(folder));
  }

  /**
   * The class-data archive every sandbox JVM of this class path maps (made now if missing), or null
   * where sandboxes run without one ({@link SandboxArchive}).
   */
  static Path prepareArchive(SandboxSettings settings, SandboxClasspath cp) {
    return locked(cp.folder(), () -> SandboxArchive.prepareLocked(settings, cp));
  }

  private static <T> T locked(Path folder, Supplier<T> work) {
    synchronized (SandboxPreparation.class) {
      try {
        Files.createDirectories(folder);
        try (FileChannel channel =
                FileChannel.open(
                    folder.resolve(".prepare.lock"),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.lock()) {
          return work.get();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot prepare the sandbox in " + folder, e);
      }
    }
  }

  private static SandboxClasspath prepareLocked(Path folder) {
    SandboxClasspath cp = SandboxClasspath.prepare(folder);
    Path ready = cp.engineCache().resolve(".ready");
    if (!Files.exists(ready)) {
      String output = runTrusted(cp, 300, PrepareEngine.class.getName());
      try {
        Files.writeString(ready, output);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      readableByAll(cp.engineCache());
    }
    return cp;
  }

  /**
   * Builds, in a trusted JVM outside any sandbox, the fixtures of {@code names} (and what they are
   * built from) that the class path's fixtures folder lacks; nothing when all are there.
   */
  public static void prepareFixtures(SandboxClasspath cp, Collection<String> names) {
    List<FixtureBuilders.Fixture> wanted = FixtureBuilders.withNeeds(names);
    if (wanted.stream().allMatch(f -> f.builtIn(cp.fixtures()))) {
      return;
    }
    locked(
        cp.folder(),
        () -> {
          if (!wanted.stream().allMatch(f -> f.builtIn(cp.fixtures()))) {
            List<String> args = new ArrayList<>(List.of(cp.fixtures().toString()));
            wanted.forEach(f -> args.add(f.name()));
            args.add(0, PrepareFixtures.class.getName());
            runTrusted(cp, 600, args.toArray(String[]::new));
            readableByAll(cp.fixtures());
          }
          return null;
        });
  }

  /** Runs one of the harness's preparation mains in a JVM outside any sandbox. */
  private static String runTrusted(SandboxClasspath cp, int seconds, String... mainAndArgs) {
    return runTrusted(cp, seconds, List.of(), "", mainAndArgs);
  }

  /**
   * As {@link #runTrusted(SandboxClasspath, int, String...)} with more JVM options and {@code
   * input} on its standard input; its output (standard error included) when it exits with 0.
   */
  static String runTrusted(
      SandboxClasspath cp,
      int seconds,
      List<String> jvmOptions,
      String input,
      String... mainAndArgs) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-DENGINE_CACHE_DIR=" + cp.engineCache(),
                "-Dai.djl.offline=true"));
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(cp.entries().stream().map(Path::toString).collect(Collectors.joining(":")));
    command.addAll(List.of(mainAndArgs));
    return run(command, seconds, input);
  }

  private static void readableByAll(Path folder) {
    try {
      SandboxClasspath.makeReadableByAll(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Null when bubblewrap works on this host, else why not, in one sentence an operator can act on.
   */
  public static String preflight(SandboxSettings settings) {
    List<String> command = new ArrayList<>();
    command.addAll(settings.userSwitch());
    command.addAll(
        List.of(
            settings.bwrap(),
            "--unshare-all",
            "--die-with-parent",
            "--new-session",
            "--clearenv",
            "--ro-bind",
            "/usr",
            "/usr",
            "--symlink",
            "usr/lib",
            "/lib",
            "--symlink",
            "usr/lib64",
            "/lib64",
            "--proc",
            "/proc",
            "--dev",
            "/dev",
            "--",
            "/usr/bin/true"));
    try {
      run(command, 30);
      return null;
    } catch (IllegalStateException e) {
      return "bubblewrap cannot create a sandbox on this host ("
          + e.getMessage()
          + "); install "
          + "the Debian package bubblewrap and allow unprivileged user namespaces "
          + "(sysctl kernel.unprivileged_userns_clone=1), or run with "
          + "lab.grading.unsafe-local=true on a single-user machine";
    }
  }

  /**
   * Null when every parent of {@code folders} lets other users through (o+x), which the
   * unprivileged sandbox user needs to reach the bound folders; else what to change.
   */
  static String reachableBySandboxUser(List<Path> folders) {
    for (Path folder : folders) {
      try {
        Files.createDirectories(folder);
      } catch (IOException e) {
        return "cannot create " + folder + ": " + e.getMessage();
      }
      for (Path p = folder.toAbsolutePath(); p != null; p = p.getParent()) {
        try {
          var perms = Files.getPosixFilePermissions(p);
          if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
            return "the sandbox user cannot reach "
                + folder
                + " because "
                + p
                + " is closed to other users; run chmod o+x "
                + p
                + " or set"
                + " lab.grading.sandbox-dir to a folder outside it";
          }
        } catch (IOException | UnsupportedOperationException e) {
          return "cannot read the permissions of " + p + ": " + e.getMessage();
        }
      }
    }
    return null;
  }

  /** Runs {@code command}; its output when it exits with 0, else why not. */
  static String run(List<String> command, int seconds) {
    return run(command, seconds, "");
  }

  private static String run(List<String> command, int seconds, String input) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (var in = p.getOutputStream()) {
        in.write(input.getBytes(StandardCharsets.UTF_8));
      }
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(command.get(0) + " did not finish in " + seconds + " s");
      }
      String text = new String(out, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        String last = text.lines().reduce((a, b) -> b).orElse("");
        throw new IllegalStateException(
            command.get(0) + " exited with " + p.exitValue() + (last.isEmpty() ? "" : ": " + last));
      }
      return text;
    } catch (IOException e) {
      throw new IllegalStateException(command.get(0) + " cannot be started: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    }
  }
}

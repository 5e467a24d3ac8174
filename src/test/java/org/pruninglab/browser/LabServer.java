package org.pruninglab.browser;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.pruninglab.TestFiles;

/**
 * The real application in a process of its own, on a free port, with the data directory the test
 * gives it: so that tests can stop it, kill it with SIGKILL and start it again on the same data.
 * Most test classes share one through {@link LabServers} instead of starting their own.
 */
final class LabServer implements AutoCloseable {

  private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  // The first start of a fresh clone runs npm and Vite for the development bundle.
  private static final Duration BUNDLE_TIMEOUT = Duration.ofMinutes(8);
  private static final Pattern BUNDLE_NEEDED =
      Pattern.compile("A development mode bundle build is needed");
  private static final Pattern BUNDLE_DONE =
      Pattern.compile("Development frontend bundle built|bundle build failed|Failed to build");

  private final Process process;
  private final StringBuffer log = new StringBuffer();
  private final Path logFile;
  private volatile int port = -1;
  private boolean packaged;

  private LabServer(Process process, Path logFile) {
    this.process = process;
    this.logFile = logFile;
    Thread reader = new Thread(this::pump, "lab-server-log");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts the app with the demo course on {@code dataDir} and waits until it serves pages. */
  static LabServer start(Path dataDir, String... extraArgs) {
    String classpath =
        Arrays.stream(
                System.getProperty(
                        "surefire.test.class.path", System.getProperty("java.class.path"))
                    .split(File.pathSeparator))
            .filter(entry -> !entry.endsWith("test-classes"))
            .collect(Collectors.joining(File.pathSeparator));
    return start(
        List.of("-cp", classpath, "org.pruninglab.PruningLabApplication"), dataDir, extraArgs);
  }

  /**
   * Starts the jar that {@code mvn package} made ({@code target/pruning-lab.jar}), as a course runs
   * it with {@code java -jar}: the build's own product, not the classes folder.
   */
  static LabServer startPackaged(Path dataDir, String... extraArgs) {
    Path jar = packagedJar();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run the package phase first");
    }
    LabServer server = start(List.of("-jar", jar.toString()), dataDir, extraArgs);
    server.packaged = true;
    return server;
  }

  /**
   * Whether {@code target/pruning-lab.jar} is there and a production build: a {@code -Ddev} build
   * packages Vaadin's development server into it, and that jar does not serve pages on its own.
   */
  static boolean packagedForProduction() {
    Path jar = packagedJar();
    if (!Files.isRegularFile(jar)) {
      return false;
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream().noneMatch(e -> e.getName().startsWith("BOOT-INF/lib/vaadin-dev-server"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether this app is the packaged jar, started with {@code java -jar}. */
  boolean packaged() {
    return packaged;
  }

  private static Path packagedJar() {
    return projectDir().resolve("target/pruning-lab.jar");
  }

  static Path projectDir() {
    return TestFiles.projectDir();
  }

  private static LabServer start(List<String> program, Path dataDir, String... extraArgs) {
    Path projectDir = projectDir();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx768m");
    command.add("-XX:TieredStopAtLevel=1");
    command.addAll(program);
    command.add("--server.port=0");
    command.add("--lab.data-dir=" + dataDir.toAbsolutePath());
    command.add(
        "--lab.grading.sandbox-dir=" + Path.of("target", "grading", "sandbox").toAbsolutePath());
    command.add("--spring.profiles.active=demo");
    // In a development-mode build (-Ddev), no dev-tools pop-ups over what the tests click.
    command.add("--vaadin.devmode.devTools.enabled=false");
    command.addAll(List.of(extraArgs));
    try {
      Files.createDirectories(projectDir.resolve("target/lab-server-logs"));
      Path logFile =
          Files.createTempFile(projectDir.resolve("target/lab-server-logs"), "server-", ".log");
      Process process =
          new ProcessBuilder(command)
              .directory(projectDir.toFile())
              .redirectErrorStream(true)
              .start();
      LabServer server = new LabServer(process, logFile);
      server.awaitStarted();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  String log() {
    return log.toString();
  }

  /** Waits until the log shows a line matching {@code pattern}; true if it did in time. */
  boolean awaitLog(Pattern pattern, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (pattern.matcher(log).find()) {
        return true;
      }
      if (!process.isAlive()) {
        return pattern.matcher(log).find();
      }
      sleep(10);
    }
    return false;
  }

  /** SIGTERM, as an operator stopping the service would; waits for the process to end. */
  void stop() {
    process.destroy();
    waitForExit();
  }

  /** SIGKILL: no shutdown hooks, no flushing, nothing. */
  void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop();
    }
  }

  private void awaitStarted() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      Matcher m = STARTED.matcher(log);
      if (m.find()) {
        port = Integer.parseInt(m.group(1));
        if (BUNDLE_NEEDED.matcher(log).find() && !awaitLog(BUNDLE_DONE, BUNDLE_TIMEOUT)) {
          process.destroyForcibly();
          throw new IllegalStateException("The frontend bundle was not built; the log:\n" + log);
        }
        return;
      }
      sleep(50);
    }
    process.destroyForcibly();
    throw new IllegalStateException("The app did not start; its log:\n" + log);
  }

  private void waitForExit() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void pump() {
    try (var in =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        var out = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        log.append(line).append('\n');
        out.write(line);
        out.newLine();
        out.flush();
      }
    } catch (IOException e) {
      log.append("[log reader stopped: ").append(e).append("]\n");
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package org.pruninglab.grading;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.crypto.Mac;
import org.pruninglab.grading.harness.HarnessMain;
import org.pruninglab.grading.harness.ProtocolLine;

/**
 * Runs the harness on a job's compiled classes in a separate JVM inside bubblewrap: no network, no
 * host file system but the JDK, the sandbox class path and the job (all read-only), a private
 * size-capped /tmp, its own PID namespace, a cleared environment, rlimits, and — where the service
 * runs as root — an unprivileged user. The run's secret goes in on standard input; only lines
 * signed with it count. Whatever happens, the run ends by the wall-clock limit with its whole
 * process tree killed.
 */
public final class Sandbox {

  /**
   * The sandbox's own environment, tuning only. PyTorch's OpenMP threads sleep between parallel
   * regions instead of spinning: with several sandboxes on one host, spinning threads take the
   * cores the others need. glibc keeps freed tensors' memory (up to 32 MB a block) for the next
   * ones instead of unmapping it: each fresh mapping cost page faults again, a tenth of a grading's
   * CPU.
   */
  static final Map<String, String> ENVIRONMENT =
      Map.of(
          "OMP_WAIT_POLICY", "PASSIVE",
          "MALLOC_MMAP_THRESHOLD_", Integer.toString(32 << 20),
          "MALLOC_TRIM_THRESHOLD_", Integer.toString(1 << 30),
          "MALLOC_TOP_PAD_", Integer.toString(64 << 20));

  private static final int STDERR_TAIL = 8 * 1024;
  private static final int MAX_LINE = 4 << 20;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** How often a running sandbox asks whether its job was cancelled. */
  private static final long STOP_POLL_NANOS = 500_000_000L;

  /** Where the folder of the protocol socket appears inside the sandbox. */
  static final String CHANNEL_IN_SANDBOX = "/sandbox/channel";

  /** Where the class-data archive appears inside the sandbox. */
  static final String ARCHIVE_IN_SANDBOX = "/sandbox/cds/sandbox.jsa";

  private final SandboxSettings settings;
  private final SandboxClasspath classpath;
  private final Path archive;

  public Sandbox(SandboxSettings settings, SandboxClasspath classpath) {
    this(settings, classpath, null);
  }

  /**
   * @param archive a class-data archive made by {@link SandboxArchive} for this class path, or null
   */
  public Sandbox(SandboxSettings settings, SandboxClasspath classpath, Path archive) {
    this.settings = settings;
    this.classpath = classpath;
    this.archive = settings.unsafeLocal() ? null : archive;
  }

  public SandboxSettings settings() {
    return settings;
  }

  public SandboxClasspath classpath() {
    return classpath;
  }

  /**
   * Runs one sandbox JVM on the job folder's {@code classes/} (student and test classes), with the
   * job's own options (its device, whether tests record pictures), handing each verified line to
   * {@code onMessage} live. The signed lines travel on a socket of their own: what the JVM writes
   * to its standard output and error is drained and kept only as a short tail for the logs, and
   * nothing written there counts towards a verdict.
   */
  public SandboxOutcome run(
      SandboxJob job, Limits limits, Consumer<String> onMessage, RunOptions options)
      throws IOException {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    Mac mac = ProtocolLine.mac(secret);
    ProtocolSocket socket = ProtocolSocket.open();
    try {
      return run(job, limits, onMessage, options, secret, mac, socket);
    } finally {
      socket.close();
    }
  }

  private SandboxOutcome run(
      SandboxJob job,
      Limits limits,
      Consumer<String> onMessage,
      RunOptions options,
      byte[] secret,
      Mac mac,
      ProtocolSocket socket)
      throws IOException {
    List<String> command = command(job.classes(), limits, options, socket.path());
    long start = System.nanoTime();
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(ENVIRONMENT);
    Process process = builder.start();
    List<String> messages = new ArrayList<>();
    AtomicLong firstLine = new AtomicLong(-1);
    AtomicBoolean protocolExceeded = new AtomicBoolean();
    OutputTail tail = new OutputTail(STDERR_TAIL);

    Thread protocol =
        daemon(
            "sandbox-protocol",
            () -> {
              long seq = 0;
              long[] bytes = {0};
              try (InputStream in = new BufferedInputStream(socket.accept(), 1 << 16)) {
                for (String line; (line = readLine(in, bytes, limits.outputBytes())) != null; ) {
                  String json = ProtocolLine.verify(mac, seq, line);
                  if (json != null) {
                    seq++;
                    firstLine.compareAndSet(-1, System.nanoTime());
                    synchronized (messages) {
                      messages.add(json);
                    }
                    onMessage.accept(json);
                  }
                }
              } catch (IOException e) {
                // The process ended or was killed; what was read counts.
              }
              if (bytes[0] > limits.outputBytes()) {
                protocolExceeded.set(true);
                killTree(process);
              }
            });
    Thread stdout = drain("sandbox-stdout", process.getInputStream(), tail);
    Thread stderr = drain("sandbox-stderr", process.getErrorStream(), tail);

    try (OutputStream in = process.getOutputStream()) {
      in.write(
          (HexFormat.of().formatHex(secret) + "\n" + job.describe())
              .getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // The sandbox died before reading its input; the outcome says how.
    }
    boolean timedOut = false;
    boolean stopped = false;
    try {
      long until = start + limits.wallSeconds() * 1_000_000_000L;
      while (true) {
        long left = until - System.nanoTime();
        if (left <= 0) {
          timedOut = true;
          killTree(process);
          break;
        }
        if (process.waitFor(Math.min(left, STOP_POLL_NANOS), TimeUnit.NANOSECONDS)) {
          break;
        }
        if (options.stopRequested().getAsBoolean()) {
          stopped = true;
          killTree(process);
          break;
        }
      }
      process.waitFor(10, TimeUnit.SECONDS);
      socket.close();
      protocol.join(5_000);
      socket.closeConnection();
      stdout.join(2_000);
      stderr.join(2_000);
    } catch (InterruptedException e) {
      killTree(process);
      Thread.currentThread().interrupt();
    }
    killTree(process);
    long end = System.nanoTime();
    List<String> copy;
    synchronized (messages) {
      copy = List.copyOf(messages);
    }
    return new SandboxOutcome(
        copy,
        process.isAlive() ? -1 : process.exitValue(),
        timedOut,
        protocolExceeded.get(),
        stopped,
        tail.text(),
        firstLine.get() < 0 ? 0 : (firstLine.get() - start) / 1_000_000,
        (end - start) / 1_000_000);
  }

  /** Reads an untrusted stream to its end, keeping only its last bytes. */
  private static Thread drain(String name, InputStream stream, OutputTail tail) {
    return daemon(
        name,
        () -> {
          byte[] buffer = new byte[8192];
          try (InputStream in = stream) {
            for (int n; (n = in.read(buffer)) > 0; ) {
              tail.write(buffer, n);
            }
          } catch (IOException e) {
            // Killed.
          }
        });
  }

  /** The full command line: setpriv (as root) → bwrap → prlimit → java harness. */
  List<String> command(Path jobClasses, Limits limits) {
    return command(
        jobClasses, limits, RunOptions.on(settings.device()), Path.of("/tmp/channel/socket"));
  }

  private List<String> command(
      Path jobClasses, Limits limits, RunOptions options, Path socketPath) {
    if (settings.unsafeLocal()) {
      return unsafeCommand(jobClasses, limits, options, socketPath.toString());
    }
    List<String> c = new ArrayList<>();
    c.addAll(settings.userSwitch());
    c.addAll(namespaces(limits));
    c.addAll(
        List.of(
            "--ro-bind",
            jobClasses.toString(),
            "/sandbox/job",
            "--ro-bind",
            classpath.engineCache().toString(),
            "/sandbox/engine",
            "--ro-bind-try",
            classpath.fixtures().toString(),
            "/sandbox/fixtures",
            "--ro-bind",
            socketPath.getParent().toString(),
            CHANNEL_IN_SANDBOX));
    if (archive != null) {
      // "try": a newer build on this host may have replaced the archive; the JVM then runs
      // without one (-Xshare:auto) instead of failing to start.
      c.addAll(List.of("--ro-bind-try", archive.toString(), ARCHIVE_IN_SANDBOX));
    }
    for (Path dev : settings.gpuDevices()) {
      c.addAll(List.of("--dev-bind", dev.toString(), dev.toString()));
    }
    // Everything but the size-capped /tmp is read-only: what one job can write is bounded by it.
    c.addAll(List.of("--remount-ro", "/dev", "--remount-ro", "/"));
    c.addAll(
        List.of(
            "--",
            "/usr/bin/prlimit",
            "--core=0",
            "--nofile=1024",
            "--fsize=" + limits.tmpBytes(),
            "--cpu=" + (2L * limits.wallSeconds() + 5),
            "--data=" + ((long) limits.nativeMegabytes() << 20)));
    if (settings.dropToUser()) {
      // Set inside the sandbox's own user namespace, so the kernel counts it per sandbox, not per
      // user: one job's thread bomb cannot starve a job beside it (GradingTrustTest).
      c.add("--nproc=" + limits.processes());
    }
    c.add("--");
    c.addAll(
        java(
            javaHome(),
            limits,
            "/sandbox/engine",
            "/sandbox/fixtures",
            CHANNEL_IN_SANDBOX + "/" + socketPath.getFileName(),
            sandboxClassPath(),
            options));
    return c;
  }

  /**
   * The trusted command that writes the class-data archive of the sandbox's class path to {@code
   * folder}/{@code name}: bubblewrap binds the jars where every sandbox sees them, since the
   * archive records their paths. It runs as the service's user (the JDK and the jars only, no job).
   */
  List<String> archiveCommand(Path classList, Path folder, String name) {
    List<String> c = new ArrayList<>(namespaces(Limits.defaults()));
    c.addAll(List.of("--ro-bind", classList.toString(), "/sandbox/classes.list"));
    c.addAll(List.of("--bind", folder.toString(), "/sandbox/cds"));
    c.add("--");
    c.add(javaHome().resolve("bin/java").toString());
    c.addAll(archiveCompatibleOptions(Limits.defaults()));
    c.addAll(
        List.of(
            "-Xshare:dump",
            "-XX:SharedClassListFile=/sandbox/classes.list",
            "-XX:SharedArchiveFile=/sandbox/cds/" + name,
            "-cp",
            String.join(":", jarsInSandbox())));
    return c;
  }

  /**
   * A sandbox JVM that must map the archive ({@code -Xshare:on}) and prints its version: exit
   * status 0 when the archive is usable there.
   */
  List<String> archiveCheckCommand() {
    List<String> c = new ArrayList<>(settings.userSwitch());
    c.addAll(namespaces(Limits.defaults()));
    c.addAll(List.of("--ro-bind", archive.toString(), ARCHIVE_IN_SANDBOX));
    c.add("--");
    c.add(javaHome().resolve("bin/java").toString());
    c.addAll(archiveCompatibleOptions(Limits.defaults()));
    c.addAll(
        List.of(
            "-Xshare:on",
            "-XX:SharedArchiveFile=" + ARCHIVE_IN_SANDBOX,
            "-cp",
            sandboxClassPath(),
            "-version"));
    return c;
  }

  private static Path javaHome() {
    return Path.of(System.getProperty("java.home")).toAbsolutePath();
  }

  /** bubblewrap with everything every sandboxed JVM gets: namespaces, libraries, the class path. */
  private List<String> namespaces(Limits limits) {
    Path javaHome = javaHome();
    List<String> c = new ArrayList<>();
    c.addAll(
        List.of(
            settings.bwrap(),
            "--unshare-all",
            "--die-with-parent",
            "--new-session",
            "--clearenv",
            "--cap-drop",
            "ALL",
            // Libraries only: no shell and no other program to start, but the rlimit wrapper.
            "--ro-bind",
            "/usr/lib",
            "/usr/lib",
            "--ro-bind-try",
            "/usr/lib64",
            "/usr/lib64",
            "--ro-bind",
            "/usr/bin/prlimit",
            "/usr/bin/prlimit",
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
            "--size",
            Long.toString(limits.tmpBytes()),
            "--tmpfs",
            "/tmp",
            "--dir",
            "/sandbox",
            "--chdir",
            "/tmp",
            "--setenv",
            "HOME",
            "/tmp",
            "--setenv",
            "LANG",
            "C.UTF-8"));
    ENVIRONMENT.forEach((name, value) -> c.addAll(List.of("--setenv", name, value)));
    for (Path entry : classpath.entries()) {
      c.addAll(List.of("--ro-bind", entry.toString(), inSandbox(entry)));
    }
    if (settings.fashionMnistDir() != null && Files.isDirectory(settings.fashionMnistDir())) {
      String data = settings.fashionMnistDir().toString();
      c.addAll(List.of("--ro-bind", data, data));
    }
    for (Path etc : jdkConfiguration(javaHome)) {
      c.addAll(List.of("--ro-bind", etc.toString(), etc.toString()));
    }
    if (!javaHome.startsWith("/usr/lib/")) {
      c.addAll(List.of("--ro-bind", javaHome.toString(), javaHome.toString()));
    }
    return c;
  }

  /**
   * The jars first — the archive covers exactly them, and must be a prefix of the class path — then
   * the lab kit's classes, the tests, and the student's classes last: a student class named like a
   * test or a library class cannot shadow it.
   */
  private String sandboxClassPath() {
    List<String> parts = new ArrayList<>();
    for (Path p : classpath.entries()) {
      parts.add(inSandbox(p));
    }
    parts.add("/sandbox/job/tests");
    parts.add("/sandbox/job/student");
    return String.join(":", parts);
  }

  /** The class path's jars as the sandbox sees them, in class path order. */
  private List<String> jarsInSandbox() {
    return classpath.entries().stream()
        .filter(p -> p.getFileName().toString().endsWith(".jar"))
        .map(Sandbox::inSandbox)
        .toList();
  }

  /**
   * Unsafe local mode: the same JVM, limits and protocol, but no namespaces and no user change.
   * Only for a single-user machine; the app shows the mode prominently.
   */
  private List<String> unsafeCommand(
      Path jobClasses, Limits limits, RunOptions options, String socketPath) {
    Path javaHome = javaHome();
    List<String> c =
        new ArrayList<>(
            List.of(
                "/usr/bin/prlimit",
                "--core=0",
                "--nofile=1024",
                "--cpu=" + (2L * limits.wallSeconds() + 5),
                "--"));
    List<String> cp = new ArrayList<>();
    classpath.entries().forEach(e -> cp.add(e.toString()));
    cp.add(jobClasses.resolve("tests").toString());
    cp.add(jobClasses.resolve("student").toString());
    c.addAll(
        java(
            javaHome,
            limits,
            classpath.engineCache().toString(),
            classpath.fixtures().toString(),
            socketPath,
            String.join(":", cp),
            options));
    return c;
  }

  private List<String> java(
      Path javaHome,
      Limits limits,
      String engineDir,
      String fixturesDir,
      String channel,
      String classPath,
      RunOptions options) {
    List<String> c = new ArrayList<>();
    c.add(javaHome.resolve("bin/java").toString());
    c.addAll(archiveCompatibleOptions(limits));
    c.addAll(
        List.of(
            "-Xss1m",
            "-XX:MaxDirectMemorySize=128m",
            "-XX:MaxMetaspaceSize=256m",
            "-XX:ActiveProcessorCount=" + settings.threads(),
            "-XX:+DisableAttachMechanism",
            "-XX:+ExitOnOutOfMemoryError",
            // The JVM's own messages (an out-of-memory exit) go to standard error, never to the
            // protocol stream.
            "-XX:+DisplayVMOutputToStderr",
            "-XX:-UsePerfData",
            "-XX:TieredStopAtLevel=1",
            "-Xshare:auto"));
    if (archive != null) {
      // Where the archive cannot be mapped, -Xshare:auto runs on without it.
      c.add("-XX:SharedArchiveFile=" + ARCHIVE_IN_SANDBOX);
    }
    c.addAll(
        List.of(
            "-Djava.io.tmpdir=/tmp",
            "-Dai.djl.offline=true",
            "-DENGINE_CACHE_DIR=" + engineDir,
            "-Dlab.fixtures=" + fixturesDir,
            "-Dlab.channel=" + channel,
            "-Dlab.threads=" + settings.threads(),
            "-Dlab.device=" + options.device(),
            "-Dlab.pictures=" + options.pictures(),
            "-Dlab.data.fashion-mnist-dir=" + settings.fashionMnistDir(),
            "-cp",
            classPath,
            HarnessMain.class.getName()));
    return c;
  }

  /** What an archive and the JVMs that map it must agree on: heap size and collector. */
  private static List<String> archiveCompatibleOptions(Limits limits) {
    return List.of("-Xmx" + limits.heapMegabytes() + "m", "-XX:+UseSerialGC");
  }

  /** Where a class path entry appears inside the sandbox: each jar and folder by its name. */
  private static String inSandbox(Path entry) {
    return "/sandbox/cp/" + entry.getFileName();
  }

  /** The next line, or null at the end or once more than {@code limit} bytes came in all. */
  private static String readLine(InputStream in, long[] total, long limit) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (++total[0] > limit) {
        return null;
      }
      if (b == '\n') {
        return line.toString(StandardCharsets.UTF_8);
      }
      if (line.size() < MAX_LINE) {
        line.write(b);
      }
    }
    return line.size() > 0 ? line.toString(StandardCharsets.UTF_8) : null;
  }

  /**
   * Debian's JDKs keep their configuration (java.security and friends) under /etc and link to it
   * from java.home/conf: those folders, read-only, and nothing else of /etc.
   */
  static List<Path> jdkConfiguration(Path javaHome) {
    List<Path> out = new ArrayList<>();
    try (var files = Files.walk(javaHome.resolve("conf"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (Files.isSymbolicLink(f)) {
          Path target = f.toRealPath();
          if (target.startsWith("/etc")) {
            Path top = target.getRoot().resolve(target.subpath(0, 2));
            if (!out.contains(top)) {
              out.add(top);
            }
          }
        }
      }
    } catch (IOException e) {
      // No conf folder to inspect: nothing to bind.
    }
    return out;
  }

  private static Thread daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void killTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}

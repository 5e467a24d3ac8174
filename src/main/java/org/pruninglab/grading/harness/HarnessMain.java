package org.pruninglab.grading.harness;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.pruninglab.labkit.LabEngine;

/**
 * Entry point of the sandbox JVM. It first connects to the protocol socket the trusted side named
 * in {@code lab.channel} (only the first connection is accepted, and the socket is removed then, so
 * student code cannot reach it); standard input then carries the run's secret (hex) and the {@link
 * Job}. The harness hides the real standard output and error from the tests, runs the selected
 * tests with only the Jupiter engine (no auto-detected engines, listeners or extensions but its
 * own), sends one signed line per event and a final signed {@code end} line, and halts — so no hook
 * of the student's runs after. Without {@code lab.channel} (the trusted warm-up run only) the lines
 * go to standard output.
 */
public final class HarnessMain {

  static final int OUTPUT_LIMIT = 64 * 1024;

  private HarnessMain() {}

  public static void main(String[] args) throws Exception {
    OutputStream protocol = protocolStream(System.getProperty("lab.channel"));
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String secret = in.readLine();
    Job job = secret == null ? null : Job.read(in);
    System.setIn(new ByteArrayInputStream(new byte[0]));
    if (job == null) {
      System.err.println("harness: no secret or job on standard input");
      Runtime.getRuntime().halt(2);
      return;
    }
    SignedChannel channel =
        new SignedChannel(ProtocolLine.mac(HexFormat.of().parseHex(secret)), protocol);
    secret = null;
    TimeLimit.set(job.perTestSeconds());

    preloadEngine(channel);
    TestOutput output = new TestOutput(OUTPUT_LIMIT);
    PrintStream capture = new PrintStream(output, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    // A Java-level exit (System.exit) runs shutdown hooks; the JVM's own exit on running out of
    // memory does not. The trusted side tells the two apart by this line.
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> channel.send("{\"type\":\"exit\"}"), "harness-exit"));

    LauncherDiscoveryRequestBuilder request =
        LauncherDiscoveryRequestBuilder.request()
            // The harness keeps the time limits itself (EngineThreadExtension).
            .configurationParameter("junit.jupiter.execution.timeout.mode", "disabled")
            // Only the harness's own service file is found: the job holds nothing but class files.
            .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
            .configurationParameter("junit.jupiter.execution.parallel.enabled", "false");
    ClassLoader loader = HarnessMain.class.getClassLoader();
    for (String name : job.classes()) {
      request.selectors(selectClass(Class.forName(name, false, loader)));
    }
    for (String id : job.tests()) {
      request.selectors(selectUniqueId(id));
    }
    Launcher launcher = JupiterLauncher.create();
    launcher.execute(request.build(), new ReportingListener(channel, output, job.studentClasses()));

    channel.send("{\"type\":\"output\",\"text\":" + Json.string(output.take("")) + "}");
    channel.send("{\"type\":\"end\"}");
    Runtime.getRuntime().halt(0);
  }

  private static OutputStream protocolStream(String channelPath) throws IOException {
    if (channelPath == null || channelPath.isEmpty()) {
      return new PrintStream(new FileOutputStream(FileDescriptor.out), false);
    }
    SocketChannel socket = SocketChannel.open(StandardProtocolFamily.UNIX);
    socket.connect(UnixDomainSocketAddress.of(channelPath));
    return new BufferedOutputStream(Channels.newOutputStream(socket), 1 << 16);
  }

  /**
   * Loads the tensor engine before any test, so its start-up time is not charged to the first test
   * and its log lines do not appear in the student's output.
   */
  private static void preloadEngine(SignedChannel channel) {
    long start = System.nanoTime();
    String device = LabEngine.deviceName();
    channel.send(
        "{\"type\":\"engine\",\"millis\":"
            + (System.nanoTime() - start) / 1_000_000
            + ",\"device\":"
            + Json.string(device)
            + "}");
  }
}

package org.pruninglab.grading.harness;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * Entry point of the sandbox JVM. Standard input carries two lines from the trusted side: the run's
 * secret (hex) and the job ({@code <per-test seconds> <test class> <test class> …}). The harness
 * then hides the real standard output from the tests, runs the test classes with only the Jupiter
 * engine (no auto-detected engines, listeners or extensions), sends one signed line per result and
 * a final signed {@code end} line, and halts — so no hook of the student's runs after.
 */
public final class HarnessMain {

  static final int OUTPUT_LIMIT = 64 * 1024;

  private HarnessMain() {}

  public static void main(String[] args) throws Exception {
    PrintStream protocol =
        new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String secret = in.readLine();
    String job = in.readLine();
    System.setIn(new ByteArrayInputStream(new byte[0]));
    if (secret == null || job == null) {
      System.err.println("harness: no secret or job on standard input");
      Runtime.getRuntime().halt(2);
      return;
    }
    SignedChannel channel =
        new SignedChannel(ProtocolLine.mac(HexFormat.of().parseHex(secret)), protocol);
    secret = null;
    List<String> words = Arrays.asList(job.trim().split(" +"));
    int perTestSeconds = Integer.parseInt(words.get(0));
    List<String> testClasses = words.subList(1, words.size());

    preloadEngine(channel);
    CappedOutput captured = new CappedOutput(OUTPUT_LIMIT);
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);

    LauncherDiscoveryRequestBuilder request =
        LauncherDiscoveryRequestBuilder.request()
            .configurationParameter(
                "junit.jupiter.execution.timeout.default", perTestSeconds + " s")
            .configurationParameter("junit.jupiter.execution.timeout.mode", "enabled")
            .configurationParameter(
                "junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
            // Only the harness's own service file is found: the job holds nothing but class files.
            .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
            .configurationParameter("junit.jupiter.execution.parallel.enabled", "false");
    ClassLoader loader = HarnessMain.class.getClassLoader();
    for (String name : testClasses) {
      request.selectors(selectClass(Class.forName(name, false, loader)));
    }
    LauncherDiscoveryRequest discovery = request.build();
    Launcher launcher = JupiterLauncher.create();
    launcher.execute(discovery, new ReportingListener(channel));

    channel.send("{\"type\":\"output\",\"text\":" + Json.string(captured.text()) + "}");
    channel.send("{\"type\":\"end\"}");
    protocol.flush();
    Runtime.getRuntime().halt(0);
  }

  /**
   * Loads the tensor engine before any test, so its start-up time is not charged to the first test
   * and its log lines do not appear in the student's output.
   */
  private static void preloadEngine(SignedChannel channel) {
    long start = System.nanoTime();
    String device = org.pruninglab.labkit.LabEngine.deviceName();
    channel.send(
        "{\"type\":\"engine\",\"millis\":"
            + (System.nanoTime() - start) / 1_000_000
            + ",\"device\":"
            + Json.string(device)
            + "}");
  }
}

package org.pruninglab.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.pruninglab.exercise.PlannedTest;

/**
 * Runs a job's planned tests in as many sandbox JVMs as it takes, within the job's wall-clock
 * limit: when a test ran past its time limit (its thread may still be running), or the JVM ended
 * while a test ran (out of memory, an exit, a crash), that test gets its verdict and a fresh JVM
 * runs the tests left. Verdicts come from trusted signals only — the harness's signed lines, the
 * exit status of {@code -XX:+ExitOnOutOfMemoryError} (3, with no signed Java-level exit), the wall
 * clock — never from what the sandbox printed.
 */
final class SandboxSession {

  /** Fresh JVMs after the JVM ended during a test; time limits restart as long as time is left. */
  static final int MAX_CRASH_RESTARTS = 2;

  /** The exit status of a JVM that ran out of memory under {@code -XX:+ExitOnOutOfMemoryError}. */
  static final int OUT_OF_MEMORY_EXIT = 3;

  private static final ObjectMapper JSON = new ObjectMapper();

  private SandboxSession() {}

  /**
   * What all the JVMs of one job reported.
   *
   * @param messages every verified line of every JVM, then the trusted side's own verdicts for
   *     tests a JVM died in, in order
   * @param verdict the first limit the job ran into, or OK
   * @param endReason why tests left without a result have none, or null
   * @param firstLineMillis from the first launch to its first verified line
   * @param jvms how many sandbox JVMs ran
   */
  record Outcome(
      List<String> messages, Verdict verdict, String endReason, long firstLineMillis, int jvms) {}

  static Outcome run(
      Sandbox sandbox,
      Path classes,
      List<PlannedTest> plan,
      List<String> studentClasses,
      Limits limits,
      Consumer<String> onMessage,
      RunOptions options)
      throws IOException {
    long deadline = System.nanoTime() + limits.wallSeconds() * 1_000_000_000L;
    List<String> all = new ArrayList<>();
    Set<String> resulted = new HashSet<>();
    Set<String> failedContainers = new HashSet<>();
    Verdict verdict = Verdict.OK;
    String endReason = null;
    long firstLine = -1;
    int jvms = 0;
    int crashes = 0;
    List<String> remaining = plan.stream().map(PlannedTest::id).toList();
    while (!remaining.isEmpty()) {
      long left = (deadline - System.nanoTime()) / 1_000_000_000L;
      if (left < 1) {
        verdict = first(verdict, Verdict.TIME_LIMIT);
        endReason = wallReason(limits);
        break;
      }
      SandboxOutcome o =
          sandbox.run(
              new SandboxJob(classes, remaining, studentClasses, limits.perTestSeconds()),
              limits.withWallSeconds((int) left),
              onMessage,
              options);
      jvms++;
      if (firstLine < 0) {
        firstLine = o.firstLineMillis();
      }
      all.addAll(o.messages());
      Lines lines = Lines.of(o.messages());
      resulted.addAll(lines.results());
      failedContainers.addAll(lines.failedContainers(plan));
      List<String> unfinished = new ArrayList<>(lines.started());
      unfinished.removeAll(lines.results());
      // Only tests carry verdicts; the class around them is merely still open.
      unfinished.removeIf(
          id -> plan.stream().noneMatch(t -> id.equals(t.id()) || id.startsWith(t.id() + "/")));
      if (o.stopped()) {
        verdict = Verdict.CANCELLED;
        endReason = "the run was cancelled";
        break;
      }
      if (o.outputExceeded()) {
        verdict = first(verdict, Verdict.OUTPUT_LIMIT);
        endReason = "the run sent more than the limit of " + limits.outputBytes() + " bytes";
        break;
      }
      if (o.timedOut()) {
        verdict = first(verdict, Verdict.TIME_LIMIT);
        endReason = wallReason(limits);
        all.addAll(verdicts(unfinished, "timeout", "Time limit: " + endReason + "."));
        break;
      }
      if (lines.ended()) {
        break;
      }
      if (lines.restart()) {
        verdict = first(verdict, Verdict.TIME_LIMIT);
      } else {
        boolean memory = o.exitCode() == OUT_OF_MEMORY_EXIT && !lines.exited();
        Verdict died = memory ? Verdict.MEMORY_LIMIT : Verdict.CRASHED;
        verdict = first(verdict, died);
        String why =
            memory
                ? String.format(
                    Locale.ROOT,
                    "Memory limit: the test JVM ran out of its %d MB of heap while this test ran.",
                    limits.heapMegabytes())
                : "The test JVM ended while this test ran (did the code exit the JVM, or crash"
                    + " it?).";
        all.addAll(verdicts(unfinished, memory ? "memory" : "crashed", why));
        resulted.addAll(unfinished);
        endReason =
            memory
                ? "the test JVM ran out of memory (" + limits.heapMegabytes() + " MB of heap)"
                : "the test JVM ended early (did the code exit the JVM or crash it?)";
        if (unfinished.isEmpty() || ++crashes > MAX_CRASH_RESTARTS) {
          break;
        }
      }
      List<String> next = new ArrayList<>();
      for (String id : remaining) {
        if (!resulted.contains(id)
            && failedContainers.stream().noneMatch(c -> id.startsWith(c + "/"))) {
          next.add(id);
        }
      }
      if (next.size() == remaining.size()) {
        break; // No test got a result: another JVM would do the same.
      }
      remaining = next;
    }
    return new Outcome(all, verdict, endReason, Math.max(0, firstLine), jvms);
  }

  private static Verdict first(Verdict sofar, Verdict now) {
    return sofar == Verdict.OK ? now : sofar;
  }

  private static String wallReason(Limits limits) {
    return "the run was stopped at the time limit of " + limits.wallSeconds() + " seconds";
  }

  /** The trusted side's own result lines for tests a JVM ended in. */
  private static List<String> verdicts(List<String> ids, String status, String message) {
    List<String> out = new ArrayList<>();
    for (String id : ids) {
      ObjectNode n = JSON.createObjectNode();
      n.put("type", "result").put("id", id).put("status", status).put("message", message);
      n.put("millis", 0);
      out.add(n.toString());
    }
    return out;
  }

  /** What one JVM's lines say about the run's course. */
  private record Lines(
      Set<String> started,
      Set<String> results,
      List<JsonNode> resultNodes,
      boolean restart,
      boolean ended,
      boolean exited) {

    static Lines of(List<String> messages) {
      Set<String> started = new LinkedHashSet<>();
      Set<String> results = new LinkedHashSet<>();
      List<JsonNode> nodes = new ArrayList<>();
      boolean restart = false;
      boolean ended = false;
      boolean exited = false;
      for (String m : messages) {
        JsonNode n;
        try {
          n = JSON.readTree(m);
        } catch (IOException e) {
          continue;
        }
        switch (n.path("type").asText()) {
          case "started" -> started.add(n.path("id").asText());
          case "result" -> {
            results.add(n.path("id").asText());
            nodes.add(n);
          }
          case "restart" -> restart = true;
          case "end" -> ended = true;
          case "exit" -> exited = true;
          default -> {}
        }
      }
      return new Lines(started, results, nodes, restart, ended, exited);
    }

    /** Containers above planned tests whose set-up failed: their tests are not run again. */
    Set<String> failedContainers(List<PlannedTest> plan) {
      Set<String> out = new HashSet<>();
      for (JsonNode n : resultNodes) {
        String id = n.path("id").asText();
        if (!"passed".equals(n.path("status").asText())
            && plan.stream().anyMatch(t -> t.id().startsWith(id + "/"))) {
          out.add(id);
        }
      }
      return out;
    }
  }
}

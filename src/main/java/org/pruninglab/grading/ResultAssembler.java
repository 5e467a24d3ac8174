package org.pruninglab.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pruninglab.exercise.PlannedTest;
import org.pruninglab.grading.harness.ResultNames;

/**
 * Turns the verified lines of a job's sandbox runs (and the trusted side's own verdicts for tests a
 * JVM ended in) into per-test results, using the trusted test plan: a planned test passes only if
 * it and every invocation under it reported success; a test that did not report is failed; points
 * come from the plan. Lines about tests outside the plan are ignored. What a test printed stays
 * with that test; what was printed outside any test is kept apart.
 */
final class ResultAssembler {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_PICTURES = 32;

  private ResultAssembler() {}

  /** What the lines said, assembled. */
  record Assembled(
      List<TestResult> tests,
      Map<String, Object> metrics,
      List<RecordedPicture> pictures,
      String outsideTests,
      long engineMillis,
      long testMillis) {}

  static Assembled assemble(List<PlannedTest> plan, List<String> messages, String endReason) {
    Map<String, String> status = new HashMap<>();
    Map<String, String> message = new HashMap<>();
    Map<String, Long> millis = new HashMap<>();
    Map<String, StringBuilder> printed = new HashMap<>();
    Map<String, Object> metrics = new TreeMap<>();
    List<RecordedPicture> pictures = new ArrayList<>();
    StringBuilder output = new StringBuilder();
    long engine = 0;
    for (String m : messages) {
      JsonNode n;
      try {
        n = JSON.readTree(m);
      } catch (IOException e) {
        continue;
      }
      switch (n.path("type").asText()) {
        case "result" -> {
          String id = n.path("id").asText();
          status.put(id, n.path("status").asText());
          if (!n.path("message").isNull()) {
            message.put(id, n.path("message").asText());
          }
          millis.put(id, n.path("millis").asLong());
          String text = n.path("output").isTextual() ? n.path("output").asText() : "";
          if (!text.isEmpty()) {
            printed.computeIfAbsent(id, k -> new StringBuilder()).append(text);
          }
        }
        case "metric" -> {
          String name = n.path("name").asText();
          if (!name.isEmpty() && belongsToPlan(plan, n.path("test").asText())) {
            metrics.put(
                name,
                n.has("text")
                    ? n.path("text").asText()
                    : n.path("value").isNumber() ? (Object) n.path("value").asDouble() : null);
          }
        }
        case "picture" -> {
          String name = n.path("name").asText();
          if (!name.isEmpty()
              && pictures.size() < MAX_PICTURES
              && belongsToPlan(plan, n.path("test").asText())) {
            pictures.add(
                new RecordedPicture(name, n.path("kind").asText(), n.path("data").toString()));
          }
        }
        case "output" -> output.append(n.path("text").asText(""));
        case "engine" -> {
          engine += n.path("millis").asLong();
          String device = n.path("device").asText("");
          if (!device.isEmpty() && device.length() <= 40) {
            metrics.put(ResultNames.ENGINE_DEVICE, device);
          }
        }
        default -> {}
      }
    }
    List<TestResult> tests = new ArrayList<>();
    long testMillis = 0;
    for (PlannedTest t : plan) {
      String own = status.get(t.id());
      String failure = null;
      int invocations = 0;
      boolean allChildrenPassed = true;
      StringBuilder testOutput =
          new StringBuilder(printed.getOrDefault(t.id(), new StringBuilder()));
      for (var e : new TreeMap<>(status).entrySet()) {
        if (e.getKey().startsWith(t.id() + "/")) {
          StringBuilder child = printed.get(e.getKey());
          if (child != null) {
            testOutput.append(child);
          }
          invocations++;
          if (!"passed".equals(e.getValue())) {
            allChildrenPassed = false;
            if (failure == null) {
              failure =
                  describe(
                      e.getKey().substring(t.id().length() + 1),
                      e.getValue(),
                      message.get(e.getKey()));
            }
          }
        }
      }
      boolean template = t.id().contains("[test-template:");
      boolean passed = "passed".equals(own) && allChildrenPassed && (!template || invocations > 0);
      String setUp = own == null ? failedAncestor(t.id(), status, message) : null;
      if (own == null && setUp != null) {
        failure = "Not run: the set-up of its test class failed: " + setUp;
      } else if (own == null) {
        failure =
            "This test did not report a result" + (endReason == null ? "." : ": " + endReason);
      } else if (!"passed".equals(own) && failure == null) {
        failure = describe(null, own, message.get(t.id()));
      } else if (template && invocations == 0 && failure == null) {
        failure = "This test ran no cases.";
      }
      long ms = millis.getOrDefault(t.id(), 0L);
      testMillis += ms;
      tests.add(
          new TestResult(
              t.id(),
              t.displayName(),
              passed ? TestStatus.PASSED : TestStatus.FAILED,
              passed ? t.points() : 0,
              t.points(),
              passed ? null : failure,
              ms,
              t.visibility(),
              t.hidden(),
              testOutput.isEmpty() ? null : testOutput.toString()));
    }
    return new Assembled(
        tests, new LinkedHashMap<>(metrics), pictures, output.toString(), engine, testMillis);
  }

  /** The message of a container above {@code testId} that reported a failure, or null. */
  private static String failedAncestor(
      String testId, Map<String, String> status, Map<String, String> message) {
    for (var e : status.entrySet()) {
      if (testId.startsWith(e.getKey() + "/") && !"passed".equals(e.getValue())) {
        String m = message.get(e.getKey());
        return m == null || m.isBlank() ? "it " + e.getValue() + "." : m;
      }
    }
    return null;
  }

  private static boolean belongsToPlan(List<PlannedTest> plan, String testId) {
    for (PlannedTest t : plan) {
      if (testId.equals(t.id()) || testId.startsWith(t.id() + "/")) {
        return true;
      }
    }
    return false;
  }

  private static String describe(String invocation, String status, String message) {
    String what =
        switch (status) {
          case "timeout" -> "ran past its time limit";
          case "memory" -> "ran out of memory";
          case "crashed" -> "ended with the test JVM";
          case "aborted" -> "aborted";
          case "skipped" -> "skipped";
          default -> "failed";
        };
    String where =
        invocation == null
            ? ""
            : " (case "
                + invocation.replaceAll("^\\[test-template-invocation:#(\\d+)]$", "$1")
                + ")";
    return message == null || message.isBlank()
        ? "The test " + what + where + "."
        : message + where;
  }
}

package org.pruninglab.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pruninglab.exercise.PlannedTest;

/**
 * Turns the verified lines of a sandbox run into per-test results, using the trusted test plan: a
 * planned test passes only if it and every invocation under it reported success; a test that did
 * not report is failed; points come from the plan. Lines about tests outside the plan are ignored.
 */
final class ResultAssembler {

  /** The metric naming the device the tensor engine ran on, as the harness reported it. */
  static final String ENGINE_DEVICE = "engine.device";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_PICTURES = 32;

  private ResultAssembler() {}

  /** What the lines said, assembled. */
  record Assembled(
      List<TestResult> tests,
      Map<String, Object> metrics,
      List<RecordedPicture> pictures,
      String output,
      boolean ended,
      long engineMillis,
      long testMillis) {}

  static Assembled assemble(List<PlannedTest> plan, List<String> messages, String endReason) {
    Map<String, String> status = new HashMap<>();
    Map<String, String> message = new HashMap<>();
    Map<String, Long> millis = new HashMap<>();
    Map<String, Object> metrics = new TreeMap<>();
    List<RecordedPicture> pictures = new ArrayList<>();
    String output = "";
    boolean ended = false;
    long engine = 0;
    for (String m : messages) {
      JsonNode n;
      try {
        n = JSON.readTree(m);
      } catch (java.io.IOException e) {
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
        case "output" -> output = n.path("text").asText();
        case "engine" -> {
          engine = n.path("millis").asLong();
          String device = n.path("device").asText("");
          if (!device.isEmpty() && device.length() <= 40) {
            metrics.put(ENGINE_DEVICE, device);
          }
        }
        case "end" -> ended = true;
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
      for (var e : status.entrySet()) {
        if (e.getKey().startsWith(t.id() + "/")) {
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
      if (own == null) {
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
              passed ? "passed" : "failed",
              passed ? t.points() : 0,
              t.points(),
              passed ? null : failure,
              ms,
              t.visibility(),
              t.hidden()));
    }
    return new Assembled(
        tests, new LinkedHashMap<>(metrics), pictures, output, ended, engine, testMillis);
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

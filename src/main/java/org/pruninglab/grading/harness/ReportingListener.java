package org.pruninglab.grading.harness;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.opentest4j.TestAbortedException;

/** Sends one signed line per finished test or container, and the metrics tests record. */
final class ReportingListener implements TestExecutionListener {

  private static final int MESSAGE_LIMIT = 2_000;

  private final SignedChannel channel;
  private final Map<String, Long> started = new ConcurrentHashMap<>();
  private volatile String current;

  ReportingListener(SignedChannel channel) {
    this.channel = channel;
    PruningResults.install(
        new PruningResults.MetricSink() {
          @Override
          public void accept(String name, double value) {
            channel.send(
                "{\"type\":\"metric\",\"test\":"
                    + Json.string(current)
                    + ",\"name\":"
                    + Json.string(name)
                    + ",\"value\":"
                    + (Double.isFinite(value) ? Double.toString(value) : "null")
                    + "}");
          }

          @Override
          public void acceptText(String name, String value) {
            channel.send(
                "{\"type\":\"metric\",\"test\":"
                    + Json.string(current)
                    + ",\"name\":"
                    + Json.string(name)
                    + ",\"text\":"
                    + Json.string(cap(value))
                    + "}");
          }

          @Override
          public void acceptPicture(String name, String kind, String dataJson) {
            channel.send(
                "{\"type\":\"picture\",\"test\":"
                    + Json.string(current)
                    + ",\"name\":"
                    + Json.string(name)
                    + ",\"kind\":"
                    + Json.string(kind)
                    + ",\"data\":"
                    + dataJson
                    + "}");
          }
        });
  }

  @Override
  public void executionStarted(TestIdentifier id) {
    started.put(id.getUniqueId(), System.nanoTime());
    if (id.isTest()) {
      current = id.getUniqueId();
    }
  }

  @Override
  public void executionSkipped(TestIdentifier id, String reason) {
    channel.send(
        "{\"type\":\"result\",\"id\":"
            + Json.string(id.getUniqueId())
            + ",\"status\":\"skipped\",\"message\":"
            + Json.string(cap(reason))
            + ",\"millis\":0}");
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    Long t0 = started.remove(id.getUniqueId());
    long millis = t0 == null ? 0 : (System.nanoTime() - t0) / 1_000_000;
    String status =
        switch (result.getStatus()) {
          case SUCCESSFUL -> "passed";
          case ABORTED -> "aborted";
          case FAILED -> "failed";
        };
    String message = result.getThrowable().map(ReportingListener::describe).orElse(null);
    channel.send(
        "{\"type\":\"result\",\"id\":"
            + Json.string(id.getUniqueId())
            + ",\"status\":\""
            + status
            + "\",\"message\":"
            + Json.string(message)
            + ",\"millis\":"
            + millis
            + "}");
  }

  /**
   * A failure in words. Formatting a student's exception can itself fail or run student code;
   * whatever happens, the result line is still sent.
   */
  static String describe(Throwable t) {
    try {
      if (t instanceof TestAbortedException) {
        return "The test was aborted, which counts as a failure: " + cap(safeMessage(t));
      }
      if (t instanceof NoSuchMethodError
          || t instanceof NoSuchFieldError
          || t instanceof AbstractMethodError) {
        return "Your class does not have what the test calls: " + cap(safeMessage(t));
      }
      if (t instanceof StackOverflowError) {
        return "Stack overflow (is there a recursion without a base case?)";
      }
      String name = t.getClass().getName();
      boolean assertion = t instanceof AssertionError;
      String message = safeMessage(t);
      String where = "";
      if (!assertion) {
        for (StackTraceElement e : t.getStackTrace()) {
          if (!e.getClassName().startsWith("org.junit.")
              && !e.getClassName().startsWith("java.")
              && !e.getClassName().startsWith("jdk.")
              && !e.getClassName().startsWith("ai.djl.")) {
            where =
                " (at "
                    + e.getClassName()
                    + "."
                    + e.getMethodName()
                    + ", line "
                    + e.getLineNumber()
                    + ")";
            break;
          }
        }
      }
      String text =
          assertion ? message : simpleName(name) + (message == null ? "" : ": " + message) + where;
      return cap(text == null ? simpleName(name) : text);
    } catch (RuntimeException | StackOverflowError e) {
      return "The test failed with an exception whose message could not be read";
    }
  }

  private static String safeMessage(Throwable t) {
    try {
      return t.getMessage();
    } catch (RuntimeException | StackOverflowError e) {
      return "(the exception's message could not be read)";
    }
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  static String cap(String s) {
    if (s == null) {
      return null;
    }
    return s.length() <= MESSAGE_LIMIT
        ? s
        : s.substring(0, MESSAGE_LIMIT)
            + String.format(Locale.ROOT, " [… %,d more characters]", s.length() - MESSAGE_LIMIT);
  }
}

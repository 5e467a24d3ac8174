package org.pruninglab.grading.harness;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.opentest4j.TestAbortedException;

/**
 * Sends one signed line when a test or container starts and one when it finishes (with what it
 * printed), and the metrics tests record. A test stopped at its time limit, or whose failure could
 * not be put into words in time, may have left a thread running: the listener then asks the trusted
 * side for a fresh JVM for the tests left ({@code restart}) and halts this one.
 */
final class ReportingListener implements TestExecutionListener {

  private static final int MESSAGE_LIMIT = 2_000;
  static final long DESCRIBE_MILLIS = 5_000;

  private final SignedChannel channel;
  private final TestOutput output;
  private final Set<String> studentClasses;
  private final Map<String, Long> started = new ConcurrentHashMap<>();
  private final Deque<String> running = new ArrayDeque<>();
  private volatile String current;

  ReportingListener(SignedChannel channel, TestOutput output, Set<String> studentClasses) {
    this.channel = channel;
    this.output = output;
    this.studentClasses = Set.copyOf(studentClasses);
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
    TimeLimit.watch(this::stuck);
  }

  @Override
  public void executionStarted(TestIdentifier id) {
    TimeLimit.progress();
    started.put(id.getUniqueId(), System.nanoTime());
    synchronized (running) {
      running.push(id.getUniqueId());
    }
    if (id.isTest()) {
      current = id.getUniqueId();
      output.switchTo(id.getUniqueId());
    }
    channel.send("{\"type\":\"started\",\"id\":" + Json.string(id.getUniqueId()) + "}");
  }

  @Override
  public void executionSkipped(TestIdentifier id, String reason) {
    TimeLimit.progress();
    channel.send(
        "{\"type\":\"result\",\"id\":"
            + Json.string(id.getUniqueId())
            + ",\"status\":\"skipped\",\"message\":"
            + Json.string(cap(reason))
            + ",\"millis\":0}");
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    TimeLimit.progress();
    Long t0 = started.remove(id.getUniqueId());
    long millis = t0 == null ? 0 : (System.nanoTime() - t0) / 1_000_000;
    boolean timedOut = TimeLimit.wasExceeded(id.getUniqueId());
    String status =
        timedOut
            ? "timeout"
            : switch (result.getStatus()) {
              case SUCCESSFUL -> "passed";
              case ABORTED -> "aborted";
              case FAILED -> "failed";
            };
    String message = null;
    boolean restart = timedOut;
    if (timedOut) {
      message =
          String.format(
              Locale.ROOT,
              "Time limit: stopped after %d s (a loop that never ends, or far too much work?).",
              TimeLimit.perTestMillis() / 1000);
    } else if (result.getThrowable().isPresent()) {
      Described d = describeWithin(result.getThrowable().get(), studentClasses, DESCRIBE_MILLIS);
      message = d.text();
      restart = !d.finished();
    }
    if (id.isTest()) {
      output.switchTo("");
    }
    String printed = id.isTest() ? output.take(id.getUniqueId()) : null;
    synchronized (running) {
      running.remove(id.getUniqueId());
    }
    channel.send(
        "{\"type\":\"result\",\"id\":"
            + Json.string(id.getUniqueId())
            + ",\"status\":\""
            + status
            + "\",\"message\":"
            + Json.string(message)
            + ",\"millis\":"
            + millis
            + ",\"output\":"
            + Json.string(printed)
            + "}");
    if (restart) {
      channel.send("{\"type\":\"restart\"}");
      Runtime.getRuntime().halt(0);
    }
  }

  /** The watchdog's way out: the innermost running test is reported at its time limit. */
  private void stuck() {
    String id;
    synchronized (running) {
      id = running.peek();
    }
    if (id != null) {
      channel.send(
          "{\"type\":\"result\",\"id\":"
              + Json.string(id)
              + ",\"status\":\"timeout\",\"message\":"
              + Json.string(
                  String.format(
                      Locale.ROOT,
                      "Time limit: nothing finished for %d s (a loop that never ends?).",
                      (TimeLimit.perTestMillis() + TimeLimit.GRACE_MILLIS) / 1000))
              + ",\"millis\":0,\"output\":"
              + Json.string(output.take(id))
              + "}");
    }
    channel.send("{\"type\":\"restart\"}");
    Runtime.getRuntime().halt(0);
  }

  /** A failure in words, and whether putting it into words finished in time. */
  record Described(String text, boolean finished) {}

  /**
   * Formatting a student's exception runs student code ({@code getMessage}, {@code toString}),
   * which may loop or throw: it gets its own thread and {@code millis}.
   */
  static Described describeWithin(Throwable t, Set<String> studentClasses, long millis) {
    String[] text = new String[1];
    Thread worker = new Thread(() -> text[0] = describe(t, studentClasses), "describe");
    worker.setDaemon(true);
    worker.start();
    try {
      worker.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (worker.isAlive() || text[0] == null) {
      return new Described(
          "The test failed with an exception whose message did not finish formatting in "
              + millis / 1000
              + " s.",
          !worker.isAlive());
    }
    return new Described(text[0], true);
  }

  /**
   * A failure in words, pointing only into the student's own classes: never a test's class, method
   * or line, which may be hidden.
   */
  static String describe(Throwable t, Set<String> studentClasses) {
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
          String owner = e.getClassName();
          int nested = owner.indexOf('$');
          if (studentClasses.contains(nested < 0 ? owner : owner.substring(0, nested))) {
            where =
                " (at "
                    + simpleName(owner)
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
    } catch (RuntimeException | Error e) {
      return "The test failed with an exception whose message could not be read";
    }
  }

  private static String safeMessage(Throwable t) {
    try {
      return t.getMessage();
    } catch (RuntimeException | Error e) {
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

package org.pruninglab.grading.harness;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-test time limit, kept by the harness itself: each test and lifecycle method runs on a
 * thread of its own and is abandoned at the limit ({@link EngineThreadExtension}); the ids of those
 * stopped are remembered here, where student code cannot reach, so the listener reports them as
 * "time limit" whatever the test's failure says. A watchdog covers what runs outside those methods
 * (formatting a failure, Jupiter itself): nothing may go {@code perTest + GRACE} without progress.
 */
final class TimeLimit {

  static final long GRACE_MILLIS = 5_000;

  private static volatile long perTestMillis = 30_000;
  private static volatile long lastProgress = System.nanoTime();
  private static final Set<String> exceeded = ConcurrentHashMap.newKeySet();

  private TimeLimit() {}

  static void set(int seconds) {
    perTestMillis = seconds * 1000L;
  }

  static long perTestMillis() {
    return perTestMillis;
  }

  static void progress() {
    lastProgress = System.nanoTime();
  }

  static void exceeded(String uniqueId) {
    exceeded.add(uniqueId);
  }

  static boolean wasExceeded(String uniqueId) {
    return exceeded.contains(uniqueId);
  }

  /** Runs {@code onStuck} once, on a daemon thread, when nothing progresses for too long. */
  static void watch(Runnable onStuck) {
    Thread t =
        new Thread(
            () -> {
              while (true) {
                try {
                  Thread.sleep(250);
                } catch (InterruptedException e) {
                  return;
                }
                long idle = (System.nanoTime() - lastProgress) / 1_000_000;
                if (idle > perTestMillis + GRACE_MILLIS) {
                  onStuck.run();
                  return;
                }
              }
            },
            "harness-watchdog");
    t.setDaemon(true);
    t.start();
  }
}

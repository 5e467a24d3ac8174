package org.pruninglab;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting in tests for what another thread or process does: polls, then fails with what. */
public final class Await {

  private Await() {}

  /** Polls {@code value} every 100 ms until {@code done} holds for it; returns that value. */
  public static <T> T until(Supplier<T> value, Predicate<T> done, Duration timeout, String what) {
    long end = System.nanoTime() + timeout.toNanos();
    while (true) {
      T v = value.get();
      if (done.test(v)) {
        return v;
      }
      if (System.nanoTime() > end) {
        throw new AssertionError(what + ": not within " + timeout + "; last seen: " + v);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Polls {@code condition} every 100 ms until it holds. */
  public static void until(BooleanSupplier condition, Duration timeout, String what) {
    until(condition::getAsBoolean, Boolean::booleanValue, timeout, what);
  }
}

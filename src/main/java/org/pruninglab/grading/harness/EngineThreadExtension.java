package org.pruninglab.grading.harness;

import java.lang.reflect.Method;
import java.util.Locale;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.pruninglab.labkit.LabEngine;

/**
 * Registered in the sandbox only (by service file, with autodetection on there): every test and
 * lifecycle method runs on a thread of its own, with gradient recording off as on the thread that
 * loaded the engine, and is abandoned at the per-test time limit ({@link TimeLimit}). A thread that
 * does not stop keeps running; the harness then reports the test and has the trusted side start a
 * fresh JVM for the tests left.
 */
public final class EngineThreadExtension implements InvocationInterceptor {

  @Override
  public void interceptTestMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> context,
      ExtensionContext extension)
      throws Throwable {
    proceed(invocation, extension);
  }

  @Override
  public void interceptTestTemplateMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> context,
      ExtensionContext extension)
      throws Throwable {
    proceed(invocation, extension);
  }

  @Override
  public void interceptBeforeEachMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> context,
      ExtensionContext extension)
      throws Throwable {
    proceed(invocation, extension);
  }

  @Override
  public void interceptAfterEachMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> context,
      ExtensionContext extension)
      throws Throwable {
    proceed(invocation, extension);
  }

  @Override
  public void interceptBeforeAllMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> context,
      ExtensionContext extension)
      throws Throwable {
    proceed(invocation, extension);
  }

  @Override
  public void interceptAfterAllMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> context,
      ExtensionContext extension)
      throws Throwable {
    proceed(invocation, extension);
  }

  private static <T> T proceed(Invocation<T> invocation, ExtensionContext extension)
      throws Throwable {
    TimeLimit.progress();
    Object[] result = new Object[1];
    Throwable[] failure = new Throwable[1];
    Thread worker =
        new Thread(
            () -> {
              LabEngine.recordNoGradientsOnThisThread();
              try {
                result[0] = invocation.proceed();
              } catch (Throwable t) {
                failure[0] = t;
              }
            },
            "test");
    worker.setDaemon(true);
    worker.start();
    long limit = TimeLimit.perTestMillis();
    worker.join(limit);
    TimeLimit.progress();
    if (worker.isAlive()) {
      worker.interrupt();
      TimeLimit.exceeded(extension.getUniqueId());
      throw new TimeLimitExceeded(
          String.format(Locale.ROOT, "stopped at the time limit of %d s", limit / 1000));
    }
    if (failure[0] != null) {
      throw failure[0];
    }
    @SuppressWarnings("unchecked")
    T value = (T) result[0];
    return value;
  }

  /** Thrown in place of a test that ran past its time limit. */
  static final class TimeLimitExceeded extends AssertionError {
    TimeLimitExceeded(String message) {
      super(message);
    }
  }
}

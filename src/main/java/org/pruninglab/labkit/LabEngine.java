package org.pruninglab.labkit;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;

/**
 * The DJL PyTorch engine, set up for the lab: offline (native libraries come from the jars on the
 * class path, nothing is downloaded), a fixed number of CPU threads, and the device chosen at run
 * time — the first GPU the engine sees, else the CPU.
 */
public final class LabEngine {

  /** Threads PyTorch uses for one operation, unless {@code lab.threads} says otherwise. */
  public static final int DEFAULT_THREADS = 2;

  private static volatile Engine engine;

  private LabEngine() {}

  /** The engine, started on first use. */
  public static Engine engine() {
    Engine e = engine;
    if (e == null) {
      synchronized (LabEngine.class) {
        e = engine;
        if (e == null) {
          configure();
          e = Engine.getEngine("PyTorch");
          engine = e;
        }
      }
    }
    return e;
  }

  /**
   * The device named by {@code lab.device}: {@code cpu}; {@code gpu:N}, that GPU when the engine
   * sees it (else the CPU: a grading job never fails for want of a GPU); or {@code auto} (the
   * default), the first GPU the engine sees, else the CPU.
   */
  public static Device device() {
    Engine e = engine();
    String wanted = System.getProperty("lab.device", "auto").toLowerCase(Locale.ROOT).trim();
    int gpus = e.getGpuCount();
    if (wanted.startsWith("gpu:")) {
      int index;
      try {
        index = Integer.parseInt(wanted.substring(4));
      } catch (NumberFormatException notANumber) {
        index = -1;
      }
      return index >= 0 && index < gpus ? Device.gpu(index) : Device.cpu();
    }
    if (!wanted.equals("cpu") && gpus > 0) {
      return Device.gpu(0);
    }
    return Device.cpu();
  }

  /** {@link #device()} as the engine writes it: {@code cpu()}, {@code gpu(0)}. */
  public static String deviceName() {
    return device().toString();
  }

  /**
   * Turns off gradient recording for the calling thread. PyTorch keeps this per thread and starts
   * every new thread with it on; DJL turns it off only on the thread that loads the engine. On any
   * other thread (a test run with a timeout, a worker) an in-place change of a model parameter —
   * pruning it — would be refused as "a leaf Variable that requires grad is being used in an
   * in-place operation". Training turns recording on for its own steps.
   */
  public static void recordNoGradientsOnThisThread() {
    engine();
    ai.djl.pytorch.jni.JniUtils.setGradMode(false);
  }

  private static void configure() {
    // Set before the engine class loads: these are read once, at engine start.
    System.setProperty("ai.djl.offline", "true");
    String threads = System.getProperty("lab.threads", String.valueOf(DEFAULT_THREADS));
    setIfAbsent("ai.djl.pytorch.num_threads", threads);
    setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    setIfAbsent("ai.djl.default_engine", "PyTorch");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}

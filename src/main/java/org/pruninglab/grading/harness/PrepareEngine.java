package org.pruninglab.grading.harness;

import org.pruninglab.labkit.LabEngine;

/**
 * Run once by the trusted side, outside any sandbox, with {@code -DENGINE_CACHE_DIR}: unpacks the
 * engine's native libraries into the cache that sandboxes then read but cannot write.
 */
public final class PrepareEngine {

  private PrepareEngine() {}

  public static void main(String[] args) {
    System.out.println("engine ready on " + LabEngine.device());
  }
}

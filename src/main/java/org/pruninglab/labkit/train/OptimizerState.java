package org.pruninglab.labkit.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.HashMap;
import java.util.Map;

/** Per-parameter state arrays of an optimiser, created lazily as zeros beside the parameter. */
final class OptimizerState implements AutoCloseable {

  private final Map<String, NDArray> arrays = new HashMap<>();

  NDArray zerosLike(String key, NDArray parameter) {
    return arrays.computeIfAbsent(
        key,
        k -> {
          NDArray z = parameter.zerosLike();
          // Lives as long as the optimiser, not as long as the step's scope.
          NDScope.unregister(z);
          return z;
        });
  }

  boolean has(String key) {
    return arrays.containsKey(key);
  }

  @Override
  public void close() {
    arrays.values().forEach(NDArray::close);
    arrays.clear();
  }
}

package org.pruninglab.grading;

import org.pruninglab.exercise.GradingAvailability;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Whether this host grades, and whether without a sandbox: for the pages that say so. */
@Service
public class GradingStatusService implements GradingAvailability {

  private final GradingEngine engine;

  GradingStatusService(GradingEngine engine) {
    this.engine = engine;
  }

  @Override
  @PreAuthorize("isAuthenticated()")
  public String refusal() {
    return engine.refusal();
  }

  /** Whether student code runs without a sandbox here: every page says so. */
  @PreAuthorize("isAuthenticated()")
  public boolean unsafeLocal() {
    return engine.unsafeLocal();
  }
}

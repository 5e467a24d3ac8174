package org.pruninglab.exercise;

/**
 * Whether this host grades, as the packs page shows it: implemented by grading, which depends on
 * the catalog (so the catalog cannot ask grading directly).
 */
public interface GradingAvailability {

  /** Why grading is off on this host, or null. */
  String refusal();
}

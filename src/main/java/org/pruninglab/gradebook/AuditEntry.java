package org.pruninglab.gradebook;

import java.time.Instant;

/**
 * One change to a grade of record.
 *
 * @param actor who made it ("autograder" for the after-deadline grading)
 * @param action autograde, override, clear-override or regrade
 * @param newScore null while the grading it started is still running
 */
public record AuditEntry(
    Instant at,
    String actor,
    String action,
    Double oldScore,
    Double newScore,
    String reason,
    Long gradingId) {}

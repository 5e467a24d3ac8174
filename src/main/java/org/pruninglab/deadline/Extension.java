package org.pruninglab.deadline;

import java.time.Duration;
import java.time.Instant;

/**
 * A student's own deadline for one exercise.
 *
 * @param latePeriod the student's own late period (null: the exercise's)
 */
public record Extension(
    long accountId,
    String username,
    String exerciseId,
    Instant due,
    Duration latePeriod,
    String grantedBy,
    Instant grantedAt) {}

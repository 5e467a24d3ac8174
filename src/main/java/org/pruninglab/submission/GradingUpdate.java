package org.pruninglab.submission;

import java.time.Instant;
import org.pruninglab.grading.GradingProgress.Phase;

/**
 * One step of a grading job, as pushed to the pages that watch it.
 *
 * @param done tests finished (while running)
 * @param total tests in the run
 */
public record GradingUpdate(
    long submissionId,
    long accountId,
    String exerciseId,
    Phase phase,
    int done,
    int total,
    Instant at) {}

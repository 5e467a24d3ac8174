package org.pruninglab.submission;

import java.time.Instant;
import org.pruninglab.grading.GradingProgress.Phase;

/**
 * A stored grading phase of a job, with what a page needs to route it: the job's student and
 * exercise, and the worker that holds the job (null while none took it).
 */
public record PhaseReached(
    long submissionId, long accountId, String exerciseId, String worker, Phase phase, Instant at) {}

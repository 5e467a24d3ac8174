package org.pruninglab.submission;

import java.time.Instant;

/**
 * One grading job as the grading backend's page shows it: where it stands and when it reached its
 * phases (null until reached). It names the student by account id only; staff's page looks the
 * names up.
 *
 * @param verdict the stored result's verdict, or null while it has none
 * @param startedAt the first of compiling, checking or running
 */
public record JobTimes(
    long submissionId,
    long accountId,
    String exerciseId,
    SubmissionKind kind,
    SubmissionStatus status,
    int attempts,
    String worker,
    String device,
    String verdict,
    Instant queuedAt,
    Instant startedAt,
    Instant finishedAt) {}

package org.pruninglab.submission;

import java.time.Instant;

/**
 * A stored submission (without its source).
 *
 * @param hidden whether its grading runs the hidden tests too
 * @param kind a practice run of the public tests, or a submission that counts
 */
public record Submission(
    long id,
    long accountId,
    String username,
    String exerciseId,
    String fileName,
    boolean hidden,
    SubmissionKind kind,
    SubmissionStatus status,
    Instant submittedAt,
    StoredResult result) {}

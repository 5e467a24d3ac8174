package org.pruninglab.submission;

import java.time.Instant;

/**
 * A stored submission (without its source).
 *
 * @param hidden whether its grading runs the hidden tests too
 * @param kind a practice run, a submission that counts, or a grading staff started
 * @param originId for an after-deadline grading or a regrade, the submission whose source it grades
 */
public record Submission(
    long id,
    long accountId,
    String exerciseId,
    String fileName,
    boolean hidden,
    SubmissionKind kind,
    SubmissionStatus status,
    Instant submittedAt,
    StoredResult result,
    Long originId) {}

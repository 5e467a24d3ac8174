package org.pruninglab.workspace;

import java.time.Instant;
import org.pruninglab.submission.SubmissionKind;
import org.pruninglab.submission.SubmissionStatus;

/**
 * One run or submission in a student's history.
 *
 * @param result what the reader may see of its result (null while it waits or runs)
 * @param late whether it arrived after the student's deadline
 */
public record HistoryItem(
    long id,
    String exerciseId,
    SubmissionKind kind,
    SubmissionStatus status,
    Instant submittedAt,
    boolean late,
    ShownResult result) {}

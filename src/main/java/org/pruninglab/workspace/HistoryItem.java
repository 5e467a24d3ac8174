package org.pruninglab.workspace;

import java.time.Instant;
import org.pruninglab.submission.SubmissionKind;
import org.pruninglab.submission.SubmissionStatus;

/**
 * One run or submission in a student's history.
 *
 * @param late whether it is a submission that counts and arrived after the student's deadline (in
 *     the late period, so the late penalty applies)
 * @param practice whether it never counts: a practice run, or a submission sent after the student's
 *     submissions closed (accepted as practice)
 * @param result what the reader may see of its result (null while it waits or runs)
 */
public record HistoryItem(
    long id,
    String exerciseId,
    SubmissionKind kind,
    SubmissionStatus status,
    Instant submittedAt,
    boolean late,
    boolean practice,
    ShownResult result) {

  /** A submission that counts toward the grade: made by the student before theirs closed. */
  public boolean counts() {
    return kind == SubmissionKind.SUBMISSION && !practice;
  }
}

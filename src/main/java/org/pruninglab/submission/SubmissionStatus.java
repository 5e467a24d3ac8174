package org.pruninglab.submission;

/** Where a submission is in the queue. */
public enum SubmissionStatus {
  QUEUED,
  RUNNING,
  DONE
}

package org.pruninglab.submission;

/**
 * A stored result that cannot be read back (a damaged row, or a document from a format this build
 * does not know): an error that names the submission, never a result that silently goes missing.
 */
public class UnreadableResultException extends IllegalStateException {

  UnreadableResultException(long submissionId, Throwable cause) {
    super("The stored result of submission " + submissionId + " cannot be read", cause);
  }
}

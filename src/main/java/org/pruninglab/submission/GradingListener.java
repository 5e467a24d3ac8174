package org.pruninglab.submission;

/**
 * Told when a grading's result has been stored, inside the transaction that stores it (so what it
 * writes is stored with the result, or not at all).
 */
public interface GradingListener {
  void resultStored(Submission graded);
}

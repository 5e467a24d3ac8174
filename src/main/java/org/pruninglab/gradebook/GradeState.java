package org.pruninglab.gradebook;

/** Where a student's grade of record for one exercise stands. */
public enum GradeState {
  /** The student's submissions have not closed yet: no grade of record. */
  OPEN,
  /** Closed without a counted submission: the grade is 0. */
  NO_SUBMISSION,
  /** The final submission is being graded. */
  GRADING,
  /** Graded; the score is the result times the late penalty factor, or the override. */
  GRADED
}

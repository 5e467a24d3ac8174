package org.pruninglab.deadline;

/** How a submission made now is treated, given the student's deadline and the late policy. */
public enum Acceptance {
  /** Not open yet: refused. */
  NOT_OPEN,
  /** Before the deadline: counts in full. */
  ON_TIME,
  /** In the late period: counts, with the penalty. */
  LATE,
  /** After the late period, kept and graded but never counted. */
  PRACTICE,
  /** After the late period, refused. */
  REFUSED
}

package org.pruninglab.deadline;

/**
 * What happens to work submitted after a student's deadline. Until instructors can set a late
 * period and penalty per exercise, the policy is the strict one: late work is kept and graded, but
 * the grade comes from the last submission before the deadline.
 */
public record LatePolicy(String description) {

  public static LatePolicy strict() {
    return new LatePolicy(
        "Late submissions are kept and graded so that you can see the result, but they do not"
            + " count: your grade comes from your last submission before the deadline.");
  }
}

package org.pruninglab.compile;

/**
 * Something the student's code uses that the exercise does not allow, in plain words.
 *
 * @param className the student's class that uses it
 * @param member the method or field of the student's class, or null for the class itself
 * @param line source line, 0 when unknown
 * @param message e.g. "calls System.exit(int), which exercises may not use"
 */
public record PolicyViolation(String className, String member, int line, String message) {}

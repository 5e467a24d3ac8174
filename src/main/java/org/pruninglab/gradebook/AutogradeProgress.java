package org.pruninglab.gradebook;

/**
 * How far the after-deadline grading of an exercise has come.
 *
 * @param students students who get a grade for the exercise
 * @param made grades of record made (their submissions closed)
 * @param graded of those, graded (or closed without a submission)
 * @param grading of those, still being graded
 */
public record AutogradeProgress(int students, int made, int graded, int grading) {}

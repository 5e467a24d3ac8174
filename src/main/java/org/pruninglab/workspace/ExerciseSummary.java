package org.pruninglab.workspace;

import org.pruninglab.deadline.EffectiveDeadline;

/**
 * One line of the student's exercises page.
 *
 * @param best the best score of their submissions, over the tests they may see (null if none)
 * @param latest the score of their latest graded submission (null if none)
 * @param maxShown the points of the tests they may see
 */
public record ExerciseSummary(
    String id,
    String title,
    double points,
    EffectiveDeadline deadline,
    Double best,
    Double latest,
    double maxShown,
    ExerciseStatus status) {}

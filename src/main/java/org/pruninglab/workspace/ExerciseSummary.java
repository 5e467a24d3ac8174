package org.pruninglab.workspace;

import org.pruninglab.deadline.EffectiveDeadline;
import org.pruninglab.gradebook.StudentGrade;

/**
 * One line of the student's exercises page.
 *
 * @param best the best score of their submissions, over the tests they may see (null if none)
 * @param latest the score of their latest graded submission (null if none)
 * @param maxShown the points of the tests they may see
 * @param late whether their latest submission that counts arrived after their deadline
 * @param grade their grade of record, as far as they may see it
 */
public record ExerciseSummary(
    String id,
    String title,
    String teaches,
    double points,
    EffectiveDeadline deadline,
    Double best,
    Double latest,
    double maxShown,
    ExerciseStatus status,
    boolean late,
    StudentGrade grade) {}

package org.pruninglab.workspace;

import org.pruninglab.deadline.EffectiveDeadline;
import org.pruninglab.deadline.LatePolicy;
import org.pruninglab.gradebook.StudentGrade;

/** What the exercise page shows around the editor. */
public record ExerciseDetails(
    String id,
    String title,
    String statementMarkdown,
    String fileName,
    double points,
    int publicTests,
    int hiddenTests,
    EffectiveDeadline deadline,
    LatePolicy latePolicy,
    StudentGrade grade) {}

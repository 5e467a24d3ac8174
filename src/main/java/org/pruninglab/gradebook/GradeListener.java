package org.pruninglab.gradebook;

import org.pruninglab.submission.GradingListener;
import org.pruninglab.submission.Submission;
import org.springframework.stereotype.Component;

/** Writes the score an autograde or regrade arrived at into the audit entry that started it. */
@Component
class GradeListener implements GradingListener {

  private final GradeRepository grades;

  GradeListener(GradeRepository grades) {
    this.grades = grades;
  }

  @Override
  public void resultStored(Submission graded) {
    if (!graded.kind().byStudent() && graded.result() != null) {
      grades.auditGraded(graded.id(), graded.result().score());
    }
  }
}

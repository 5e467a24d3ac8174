package org.pruninglab.gradebook;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.pruninglab.account.Account;
import org.pruninglab.account.AccountService;
import org.pruninglab.deadline.Deadlines;
import org.pruninglab.deadline.Durations;
import org.pruninglab.deadline.EffectiveDeadline;
import org.pruninglab.deadline.ExerciseSchedule;
import org.pruninglab.deadline.FinalChoice;
import org.pruninglab.submission.Submission;
import org.pruninglab.submission.SubmissionKind;
import org.pruninglab.submission.SubmissionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes each student's grade of record once their submissions close (their deadline plus the late
 * period): the final submission — the last one, or the best if the exercise says so — is graded
 * again with the hidden tests at batch priority, with the late penalty fixed at that moment. The
 * primary key of {@code grade_of_record} keeps it to exactly one per student and exercise, across
 * restarts and nodes; deadlines that passed while the lab was down are handled by the sweep at
 * start.
 */
@Component
public class DeadlineAutograder {

  private static final Logger LOG = LoggerFactory.getLogger(DeadlineAutograder.class);

  private final Deadlines deadlines;
  private final SubmissionService submissions;
  private final GradeRepository grades;
  private final AccountService accounts;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final DeadlineProperties properties;
  private ScheduledExecutorService timer;

  DeadlineAutograder(
      Deadlines deadlines,
      SubmissionService submissions,
      GradeRepository grades,
      AccountService accounts,
      TransactionTemplate tx,
      Clock clock,
      DeadlineProperties properties) {
    this.deadlines = deadlines;
    this.submissions = submissions;
    this.grades = grades;
    this.accounts = accounts;
    this.tx = tx;
    this.clock = clock;
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    if (!properties.autograde()) {
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "deadline-autograder");
              t.setDaemon(true);
              return t;
            });
    long every = properties.sweepInterval().toMillis();
    timer.scheduleWithFixedDelay(this::sweepQuietly, 0, every, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  private void sweepQuietly() {
    try {
      int made = sweep();
      if (made > 0) {
        LOG.info("Deadline autograder made {} grades of record", made);
      }
    } catch (RuntimeException e) {
      LOG.error("The deadline sweep failed; it runs again in {}", properties.sweepInterval(), e);
    }
  }

  /**
   * Makes the grades of record that are due and not made yet; returns how many it made. Safe to run
   * at any time, as often as wanted, on several nodes at once.
   */
  public int sweep() {
    return SystemIdentity.run(
        () -> {
          int made = 0;
          Instant now = clock.instant();
          for (ExerciseSchedule schedule : deadlines.schedules()) {
            if (now.isBefore(schedule.due())) {
              continue; // an extension never ends earlier, so nobody's submissions have closed
            }
            Set<Long> done = new HashSet<>(grades.gradedStudents(schedule.exerciseId()));
            for (long student : students(schedule.exerciseId())) {
              if (done.contains(student)) {
                continue;
              }
              EffectiveDeadline deadline =
                  deadlines.effective(student, schedule.exerciseId()).orElseThrow();
              if (deadline.closed(now) && makeGrade(student, schedule, deadline, now)) {
                made++;
              }
            }
          }
          return made;
        });
  }

  /** The course's students, counting a submission of the exercise as work kept. */
  private List<Long> students(String exerciseId) {
    return accounts.courseStudents(submissions.submitters(exerciseId)).stream()
        .map(Account::id)
        .sorted()
        .toList();
  }

  private boolean makeGrade(
      long student, ExerciseSchedule schedule, EffectiveDeadline deadline, Instant now) {
    try {
      Boolean made =
          tx.execute(
              status -> {
                List<Submission> counted =
                    submissions.countedBefore(student, schedule.exerciseId(), deadline.closes());
                Submission chosen = choose(counted, schedule, deadline);
                Duration late = chosen == null ? Duration.ZERO : lateness(chosen, deadline);
                double factor = schedule.late().factor(late);
                if (!grades.insert(
                    student,
                    schedule.exerciseId(),
                    chosen == null ? null : chosen.id(),
                    late,
                    factor,
                    now)) {
                  return false;
                }
                if (chosen == null) {
                  grades.audit(
                      student,
                      schedule.exerciseId(),
                      null,
                      now,
                      "autograde",
                      null,
                      0.0,
                      "No submission before " + deadlines.when(deadline.closes()) + ".",
                      null);
                  return true;
                }
                long grading = submissions.gradeAgain(chosen.id(), SubmissionKind.AUTOGRADE);
                grades.setGraded(student, schedule.exerciseId(), grading);
                grades.audit(
                    student,
                    schedule.exerciseId(),
                    null,
                    now,
                    "autograde",
                    null,
                    null,
                    reason(chosen, schedule, late, factor),
                    grading);
                return true;
              });
      return Boolean.TRUE.equals(made);
    } catch (DuplicateKeyException e) {
      return false; // another node made it first
    }
  }

  static Submission choose(
      List<Submission> counted, ExerciseSchedule schedule, EffectiveDeadline deadline) {
    if (counted.isEmpty()) {
      return null;
    }
    Submission last = counted.get(counted.size() - 1);
    if (schedule.finalChoice() == FinalChoice.LAST) {
      return last;
    }
    return counted.stream()
        .filter(s -> s.result() != null)
        .max(
            Comparator.comparingDouble(
                    (Submission s) ->
                        s.result().score() * schedule.late().factor(lateness(s, deadline)))
                .thenComparing(Submission::submittedAt)
                .thenComparing(Submission::id))
        .orElse(last);
  }

  private static Duration lateness(Submission s, EffectiveDeadline deadline) {
    Duration late = Duration.between(deadline.due(), s.submittedAt());
    return late.isNegative() ? Duration.ZERO : late;
  }

  private static String reason(
      Submission chosen, ExerciseSchedule schedule, Duration late, double factor) {
    String which = schedule.finalChoice() == FinalChoice.BEST ? "best" : "last";
    String lateness =
        late.isZero()
            ? "on time"
            : "late by " + Durations.words(late) + ", score × " + Scores.factor(factor);
    return "Final submission #" + chosen.id() + " (" + which + ", " + lateness + ").";
  }
}

package org.pruninglab.submission;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pruninglab.account.AccessLog;
import org.pruninglab.account.Account;
import org.pruninglab.account.AccountService;
import org.pruninglab.account.Role;
import org.pruninglab.deadline.Deadlines;
import org.pruninglab.exercise.Exercise;
import org.pruninglab.exercise.ExerciseCatalog;
import org.pruninglab.grading.GradingProgress;
import org.pruninglab.grading.GradingProperties;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Submitting work and reading results back, with the checks a student's request needs. */
@Service
public class SubmissionService {

  /** Larger uploads are refused before they are stored. */
  public static final int MAX_BYTES = 1024 * 1024;

  private final SubmissionRepository submissions;
  private final AccountService accounts;
  private final ExerciseCatalog exercises;
  private final JobQueue queue;
  private final GradingEvents events;
  private final GradingProperties properties;
  private final Clock clock;
  private final Deadlines deadlines;
  private final AccessLog accessLog;

  SubmissionService(
      SubmissionRepository submissions,
      AccountService accounts,
      ExerciseCatalog exercises,
      JobQueue queue,
      GradingEvents events,
      GradingProperties properties,
      Clock clock,
      Deadlines deadlines,
      AccessLog accessLog) {
    this.deadlines = deadlines;
    this.accessLog = accessLog;
    this.submissions = submissions;
    this.accounts = accounts;
    this.exercises = exercises;
    this.queue = queue;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Stores the signed-in person's file for {@code exerciseId} and queues it. Everything a student
   * may send is accepted and stored — an empty or non-UTF-8 file is graded as a compile error with
   * a clear message — except what cannot be graded at all, which is refused here with the reason:
   * an unknown exercise, a file over 1 MB, too many submissions waiting, or grading switched off on
   * this host.
   */
  @PreAuthorize("isAuthenticated()")
  public long submit(String exerciseId, String fileName, byte[] source) {
    return store(exerciseId, fileName, source, SubmissionKind.SUBMISSION);
  }

  /**
   * A practice run: the public tests only, stored and shown like a submission but never counted.
   * The same checks and the same limit on waiting jobs apply.
   */
  @PreAuthorize("isAuthenticated()")
  public long runPublicTests(String exerciseId, String fileName, byte[] source) {
    return store(exerciseId, fileName, source, SubmissionKind.RUN);
  }

  /**
   * Cancels the signed-in student's own practice run while it waits or runs; it ends as {@code
   * cancelled} and its code is kept. Submissions that count cannot be cancelled.
   */
  @PreAuthorize("isAuthenticated()")
  public void cancelRun(long id) {
    Account me =
        accounts.currentAccount().orElseThrow(() -> new AccessDeniedException("not signed in"));
    Submission run = submissions.find(id).orElse(null);
    if (run == null || run.accountId() != me.id()) {
      throw new SubmissionException("You have no run #" + id + " to cancel.");
    }
    if (run.kind() != SubmissionKind.RUN) {
      throw new SubmissionException(
          "Only practice runs can be cancelled; a submission is always graded.");
    }
    if (run.status() == SubmissionStatus.DONE || !queue.cancel(run)) {
      throw new SubmissionException("Run #" + id + " has already finished.");
    }
  }

  private long store(String exerciseId, String fileName, byte[] source, SubmissionKind kind) {
    Account me =
        accounts.currentAccount().orElseThrow(() -> new AccessDeniedException("not signed in"));
    Exercise pack = exercises.find(exerciseId).orElse(null);
    if (pack == null) {
      throw new SubmissionException("There is no exercise called '" + exerciseId + "'.");
    }
    if (queue.refusal() != null) {
      throw new SubmissionException("Grading is switched off on this server: " + queue.refusal());
    }
    checkOpen(me, exerciseId, kind);
    if (source.length > MAX_BYTES) {
      throw new SubmissionException(
          String.format(
              Locale.ROOT,
              "The file is %,d bytes; submissions are limited to 1 MB.",
              source.length));
    }
    long id;
    synchronized (this) {
      if (submissions.activeCount(me.id()) >= properties.maxQueuedPerStudent()) {
        throw new SubmissionException(
            "You already have "
                + properties.maxQueuedPerStudent()
                + " submissions waiting to be graded; submit again when one has finished.");
      }
      // Stored (committed) before it is queued: the queue can be rebuilt from this table.
      id =
          submissions.insert(
              me.id(), exerciseId, safeName(fileName, pack), source, kind, clock.instant());
    }
    // Announced before it is handed to the queue: a worker may pick it up at once, and its
    // COMPILING must never reach a page before this QUEUED does.
    events.publish(
        new GradingUpdate(
            id, me.id(), exerciseId, GradingProgress.Phase.QUEUED, 0, 0, clock.instant()));
    queue.enqueue(id, kind);
    return id;
  }

  private void checkOpen(Account me, String exerciseId, SubmissionKind kind) {
    if (me.role() != Role.STUDENT) {
      return; // staff may try an exercise at any time
    }
    switch (deadlines.acceptance(me.id(), exerciseId)) {
      case NOT_OPEN ->
          throw new SubmissionException(
              "This exercise opens on "
                  + deadlines.when(deadlines.schedule(exerciseId).orElseThrow().release())
                  + ".");
      case REFUSED -> {
        if (kind == SubmissionKind.SUBMISSION) {
          throw new SubmissionException(
              "Submissions for this exercise closed on "
                  + deadlines.when(deadlines.effective(me.id(), exerciseId).orElseThrow().closes())
                  + "; you can still run the public tests.");
        }
      }
      default -> {}
    }
  }

  /**
   * A submission with its result; students see only their own. A student's request for someone
   * else's work is refused as if it did not exist, and recorded in the access log.
   */
  @PreAuthorize("isAuthenticated()")
  public Optional<Submission> find(long id) {
    Optional<Submission> s = submissions.find(id);
    Account me = accounts.currentAccount().orElseThrow();
    if (s.isPresent()
        && me.role() == Role.STUDENT
        && (s.get().accountId() != me.id() || !s.get().kind().byStudent())) {
      accessLog.refused(me, "submission " + id);
      return Optional.empty();
    }
    return s;
  }

  /** Every grading of one student's work for an exercise, all kinds, newest first. */
  @PreAuthorize("hasAnyRole('TA', 'INSTRUCTOR')")
  public List<Submission> allOf(long accountId, String exerciseId) {
    return submissions.findAllKinds(accountId, exerciseId);
  }

  /**
   * A student's submissions that count for an exercise: made before {@code closes}, oldest first.
   */
  @PreAuthorize("hasAnyRole('TA', 'INSTRUCTOR', 'SYSTEM')")
  public List<Submission> countedBefore(long accountId, String exerciseId, Instant closes) {
    return submissions.findByAccount(accountId, exerciseId).stream()
        .filter(s -> s.kind() == SubmissionKind.SUBMISSION && s.submittedAt().isBefore(closes))
        .sorted(Comparator.comparing(Submission::submittedAt).thenComparing(Submission::id))
        .toList();
  }

  /** Every stored submission (kind 'submission') of an exercise, oldest first. */
  @PreAuthorize("hasAnyRole('TA', 'INSTRUCTOR', 'SYSTEM')")
  public List<Submission> submissionsOf(String exerciseId) {
    return submissions.findByExercise(exerciseId);
  }

  /** The regrades and after-deadline gradings of a submission, oldest first. */
  @PreAuthorize("hasAnyRole('TA', 'INSTRUCTOR')")
  public List<Submission> gradingsOf(long submissionId) {
    return submissions.gradingsOf(submissionId);
  }

  /**
   * Grades a stored submission's source again, at batch priority, as a new submission row of the
   * given kind (the old result is kept). Inside a transaction it is queued once that commits.
   * Called by the deadline autograder (no one signed in) and by staff's regrade services.
   */
  @PreAuthorize("hasAnyRole('TA', 'INSTRUCTOR', 'SYSTEM')")
  public long gradeAgain(long originId, SubmissionKind kind) {
    if (kind.byStudent()) {
      throw new IllegalArgumentException("not a staff grading: " + kind);
    }
    long id = submissions.insertGrading(originId, kind, clock.instant());
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              queue.enqueue(id, kind);
            }
          });
    } else {
      queue.enqueue(id, kind);
    }
    return id;
  }

  /** The signed-in person's submissions for an exercise, newest first. */
  @PreAuthorize("isAuthenticated()")
  public List<Submission> mine(String exerciseId) {
    Account me = accounts.currentAccount().orElseThrow();
    return submissions.findByAccount(me.id(), exerciseId);
  }

  /** All of the signed-in person's runs and submissions, newest first. */
  @PreAuthorize("isAuthenticated()")
  public List<Submission> mineAll() {
    Account me = accounts.currentAccount().orElseThrow();
    return submissions.findAllByAccount(me.id());
  }

  /** When each grading phase of a submission began (empty for one the reader may not see). */
  @PreAuthorize("isAuthenticated()")
  public List<PhaseTime> phases(long id) {
    return find(id).map(s -> submissions.phases(s.id())).orElse(List.of());
  }

  /** Which worker graded a submission, on what device, in how many attempts (staff only). */
  @PreAuthorize("hasAnyRole('TA', 'INSTRUCTOR')")
  public Optional<GradingRun> gradingRun(long id) {
    return submissions.gradingRun(id);
  }

  /** Where a waiting submission stands, or empty once it runs or is done. */
  @PreAuthorize("isAuthenticated()")
  public Optional<QueueStatus> queueStatus(long id) {
    Optional<Submission> s = find(id);
    if (s.isEmpty() || s.get().status() != SubmissionStatus.QUEUED) {
      return Optional.empty();
    }
    int ahead = queue.ahead(id);
    long median = submissions.recentMedianMillis(s.get().exerciseId());
    if (median == 0) {
      median = 10_000;
    }
    // Every live grading thread of the cluster takes jobs from the same queue.
    int workers = Math.max(1, queue.liveGradingThreads());
    long estimate = (median * (ahead / workers + 1) + 999) / 1000;
    return Optional.of(new QueueStatus(ahead, estimate));
  }

  /** The stored bytes of a submission, as they arrived. */
  @PreAuthorize("isAuthenticated()")
  public Optional<byte[]> source(long id) {
    return find(id).map(s -> submissions.source(s.id()));
  }

  // Narrow reads for the gradebook and the deadline autograder (issue 17: each table has one
  // owner, so they ask here instead of querying the submission tables themselves).

  /** Per student and exercise: the best score of their stored submissions and the newest one. */
  @PreAuthorize("hasAnyRole('TA', 'INSTRUCTOR')")
  public List<SubmissionTally> tallies() {
    return submissions.tallies();
  }

  /** The accounts that stored a submission (kind 'submission') of the exercise. */
  @PreAuthorize("hasAnyRole('TA', 'INSTRUCTOR', 'SYSTEM')")
  public Set<Long> submitters(String exerciseId) {
    return submissions.submitters(exerciseId);
  }

  /**
   * Where each of these gradings stands (status, score); a student learns only of their own, staff
   * and the autograder of any.
   */
  @PreAuthorize("isAuthenticated()")
  public Map<Long, GradingOutcome> outcomes(Collection<Long> submissionIds) {
    Map<Long, GradingOutcome> out = submissions.outcomes(submissionIds);
    Optional<Account> me = accounts.currentAccount();
    if (me.isPresent() && me.get().role() == Role.STUDENT) {
      out.values().removeIf(o -> o.accountId() != me.get().id());
    }
    return out;
  }

  /**
   * Each account's best pruning result for the exercise, best accuracy first. Account ids only, no
   * names: the leaderboard shows them under pseudonyms to any signed-in student.
   */
  @PreAuthorize("isAuthenticated()")
  public List<BestPruningResult> bestPruningResults(String exerciseId) {
    return submissions.bestPruningResults(exerciseId);
  }

  private static String safeName(String fileName, Exercise pack) {
    String name = fileName == null ? "" : fileName.replaceAll("[^A-Za-z0-9._-]", "_");
    if (name.isBlank() || name.length() > 200) {
      return pack.metadata().file();
    }
    return name;
  }
}

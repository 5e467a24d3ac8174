package org.pruninglab.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pruninglab.account.Account;
import org.pruninglab.account.AccountService;
import org.pruninglab.base.LabProperties;
import org.pruninglab.deadline.DeadlineRepository.StoredExtension;
import org.pruninglab.exercise.Exercise;
import org.pruninglab.exercise.ExerciseCatalog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exercise schedules (release, deadline, late policy, grade release) and each student's effective
 * deadline: the exercise's, or their own extension when one is granted. Only instructors change a
 * schedule or release grades; TAs and instructors grant extensions.
 */
@Service
public class Deadlines {

  /** A late period or extension longer than this is a typing mistake. */
  static final Duration LONGEST = Duration.ofDays(365);

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

  private final DeadlineRepository repository;
  private final ExerciseCatalog exercises;
  private final AccountService accounts;
  private final Clock clock;
  private final ZoneId zone;

  Deadlines(
      DeadlineRepository repository,
      ExerciseCatalog exercises,
      AccountService accounts,
      Clock clock,
      LabProperties properties) {
    this.repository = repository;
    this.exercises = exercises;
    this.accounts = accounts;
    this.clock = clock;
    this.zone = properties.timeZone();
  }

  /** The schedule of an exercise on offer; empty for an unknown exercise. */
  public Optional<ExerciseSchedule> schedule(String exerciseId) {
    Exercise pack = exercises.find(exerciseId).orElse(null);
    if (pack == null) {
      return Optional.empty();
    }
    return Optional.of(repository.schedule(exerciseId).orElseGet(() -> packSchedule(pack)));
  }

  /** Every exercise's schedule, in course order. */
  public List<ExerciseSchedule> schedules() {
    return exercises.all().stream()
        .sorted(Comparator.comparingInt((Exercise p) -> p.metadata().order()))
        .map(p -> schedule(p.id()).orElseThrow())
        .toList();
  }

  /** The deadline of {@code exerciseId} for the given student; empty for an unknown exercise. */
  public Optional<EffectiveDeadline> effective(long accountId, String exerciseId) {
    return schedule(exerciseId).map(s -> effective(s, extension(accountId, exerciseId)));
  }

  private static EffectiveDeadline effective(
      ExerciseSchedule s, Optional<StoredExtension> extension) {
    Duration late = s.late().latePeriod();
    if (extension.isEmpty()) {
      return new EffectiveDeadline(s.due(), false, late);
    }
    StoredExtension e = extension.get();
    // An exercise moved later than an old extension keeps the later of the two.
    Instant due = e.due().isAfter(s.due()) ? e.due() : s.due();
    return new EffectiveDeadline(due, true, e.latePeriod() == null ? late : e.latePeriod());
  }

  public LatePolicy latePolicy(String exerciseId) {
    return schedule(exerciseId).map(ExerciseSchedule::late).orElse(LatePolicy.strict());
  }

  /** How a submission by this student made now would be treated. */
  public Acceptance acceptance(long accountId, String exerciseId) {
    ExerciseSchedule s = schedule(exerciseId).orElseThrow();
    Instant now = clock.instant();
    if (!s.open(now)) {
      return Acceptance.NOT_OPEN;
    }
    EffectiveDeadline d = effective(s, extension(accountId, exerciseId));
    if (!d.passed(now)) {
      return Acceptance.ON_TIME;
    }
    if (!d.closed(now)) {
      return Acceptance.LATE;
    }
    return s.late().afterLate() == AfterLate.REFUSE ? Acceptance.REFUSED : Acceptance.PRACTICE;
  }

  /**
   * Sets an exercise's schedule. Refused, with nothing changed, when the release is not before the
   * deadline, the late period is negative or longer than a year, the penalty is outside 0–100 %, or
   * automatic grade release is set before the deadline.
   */
  @PreAuthorize("hasRole('INSTRUCTOR')")
  @Transactional
  public ExerciseSchedule updateSchedule(String exerciseId, ScheduleChange change) {
    ExerciseSchedule old = known(exerciseId);
    checkSchedule(change);
    LatePolicy late = change.late() == null ? LatePolicy.strict() : change.late();
    Account me = accounts.currentAccount().orElseThrow();
    writeSchedule(
        exerciseId,
        change.release(),
        change.due(),
        late,
        change.finalChoice() == null ? FinalChoice.LAST : change.finalChoice(),
        change.gradesReleaseAt(),
        old.gradesReleasedAt(),
        change.leaderboard(),
        me.id());
    return schedule(exerciseId).orElseThrow();
  }

  /**
   * Throws {@link DeadlineException} saying what {@link #updateSchedule} would refuse in this
   * change, so that a page can ask about a risky one only once it is valid.
   */
  public void checkSchedule(ScheduleChange change) {
    if (change.due() == null) {
      throw new DeadlineException("The deadline is required.");
    }
    if (change.release() != null && !change.release().isBefore(change.due())) {
      throw new DeadlineException(
          "The release ("
              + when(change.release())
              + ") must be before the deadline ("
              + when(change.due())
              + ").");
    }
    LatePolicy late = change.late() == null ? LatePolicy.strict() : change.late();
    checkLatePeriod(late.latePeriod());
    if (Double.isNaN(late.percent()) || late.percent() < 0) {
      throw new DeadlineException(
          "A late penalty cannot be negative (it was " + late.percent() + " %).");
    }
    if (late.percent() > 100) {
      throw new DeadlineException(
          "A late penalty takes off at most 100 % (it was " + late.percent() + " %).");
    }
    if (change.gradesReleaseAt() != null && change.gradesReleaseAt().isBefore(change.due())) {
      throw new DeadlineException(
          "Grades cannot be released automatically before the deadline ("
              + when(change.due())
              + ").");
    }
  }

  /** Releases an exercise's grades of record to students now. */
  @PreAuthorize("hasRole('INSTRUCTOR')")
  @Transactional
  public ExerciseSchedule releaseGrades(String exerciseId) {
    ExerciseSchedule s = known(exerciseId);
    return setGradeRelease(s, s.gradesReleaseAt(), clock.instant(), "release");
  }

  /**
   * Takes a release back: students see "not yet released" again until the next release. An
   * automatic release time that has already come goes too (it would release them again at once);
   * one still ahead stays. Refused when the grades are not released.
   */
  @PreAuthorize("hasRole('INSTRUCTOR')")
  @Transactional
  public ExerciseSchedule withdrawGradeRelease(String exerciseId) {
    ExerciseSchedule s = known(exerciseId);
    Instant now = clock.instant();
    if (!s.gradesReleased(now)) {
      throw new DeadlineException(
          "The grades of " + exerciseId + " are not released: there is no release to withdraw.");
    }
    Instant automatic =
        s.gradesReleaseAt() != null && s.gradesReleaseAt().isAfter(now)
            ? s.gradesReleaseAt()
            : null;
    return setGradeRelease(s, automatic, null, "withdraw");
  }

  private ExerciseSchedule setGradeRelease(
      ExerciseSchedule s, Instant releaseAt, Instant releasedAt, String action) {
    Account me = accounts.currentAccount().orElseThrow();
    writeSchedule(
        s.exerciseId(),
        s.release(),
        s.due(),
        s.late(),
        s.finalChoice(),
        releaseAt,
        releasedAt,
        s.leaderboard(),
        me.id());
    repository.insertReleaseEvent(s.exerciseId(), action, me.id(), clock.instant());
    return schedule(s.exerciseId()).orElseThrow();
  }

  /** Every release by hand and withdrawal of an exercise's grades, newest first. */
  @PreAuthorize("hasAnyRole('TA', 'INSTRUCTOR')")
  public List<GradeReleaseEvent> gradeReleases(String exerciseId) {
    List<DeadlineRepository.StoredReleaseEvent> events = repository.releaseEvents(exerciseId);
    Map<Long, String> names =
        accounts.usernames(
            events.stream().map(DeadlineRepository.StoredReleaseEvent::actorId).toList());
    return events.stream()
        .map(
            e ->
                new GradeReleaseEvent(e.exerciseId(), e.released(), names.get(e.actorId()), e.at()))
        .toList();
  }

  /**
   * Gives a student a later deadline and/or a longer late period for one exercise (replacing an
   * earlier extension). {@code due} null keeps the exercise's deadline; {@code latePeriod} null
   * keeps the exercise's late period. Refused when it ends before the exercise's deadline or would
   * change nothing.
   */
  @PreAuthorize("hasAnyRole('TA', 'INSTRUCTOR')")
  @Transactional
  public EffectiveDeadline grantExtension(
      long accountId, String exerciseId, Instant due, Duration latePeriod) {
    return grantExtensions(List.of(accountId), exerciseId, due, latePeriod).get(0);
  }

  /** The same extension for several students at once: all are granted, or none. */
  @PreAuthorize("hasAnyRole('TA', 'INSTRUCTOR')")
  @Transactional
  public List<EffectiveDeadline> grantExtensions(
      List<Long> accountIds, String exerciseId, Instant due, Duration latePeriod) {
    ExerciseSchedule s = known(exerciseId);
    if (accountIds.isEmpty()) {
      throw new DeadlineException("Choose at least one student.");
    }
    Instant newDue = due == null ? s.due() : due;
    if (newDue.isBefore(s.due())) {
      throw new DeadlineException(
          "An extension cannot end before the exercise's deadline ("
              + when(s.due())
              + "); "
              + when(newDue)
              + " is earlier.");
    }
    if (latePeriod != null) {
      checkLatePeriod(latePeriod);
    }
    if (Duration.between(s.due(), newDue).compareTo(LONGEST) > 0) {
      throw new DeadlineException("An extension of more than a year is surely a mistake.");
    }
    Duration late = latePeriod == null ? s.late().latePeriod() : latePeriod;
    if (!newDue.isAfter(s.due()) && late.compareTo(s.late().latePeriod()) <= 0) {
      throw new DeadlineException(
          "This extension would change nothing: give a deadline after "
              + when(s.due())
              + " or a longer late period.");
    }
    Set<Long> students = accounts.studentsAmong(accountIds);
    for (long id : accountIds) {
      if (!students.contains(id)) {
        throw new DeadlineException("There is no student with account number " + id + ".");
      }
    }
    Account staff = accounts.currentAccount().orElseThrow();
    for (long id : accountIds) {
      repository.replaceExtension(id, exerciseId, newDue, latePeriod, staff.id(), clock.instant());
    }
    return accountIds.stream().map(id -> effective(id, exerciseId).orElseThrow()).toList();
  }

  /** Takes a student's extension back; they have the exercise's deadline again. */
  @PreAuthorize("hasAnyRole('TA', 'INSTRUCTOR')")
  @Transactional
  public void revokeExtension(long accountId, String exerciseId) {
    known(exerciseId);
    repository.deleteExtension(accountId, exerciseId);
  }

  /** The extensions granted for an exercise, by username. */
  @PreAuthorize("hasAnyRole('TA', 'INSTRUCTOR')")
  public List<Extension> extensions(String exerciseId) {
    return named(repository.extensions(exerciseId));
  }

  /** Every extension granted, of every exercise, by username. */
  @PreAuthorize("hasAnyRole('TA', 'INSTRUCTOR')")
  public List<Extension> extensions() {
    return named(repository.allExtensions());
  }

  private List<Extension> named(List<StoredExtension> stored) {
    Set<Long> people = new HashSet<>();
    for (StoredExtension e : stored) {
      people.add(e.accountId());
      people.add(e.grantedBy());
    }
    Map<Long, String> names = accounts.usernames(people);
    return stored.stream()
        .map(
            e ->
                new Extension(
                    e.accountId(),
                    names.get(e.accountId()),
                    e.exerciseId(),
                    e.due(),
                    e.latePeriod(),
                    names.get(e.grantedBy()),
                    e.grantedAt()))
        .sorted(Comparator.comparing(Extension::username).thenComparing(Extension::exerciseId))
        .toList();
  }

  /** A time as messages write it, in the course's time zone. */
  public String when(Instant t) {
    return WHEN.format(t.atZone(zone)) + " (" + zone.getId() + ")";
  }

  private Optional<StoredExtension> extension(long accountId, String exerciseId) {
    return repository.extension(accountId, exerciseId);
  }

  private ExerciseSchedule known(String exerciseId) {
    return schedule(exerciseId)
        .orElseThrow(
            () -> new DeadlineException("There is no exercise called '" + exerciseId + "'."));
  }

  private static void checkLatePeriod(Duration late) {
    if (late.isNegative()) {
      throw new DeadlineException("A late period cannot be negative.");
    }
    if (late.compareTo(LONGEST) > 0) {
      throw new DeadlineException("A late period of more than a year is surely a mistake.");
    }
  }

  private void writeSchedule(
      String exerciseId,
      Instant release,
      Instant due,
      LatePolicy late,
      FinalChoice finalChoice,
      Instant gradesReleaseAt,
      Instant gradesReleasedAt,
      boolean leaderboard,
      long by) {
    repository.writeSchedule(
        exerciseId,
        release,
        due,
        late,
        finalChoice,
        gradesReleaseAt,
        gradesReleasedAt,
        leaderboard,
        by,
        clock.instant());
  }

  private static ExerciseSchedule packSchedule(Exercise pack) {
    return new ExerciseSchedule(
        pack.id(),
        null,
        pack.metadata().deadline().toInstant(),
        LatePolicy.strict(),
        FinalChoice.LAST,
        null,
        null,
        false,
        false);
  }
}

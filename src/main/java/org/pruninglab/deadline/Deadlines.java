package org.pruninglab.deadline;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.pruninglab.account.Account;
import org.pruninglab.account.AccountService;
import org.pruninglab.grading.GradingEngine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Effective deadlines: the pack's deadline, or the student's own extension when one is granted. */
@Service
public class Deadlines {

  private final JdbcClient jdbc;
  private final GradingEngine engine;
  private final AccountService accounts;
  private final Clock clock;

  Deadlines(JdbcClient jdbc, GradingEngine engine, AccountService accounts, Clock clock) {
    this.jdbc = jdbc;
    this.engine = engine;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** The deadline of {@code exerciseId} for the given student; empty for an unknown exercise. */
  public Optional<EffectiveDeadline> effective(long accountId, String exerciseId) {
    var pack = engine.catalog().packs().get(exerciseId);
    if (pack == null) {
      return Optional.empty();
    }
    Optional<Instant> extension =
        jdbc.sql("select due_at from extension where account_id = ? and exercise_id = ?")
            .params(accountId, exerciseId)
            .query((rs, n) -> rs.getTimestamp(1).toInstant())
            .optional();
    return Optional.of(
        extension
            .map(due -> new EffectiveDeadline(due, true))
            .orElse(new EffectiveDeadline(pack.metadata().deadline().toInstant(), false)));
  }

  public LatePolicy latePolicy(String exerciseId) {
    return LatePolicy.strict();
  }

  /**
   * Gives a student a later deadline for one exercise (replacing an earlier extension). Refused
   * when it is not after the exercise's own deadline.
   */
  @PreAuthorize("hasAnyRole('TA', 'INSTRUCTOR')")
  @Transactional
  public EffectiveDeadline grantExtension(long accountId, String exerciseId, Instant due) {
    var pack = engine.catalog().packs().get(exerciseId);
    if (pack == null) {
      throw new DeadlineException("There is no exercise called '" + exerciseId + "'.");
    }
    Instant deadline = pack.metadata().deadline().toInstant();
    if (!due.isAfter(deadline)) {
      throw new DeadlineException(
          "An extension must end after the exercise's deadline (" + deadline + "), not " + due);
    }
    Account staff = accounts.currentAccount().orElseThrow();
    jdbc.sql("delete from extension where account_id = ? and exercise_id = ?")
        .params(accountId, exerciseId)
        .update();
    jdbc.sql(
            "insert into extension (account_id, exercise_id, due_at, granted_by, granted_at)"
                + " values (?, ?, ?, ?, ?)")
        .params(
            accountId, exerciseId, Timestamp.from(due), staff.id(), Timestamp.from(clock.instant()))
        .update();
    return new EffectiveDeadline(due, true);
  }
}

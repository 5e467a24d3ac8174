package org.pruninglab.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests refused because someone reached for work that is not theirs: written to the log and to
 * the {@code access_refusal} table, which instructors read on the gradebook's access-log tab.
 */
@Service
public class AccessLog {

  private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);

  private final AccessRefusalRepository refusals;
  private final Clock clock;

  AccessLog(AccessRefusalRepository refusals, Clock clock) {
    this.refusals = refusals;
    this.clock = clock;
  }

  /** One refused request (kept even when the caller's transaction rolls back). */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void refused(Account who, String what) {
    LOG.warn(
        "Refused: {} (account {}) asked for {}, which is not theirs",
        who.username(),
        who.id(),
        what);
    refusals.insert(who.id(), what.length() > 300 ? what.substring(0, 300) : what, clock.instant());
  }

  /** The latest refusals, newest first. */
  @PreAuthorize("hasAnyRole('TA', 'INSTRUCTOR')")
  public List<Refusal> recent(int limit) {
    return refusals.recent(limit);
  }

  /** A refused request: who, what they asked for, when. */
  public record Refusal(String username, String what, Instant at) {}
}

package org.pruninglab.workspace;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.pruninglab.account.Account;
import org.pruninglab.account.AccountService;
import org.pruninglab.exercise.Exercise;
import org.pruninglab.exercise.ExerciseCatalog;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in student's drafts. A save names the version it was based on; if the stored draft has
 * moved on since (another tab, another browser), the save is refused with the stored draft, never
 * silently overwritten. Oversized drafts are refused and the last good one stays.
 */
@Service
public class DraftService {

  /** The largest draft kept (the grading limit is the same). */
  public static final int MAX_BYTES = 256 * 1024;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  private final DraftRepository drafts;
  private final AccountService accounts;
  private final ExerciseCatalog exercises;
  private final Clock clock;

  DraftService(
      DraftRepository drafts, AccountService accounts, ExerciseCatalog exercises, Clock clock) {
    this.drafts = drafts;
    this.accounts = accounts;
    this.exercises = exercises;
    this.clock = clock;
  }

  /** The stored draft, or the starter code as version 0. */
  @PreAuthorize("isAuthenticated()")
  public Draft load(String exerciseId) {
    Exercise pack = pack(exerciseId);
    return drafts
        .find(me().id(), exerciseId)
        .orElseGet(() -> new Draft(exerciseId, pack.starter(), 0, null));
  }

  /**
   * Saves {@code source} over version {@code basedOn}; returns the new draft.
   *
   * @throws DraftConflictException if the stored draft is no longer {@code basedOn}
   * @throws DraftException if the draft is too large
   */
  @PreAuthorize("isAuthenticated()")
  @Transactional
  public Draft save(String exerciseId, String source, long basedOn) {
    pack(exerciseId);
    int bytes = source.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      throw new DraftException(
          String.format(
              Locale.ROOT,
              "The draft is %,d bytes; drafts are"
                  + " limited to %,d bytes (256 KB). Your last saved draft is kept.",
              bytes,
              MAX_BYTES));
    }
    long me = me().id();
    boolean saved =
        basedOn == 0
            ? drafts.insertFirst(me, exerciseId, source, clock.instant())
            : drafts.replace(me, exerciseId, basedOn, source, clock.instant());
    if (!saved) {
      Draft current = drafts.find(me, exerciseId).orElseThrow();
      throw new DraftConflictException(
          "This draft was saved elsewhere (another tab or browser)"
              + " at "
              + TIME.format(current.updatedAt().atZone(ZoneId.systemDefault()))
              + "; nothing was overwritten. Reload to see that version, or copy your text first.",
          current);
    }
    return drafts.find(me, exerciseId).orElseThrow();
  }

  /** Replaces the draft with the starter code; the old draft goes to the history. */
  @PreAuthorize("isAuthenticated()")
  @Transactional
  public Draft resetToStarter(String exerciseId, long basedOn) {
    Exercise pack = pack(exerciseId);
    Draft current = load(exerciseId);
    if (current.version() == 0) {
      return current;
    }
    drafts.keep(me().id(), current, "reset to starter", clock.instant());
    return save(exerciseId, pack.starter(), basedOn);
  }

  /**
   * Replaces the draft with earlier code (a run's source, an earlier draft); the draft it replaces
   * goes to the history first, saying {@code why}, so a restore never loses text.
   *
   * @throws DraftConflictException if the stored draft is no longer {@code basedOn}
   */
  @PreAuthorize("isAuthenticated()")
  @Transactional
  public Draft restore(String exerciseId, String source, long basedOn, String why) {
    Draft current = load(exerciseId);
    if (current.version() != 0) {
      drafts.keep(
          me().id(), current, why.length() > 40 ? why.substring(0, 40) : why, clock.instant());
    }
    return save(exerciseId, source, basedOn);
  }

  /** Replaced drafts, newest first. */
  @PreAuthorize("isAuthenticated()")
  public List<DraftHistoryEntry> history(String exerciseId) {
    return drafts.history(me().id(), exerciseId);
  }

  private Exercise pack(String exerciseId) {
    Exercise pack = exercises.find(exerciseId).orElse(null);
    if (pack == null) {
      throw new DraftException("There is no exercise called '" + exerciseId + "'.");
    }
    return pack;
  }

  private Account me() {
    return accounts.currentAccount().orElseThrow(() -> new AccessDeniedException("not signed in"));
  }
}

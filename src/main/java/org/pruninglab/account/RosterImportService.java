package org.pruninglab.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Imports a course roster from CSV, all or nothing: a file with any problem imports nothing, and a
 * good file is applied in one transaction. Importing the same file again changes nothing. Accounts
 * missing from the file are left alone; imported accounts get no password until the instructor
 * issues one.
 */
@Service
public class RosterImportService {

  private static final Logger log = LoggerFactory.getLogger(RosterImportService.class);

  private final AccountRepository accounts;
  private final AccountService accountService;
  private final RosterCsvParser parser;
  private final Clock clock;

  RosterImportService(
      AccountRepository accounts,
      AccountService accountService,
      AccountProperties properties,
      Clock clock) {
    this.accounts = accounts;
    this.accountService = accountService;
    this.parser = new RosterCsvParser(properties.roster());
    this.clock = clock;
  }

  /** What importing the file would do now; changes nothing. */
  @PreAuthorize("hasRole('INSTRUCTOR')")
  @Transactional(readOnly = true)
  public RosterPlan preview(byte[] file) {
    return plan(file);
  }

  /**
   * Imports the file in one transaction.
   *
   * @throws RosterImportException listing every problem, when the file cannot be imported whole
   */
  @PreAuthorize("hasRole('INSTRUCTOR')")
  @Transactional
  public RosterPlan apply(byte[] file) {
    RosterPlan plan = plan(file);
    if (!plan.problems().isEmpty()) {
      throw new RosterImportException(plan.problems());
    }
    var now = clock.instant();
    log.info("Roster import: applying {} rows", plan.changes().size());
    for (RosterChange change : plan.changes()) {
      switch (change.kind()) {
        case CREATE -> accounts.insert(change.details(), null, false, now);
        case UPDATE ->
            accounts.updateDetails(
                accounts.findByUsername(change.details().username()).orElseThrow().id(),
                change.details(),
                now);
        case UNCHANGED -> {}
      }
    }
    String summary =
        plan.count(RosterChange.Kind.CREATE)
            + " created, "
            + plan.count(RosterChange.Kind.UPDATE)
            + " updated, "
            + plan.count(RosterChange.Kind.UNCHANGED)
            + " unchanged";
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            log.info("Roster import committed: {}", summary);
          }
        });
    return plan;
  }

  private RosterPlan plan(byte[] file) {
    RosterCsvParser.Parsed parsed = parser.parse(file);
    List<RosterProblem> problems = new ArrayList<>(parsed.problems());
    Map<String, Account> existing =
        accounts.findAll().stream()
            .collect(Collectors.toMap(Account::username, Function.identity()));
    Optional<Account> me = accountService.currentAccount();
    List<RosterChange> changes = new ArrayList<>();
    for (RosterCsvParser.Row row : parsed.rows()) {
      AccountDetails wanted = row.details();
      Account current = existing.get(wanted.username());
      if (current == null) {
        changes.add(new RosterChange(row.line(), wanted, RosterChange.Kind.CREATE, ""));
        continue;
      }
      if (me.isPresent() && me.get().id() == current.id() && current.role() != wanted.role()) {
        problems.add(
            new RosterProblem(
                row.line(), "you cannot change your own role ('" + wanted.username() + "')."));
        continue;
      }
      String difference = difference(current, wanted);
      changes.add(
          new RosterChange(
              row.line(),
              wanted,
              difference.isEmpty() ? RosterChange.Kind.UNCHANGED : RosterChange.Kind.UPDATE,
              difference));
    }
    problems.sort(Comparator.comparingInt(RosterProblem::line));
    return new RosterPlan(changes, problems);
  }

  private static String difference(Account current, AccountDetails wanted) {
    List<String> parts = new ArrayList<>();
    if (!current.displayName().equals(wanted.displayName())) {
      parts.add("name '" + current.displayName() + "' → '" + wanted.displayName() + "'");
    }
    if (!current.email().equals(wanted.email())) {
      parts.add("email " + current.email() + " → " + wanted.email());
    }
    if (current.role() != wanted.role()) {
      parts.add("role " + current.role() + " → " + wanted.role());
    }
    return String.join("; ", parts);
  }
}

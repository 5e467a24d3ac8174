package org.pruninglab.account;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: who is signed in, the instructor's account management, password changes. */
@Service
public class AccountService {

  private static final Logger log = LoggerFactory.getLogger(AccountService.class);

  private final AccountRepository accounts;
  private final PasswordEncoder encoder;
  // One-time passwords are ~93 random bits: brute force is hopeless without key stretching, so
  // a low bcrypt cost keeps issuing them for a course of hundreds quick. See
  // docs/decisions/2026-12-02-one-time-password-hashing.md.
  private final PasswordEncoder oneTimeEncoder =
      new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4)));
  private final PasswordPolicy policy;
  private final Clock clock;

  AccountService(
      AccountRepository accounts, PasswordEncoder encoder, PasswordPolicy policy, Clock clock) {
    this.accounts = accounts;
    this.encoder = encoder;
    this.policy = policy;
    this.clock = clock;
  }

  /** The signed-in person's account, if someone is signed in and the account still exists. */
  public Optional<Account> currentAccount() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
      return Optional.empty();
    }
    return accounts.findByUsername(auth.getName());
  }

  @PreAuthorize("hasAnyRole('TA', 'INSTRUCTOR')")
  public List<Account> listAccounts() {
    return accounts.findAll();
  }

  /**
   * The course's students: every active student, and those who left but still have work in the
   * course ({@code withWork}: the ids of accounts with work there, as the asking feature counts
   * it), by username. A student who leaves keeps their grades and submissions; the gradebook and
   * the deadline autograder both ask here, so they agree on who is in the course.
   */
  @PreAuthorize("hasAnyRole('TA', 'INSTRUCTOR', 'SYSTEM')")
  public List<Account> courseStudents(Set<Long> withWork) {
    return accounts.findStudents().stream()
        .filter(a -> a.active() || withWork.contains(a.id()))
        .toList();
  }

  /**
   * Which of these accounts are students (active or not); says nothing else about them, so any
   * signed-in person's request may ask (the leaderboard shows students only, under pseudonyms).
   */
  @PreAuthorize("isAuthenticated()")
  public Set<Long> studentsAmong(Collection<Long> accountIds) {
    return accounts.studentIdsAmong(accountIds);
  }

  /** The usernames of these accounts, by id, for pages that say who did what. */
  @PreAuthorize("hasAnyRole('TA', 'INSTRUCTOR', 'SYSTEM')")
  public Map<Long, String> usernames(Collection<Long> accountIds) {
    return accounts.usernames(accountIds);
  }

  @PreAuthorize("hasRole('INSTRUCTOR')")
  @Transactional
  public Account create(AccountDetails details) {
    if (accounts.findByUsername(details.username()).isPresent()) {
      throw new AccountException("An account named '" + details.username() + "' already exists.");
    }
    long id = accounts.insert(details, null, false, clock.instant());
    log.info("Account {} ({}) created by {}", details.username(), details.role(), actor());
    return accounts.findById(id).orElseThrow();
  }

  /** Issues a one-time password that must be changed at the next sign-in. */
  @PreAuthorize("hasRole('INSTRUCTOR')")
  @Transactional
  public IssuedPassword resetPassword(long accountId) {
    Account account = existing(accountId);
    String password = policy.oneTimePassword();
    accounts.setPassword(accountId, oneTimeEncoder.encode(password), true, clock.instant());
    log.info("One-time password issued to {} by {}", account.username(), actor());
    return new IssuedPassword(account.username(), account.displayName(), password);
  }

  /**
   * Issues one-time passwords to several accounts at once, all or none, sorted by username. Only
   * their hashes are stored: the returned passwords are the one chance to hand them out.
   */
  @PreAuthorize("hasRole('INSTRUCTOR')")
  @Transactional
  public List<IssuedPassword> issuePasswords(Collection<Long> accountIds) {
    if (accountIds.isEmpty()) {
      throw new AccountException("Choose at least one account.");
    }
    List<Account> chosen = new LinkedHashSet<>(accountIds).stream().map(this::existing).toList();
    Map<Long, String> passwords = new HashMap<>();
    var now = clock.instant();
    for (Account a : chosen) {
      String password = policy.oneTimePassword();
      passwords.put(a.id(), password);
      accounts.setPassword(a.id(), oneTimeEncoder.encode(password), true, now);
    }
    log.info("One-time passwords issued to {} accounts by {}", chosen.size(), actor());
    return chosen.stream()
        .sorted(Comparator.comparing(Account::username))
        .map(a -> new IssuedPassword(a.username(), a.displayName(), passwords.get(a.id())))
        .toList();
  }

  @PreAuthorize("hasRole('INSTRUCTOR')")
  @Transactional
  public void deactivate(long accountId) {
    Account account = existing(accountId);
    if (currentAccount().map(Account::id).orElse(-1L) == accountId) {
      throw new AccountException("You cannot deactivate your own account.");
    }
    if (account.role() == Role.INSTRUCTOR
        && account.active()
        && accounts.countActiveInstructors() <= 1) {
      throw new AccountException("The last active instructor cannot be deactivated.");
    }
    accounts.setActive(accountId, false, clock.instant());
    log.info("Account {} deactivated by {}", account.username(), actor());
  }

  @PreAuthorize("hasRole('INSTRUCTOR')")
  @Transactional
  public void reactivate(long accountId) {
    Account account = existing(accountId);
    accounts.setActive(accountId, true, clock.instant());
    log.info("Account {} reactivated by {}", account.username(), actor());
  }

  /** The signed-in person changes their own password, proving they know the current one. */
  @PreAuthorize("isAuthenticated()")
  @Transactional
  public void changeOwnPassword(String currentPassword, String newPassword) {
    Account me = currentAccount().orElseThrow(() -> new AccountException("You are not signed in."));
    String hash = accounts.passwordHash(me.username()).orElse(null);
    if (hash == null || currentPassword == null || !encoder.matches(currentPassword, hash)) {
      throw new AccountException("The current password is not correct.");
    }
    policy.check(me.username(), newPassword);
    if (encoder.matches(newPassword, hash)) {
      throw new AccountException("The new password must differ from the current one.");
    }
    accounts.setPassword(me.id(), encoder.encode(newPassword), false, clock.instant());
    log.info("Account {} changed its password", me.username());
  }

  /** For start-up seeding only (no one is signed in then): creates an account with a password. */
  Account createWithPassword(AccountDetails details, String password, boolean mustChange) {
    long id = accounts.insert(details, encoder.encode(password), mustChange, clock.instant());
    return accounts.findById(id).orElseThrow();
  }

  boolean isEmpty() {
    return accounts.count() == 0;
  }

  private Account existing(long accountId) {
    return accounts
        .findById(accountId)
        .orElseThrow(() -> new AccountException("No account with id " + accountId + "."));
  }

  private static String actor() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth == null ? "system" : auth.getName();
  }
}

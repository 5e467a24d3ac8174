package org.pruninglab.account;

import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * With the {@code demo} profile and an empty database, seeds a small course whose passwords are
 * printed in the README, so a newcomer can look around at once. Never active in production.
 */
@Component
@Profile("demo")
@Order(InitialAccounts.ORDER - 1)
class DemoCourse implements ApplicationRunner {

  /** The demo accounts and their passwords; the README's table lists the same. */
  static final List<DemoAccount> ACCOUNTS =
      List.of(
          new DemoAccount("instructor", "Iris Instructor", Role.INSTRUCTOR, "demo-instructor"),
          new DemoAccount("ta", "Theo Assistant", Role.TA, "demo-ta-pass"),
          new DemoAccount("alice", "Alice Student", Role.STUDENT, "demo-student"),
          new DemoAccount("bob", "Bob Student", Role.STUDENT, "demo-student"),
          new DemoAccount("chen", "Chen Student", Role.STUDENT, "demo-student"));

  private static final Logger log = LoggerFactory.getLogger(DemoCourse.class);

  private final AccountService accounts;
  private final DemoProperties properties;

  DemoCourse(AccountService accounts, DemoProperties properties) {
    this.accounts = accounts;
    this.properties = properties;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (!accounts.isEmpty()) {
      return;
    }
    for (DemoAccount demo : ACCOUNTS) {
      accounts.createWithPassword(
          new AccountDetails(
              demo.username(), demo.displayName(), demo.username() + "@demo.invalid", demo.role()),
          demo.password(),
          false);
    }
    for (int i = 1; i <= properties.extraStudents(); i++) {
      String name = String.format(Locale.ROOT, "student%03d", i);
      accounts.createWithPassword(
          new AccountDetails(name, "Student " + i, name + "@demo.invalid", Role.STUDENT),
          "demo-student",
          false);
    }
    log.warn(
        "Demo course created: {} accounts (instructor/demo-instructor, ta/demo-ta-pass,"
            + " alice|bob|chen/demo-student). Do not use the demo profile in production.",
        ACCOUNTS.size() + properties.extraStudents());
  }

  record DemoAccount(String username, String displayName, Role role, String password) {}
}

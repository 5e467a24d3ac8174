package org.pruninglab.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On first start with an empty database, creates the instructor account from {@code
 * lab.account.bootstrap.*}, so that someone can sign in and import the roster.
 */
@Component
@ConditionalOnWebApplication
@Order(InitialAccounts.ORDER)
class InitialAccounts implements ApplicationRunner {

  static final int ORDER = 100;

  private static final Logger log = LoggerFactory.getLogger(InitialAccounts.class);

  private final AccountService accounts;
  private final PasswordPolicy policy;
  private final AccountProperties.Bootstrap bootstrap;

  InitialAccounts(AccountService accounts, PasswordPolicy policy, AccountProperties properties) {
    this.accounts = accounts;
    this.policy = policy;
    this.bootstrap = properties.bootstrap();
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (!accounts.isEmpty()) {
      return;
    }
    var details =
        new AccountDetails(
            bootstrap.username(), bootstrap.displayName(), bootstrap.email(), Role.INSTRUCTOR);
    if (bootstrap.password().isEmpty()) {
      String password = policy.oneTimePassword();
      accounts.createWithPassword(details, password, true);
      // Printed once, on purpose: this is the only way in to a fresh installation.
      log.warn(
          "First start: created instructor account '{}' with one-time password {}"
              + " (it must be changed at first sign-in; this is the only time it is shown)",
          details.username(),
          password);
    } else {
      policy.check(details.username(), bootstrap.password());
      accounts.createWithPassword(details, bootstrap.password(), false);
      log.info(
          "First start: created instructor account '{}' with the configured password",
          details.username());
    }
  }
}

package org.pruninglab.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Account settings under {@code lab.account.*}.
 *
 * @param bootstrap the instructor created on first start with an empty database
 * @param login how failed sign-ins are throttled
 * @param roster limits on an uploaded roster file
 * @param minPasswordLength the shortest password a person may choose
 */
@ConfigurationProperties("lab.account")
public record AccountProperties(
    @DefaultValue Bootstrap bootstrap,
    @DefaultValue Login login,
    @DefaultValue Roster roster,
    @DefaultValue("10") int minPasswordLength) {

  public AccountProperties {
    if (minPasswordLength < 8 || minPasswordLength > 64) {
      throw new IllegalArgumentException(
          "lab.account.min-password-length must be between 8 and 64, was " + minPasswordLength);
    }
  }

  /**
   * @param password empty: a one-time password is generated and written to the log once
   */
  public record Bootstrap(
      @DefaultValue("instructor") String username,
      @DefaultValue("Course instructor") String displayName,
      @DefaultValue("instructor@localhost.localdomain") String email,
      @DefaultValue("") String password) {}

  /**
   * Limits on failed sign-ins within {@code window}; once one is reached, tries it covers are
   * refused for {@code lockout}. A lab room's students share one address (NAT), so the address's
   * ceiling is far above what one person's typos reach, and one person's typos lock out only them.
   *
   * @param maxFailuresPerAccountAndAddress failures for one username from one client address
   * @param maxFailuresPerAccount failures for one username from any address (guessing from many
   *     addresses; HTTP basic sign-ins count here only)
   * @param maxFailuresPerAddress failures from one client address for any usernames
   * @param window how far back failures count
   * @param lockout how long further tries are refused once a limit is reached
   */
  public record Login(
      @DefaultValue("5") int maxFailuresPerAccountAndAddress,
      @DefaultValue("20") int maxFailuresPerAccount,
      @DefaultValue("200") int maxFailuresPerAddress,
      @DefaultValue("15m") Duration window,
      @DefaultValue("15m") Duration lockout) {

    public Login {
      if (maxFailuresPerAccountAndAddress < 1
          || maxFailuresPerAccount < 1
          || maxFailuresPerAddress < 1) {
        throw new IllegalArgumentException(
            "lab.account.login.max-failures-per-account-and-address, -per-account and"
                + " -per-address must each be at least 1");
      }
    }
  }

  /**
   * @param maxRows the most accounts one roster file may hold
   * @param maxBytes the largest roster file accepted
   */
  public record Roster(@DefaultValue("5000") int maxRows, @DefaultValue("1048576") long maxBytes) {}
}

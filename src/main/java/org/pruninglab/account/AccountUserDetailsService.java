package org.pruninglab.account;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Loads accounts for sign-in. Inactive accounts and accounts without a password are reported as not
 * found, so that every refusal looks the same from outside.
 */
class AccountUserDetailsService implements UserDetailsService {

  private final AccountRepository accounts;

  AccountUserDetailsService(AccountRepository accounts) {
    this.accounts = accounts;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    String name = AccountDetails.normaliseUsername(username);
    Account account =
        accounts
            .findByUsername(name)
            .filter(Account::canSignIn)
            .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    String hash = accounts.passwordHash(name).orElseThrow();
    return new User(
        account.username(), hash, List.of(new SimpleGrantedAuthority(account.role().authority())));
  }
}

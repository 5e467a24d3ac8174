package org.pruninglab.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Username/password sign-in against the account table, throttled by {@link LoginThrottle}. */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

  private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

  private final DaoAuthenticationProvider delegate;
  private final LoginThrottle throttle;

  ThrottledAuthenticationProvider(
      AccountRepository accounts, PasswordEncoder encoder, LoginThrottle throttle) {
    this.delegate = new DaoAuthenticationProvider(new AccountUserDetailsService(accounts));
    this.delegate.setPasswordEncoder(encoder);
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = AccountDetails.normaliseUsername(authentication.getName());
    String from =
        authentication.getDetails() instanceof WebAuthenticationDetails web
            ? web.getRemoteAddress()
            : null;
    // HTTP basic: throttled per username only (see HttpBasicDetails).
    String address = authentication.getDetails() instanceof HttpBasicDetails ? null : from;
    var refused = throttle.refusedFor(username, address);
    if (refused.isPresent()) {
      log.warn("Sign-in for '{}' from {} refused: throttled", username, from);
      throw new SignInThrottledException(refused.get());
    }
    var token =
        UsernamePasswordAuthenticationToken.unauthenticated(
            username, authentication.getCredentials());
    token.setDetails(authentication.getDetails());
    try {
      Authentication result = delegate.authenticate(token);
      throttle.recordSuccess(username, address);
      log.info("Signed in: {} from {}", username, from);
      return result;
    } catch (AuthenticationException e) {
      throttle.recordFailure(username, address);
      log.info("Failed sign-in for '{}' from {}", username, from);
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}

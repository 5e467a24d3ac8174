package org.pruninglab.gradebook;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The identity the deadline autograder works under: role SYSTEM, which the services it calls admit,
 * and no account (so nothing it does can pass for a person's action).
 */
final class SystemIdentity {

  private SystemIdentity() {}

  static <T> T run(Supplier<T> work) {
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            "autograder", null, List.of(new SimpleGrantedAuthority("ROLE_SYSTEM"))));
    var previous = SecurityContextHolder.getContext();
    SecurityContextHolder.setContext(context);
    try {
      return work.get();
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }
}
